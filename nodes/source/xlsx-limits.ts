/**
 * Guards an XLSX file before a workbook library unpacks it. An XLSX is a zip of XML parts; a crafted one of
 * 100 KB can unpack to gigabytes (one shared string repeated), and a workbook library then needs many times
 * that in memory. So, before exceljs sees the bytes:
 *  1. the zip's central directory is read (no unpacking): entry count, declared unpacked sizes, packing ratio;
 *  2. each part is unpacked as a stream, counting bytes (a lying size header is caught at the first byte past
 *     it) and, in worksheets and the shared-string table, cells and strings — stopping at the first limit.
 * Browser-safe (DecompressionStream, no node: imports): the studio, the command line and runs share it.
 */
import { ParamError } from '../../runtime/errors.ts';

export interface XlsxLimits {
  /** Parts in the zip. */
  maxEntries: number;
  /** Sum of the unpacked sizes of all parts. */
  maxUnpackedBytes: number;
  /** Unpacked / packed size of one part, for parts over `ratioFloorBytes` unpacked. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Unpacked size of the shared-string table. */
  maxSharedStringBytes: number;
  maxSharedStrings: number;
  /** Cells over all worksheets. */
  maxCells: number;
}

const MIB = 1024 ** 2;
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 10_000,
  maxUnpackedBytes: 256 * MIB,
  maxRatio: 100,
  ratioFloorBytes: MIB,
  maxSharedStringBytes: 64 * MIB,
  maxSharedStrings: 1_000_000,
  maxCells: 5_000_000,
};

/** A workbook over one of `XlsxLimits`: the message names the limit, in Korean then English. */
export class XlsxLimitError extends ParamError {
  constructor(
    readonly limit: keyof XlsxLimits | 'format',
    readonly ko: string,
    readonly en: string,
  ) {
    super(`${ko} · ${en}`, 'path');
    this.name = 'XlsxLimitError';
  }
}

const mb = (n: number) => `${Math.round((n / MIB) * 10) / 10} MB`;
const count = (n: number) => n.toLocaleString('en-US');

interface Entry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

/** Throws `XlsxLimitError` when `bytes` is not a zip this reader accepts or would unpack past a limit. */
export async function checkXlsx(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<void> {
  const entries = centralDirectory(bytes, limits);
  let declared = 0;
  for (const e of entries) {
    declared += e.unpacked;
    if (e.unpacked > limits.ratioFloorBytes && e.unpacked > e.packed * limits.maxRatio) {
      throw new XlsxLimitError(
        'maxRatio',
        `XLSX 안의 "${e.name}"가 ${Math.round(e.unpacked / Math.max(e.packed, 1))}배로 압축되어 있어 거부합니다 (한도 ${limits.maxRatio}배)`,
        `part "${e.name}" is packed ${Math.round(e.unpacked / Math.max(e.packed, 1))}:1, over the ${limits.maxRatio}:1 limit`,
      );
    }
    if (isSharedStrings(e.name) && e.unpacked > limits.maxSharedStringBytes)
      throw sharedStringBytes(e.unpacked, limits);
  }
  if (declared > limits.maxUnpackedBytes) throw unpackedTooLarge(declared, limits);

  let total = 0;
  const tally = { cells: 0, strings: 0 };
  for (const e of entries) {
    const counter = isWorksheet(e.name) ? 'cells' : isSharedStrings(e.name) ? 'strings' : undefined;
    const size = await unpackCounting(bytes, e, limits.maxUnpackedBytes - total, counter, tally, limits);
    total += size;
  }
}

const isSharedStrings = (name: string) => /(^|\/)sharedStrings\d*\.xml$/i.test(name);
const isWorksheet = (name: string) => /(^|\/)worksheets\/[^/]+\.xml$/i.test(name);

const unpackedTooLarge = (n: number, limits: XlsxLimits) =>
  new XlsxLimitError(
    'maxUnpackedBytes',
    `XLSX의 압축을 푼 크기가 ${mb(n)}를 넘어 거부합니다 (한도 ${mb(limits.maxUnpackedBytes)}). 필요한 시트만 CSV로 저장해 올려 주세요`,
    `the unpacked workbook exceeds ${mb(limits.maxUnpackedBytes)}; save the sheet you need as CSV`,
  );
const sharedStringBytes = (n: number, limits: XlsxLimits) =>
  new XlsxLimitError(
    'maxSharedStringBytes',
    `XLSX의 공유 문자열 표가 ${mb(n)}를 넘어 거부합니다 (한도 ${mb(limits.maxSharedStringBytes)})`,
    `the shared-string table exceeds ${mb(limits.maxSharedStringBytes)}`,
  );
const notAZip = (why: string) =>
  new XlsxLimitError('format', `XLSX 파일 구조가 올바르지 않습니다 (${why})`, `not a readable XLSX zip (${why})`);

function centralDirectory(bytes: Uint8Array, limits: XlsxLimits): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw notAZip('zip directory missing');
  const count = u16(eocd + 10);
  const start = u32(eocd + 16);
  if (count === 0xffff || start === 0xffffffff) throw notAZip('ZIP64 is not accepted');
  if (count > limits.maxEntries) {
    throw new XlsxLimitError(
      'maxEntries',
      `XLSX 안의 파일이 ${count.toLocaleString('en-US')}개로 너무 많습니다 (한도 ${limits.maxEntries.toLocaleString('en-US')}개)`,
      `${count} parts in the zip, over the ${limits.maxEntries} limit`,
    );
  }
  const entries: Entry[] = [];
  let at = start;
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw notAZip('damaged zip directory');
    const nameLength = u16(at + 28);
    const entry: Entry = {
      method: u16(at + 10),
      packed: u32(at + 20),
      unpacked: u32(at + 24),
      localOffset: u32(at + 42),
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.method !== 0 && entry.method !== 8) throw notAZip(`unsupported packing method ${entry.method}`);
    if (entry.packed === 0xffffffff || entry.unpacked === 0xffffffff) throw notAZip('ZIP64 is not accepted');
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/** Matches a cell (`<c …>`, `<x:c/>`) or a shared string (`<si>`) start tag; never longer than `CARRY`. */
const TOKENS = { cells: /<(?:[A-Za-z_][\w.-]{0,15}:)?c[\s>/]/g, strings: /<(?:[A-Za-z_][\w.-]{0,15}:)?si[\s>/]/g };
const CARRY = 24;

/**
 * Unpacks one part as a stream, failing at the first byte past its declared size or past `budget`, and
 * counting cells or shared strings on the way. Returns the unpacked size.
 */
async function unpackCounting(
  bytes: Uint8Array,
  e: Entry,
  budget: number,
  counter: 'cells' | 'strings' | undefined,
  tally: { cells: number; strings: number },
  limits: XlsxLimits,
): Promise<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== 0x04034b50) {
    throw notAZip('damaged part header');
  }
  const dataStart =
    e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const packed = bytes.subarray(dataStart, dataStart + e.packed);
  // Blob wants an ArrayBuffer-backed view; the bytes may sit on a SharedArrayBuffer in a worker.
  const raw = new Blob([packed as Uint8Array<ArrayBuffer>]).stream();
  const stream =
    e.method === 0
      ? raw
      : raw.pipeThrough(new DecompressionStream('deflate-raw') as ReadableWritablePair<Uint8Array, Uint8Array>);
  const latin1 = new TextDecoder('latin1');
  let size = 0;
  let tail = '';
  const reader = stream.getReader();
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      const chunk = next.value;
      size += chunk.length;
      if (size > e.unpacked) throw notAZip(`"${e.name}" unpacks past its declared size`);
      if (size > budget) throw unpackedTooLarge(size, limits);
      if (counter === 'strings' && size > limits.maxSharedStringBytes) throw sharedStringBytes(size, limits);
      if (!counter) continue;
      const text = tail + latin1.decode(chunk);
      const pattern = TOKENS[counter];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m.index + m[0].length > tail.length) tally[counter]++;
      }
      tail = text.slice(-CARRY);
      if (tally.cells > limits.maxCells) {
        throw new XlsxLimitError(
          'maxCells',
          `XLSX의 셀이 ${count(limits.maxCells)}개를 넘어 거부합니다 (한도 ${count(limits.maxCells)}개). 필요한 부분만 CSV로 저장해 올려 주세요`,
          `more than ${count(limits.maxCells)} cells; save the part you need as CSV`,
        );
      }
      if (tally.strings > limits.maxSharedStrings) {
        throw new XlsxLimitError(
          'maxSharedStrings',
          `XLSX의 공유 문자열이 ${count(limits.maxSharedStrings)}개를 넘어 거부합니다 (한도 ${count(limits.maxSharedStrings)}개)`,
          `more than ${count(limits.maxSharedStrings)} shared strings`,
        );
      }
    }
  } catch (error) {
    if (error instanceof XlsxLimitError) throw error;
    throw notAZip(`"${e.name}" cannot be unpacked`);
  } finally {
    await reader.cancel().catch(() => {});
  }
  if (size !== e.unpacked) throw notAZip(`"${e.name}" unpacks to a size other than declared`);
  return size;
}
