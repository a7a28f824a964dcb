import { encode as encodePng } from 'fast-png';
import { inflateSync, unzlibSync } from 'fflate';
import { imageSize } from './image-decode.ts';

/**
 * The page images of a scanned PDF, the way scanners write them: every page is one raster image XObject. A JPEG
 * (/DCTDecode) is handed on as it is; a /FlateDecode image (8-bit RGB or grey, or 1-bit grey, PNG predictors
 * allowed) is inflated and re-encoded as a PNG, losslessly, so the image nodes read each page like an uploaded
 * scan. Vector-only PDFs (typed text, no picture of the page), JBIG2, CCITT and encrypted files have no page
 * image we can read: `no_image`. Pure TS; sizes are checked before anything is inflated.
 */

export type PdfScanProblem =
  | { kind: 'no_image' }
  | { kind: 'too_many_pages'; max: number }
  | { kind: 'too_large'; page: number; megapixels: number };

export class PdfScanError extends Error {
  constructor(readonly problem: PdfScanProblem) {
    super(
      problem.kind === 'no_image'
        ? 'the PDF holds no scanned page image that can be read'
        : problem.kind === 'too_many_pages'
          ? `more than ${problem.max} page images`
          : `page ${problem.page} is ${problem.megapixels} megapixels`,
    );
  }
}

export interface PdfScanLimits {
  /** Page images beyond this refuse the file (a scan of a certificate is a few pages). */
  maxPages: number;
  /** One page above this many pixels is refused before it is inflated. */
  maxPixels: number;
}

export const DEFAULT_LIMITS: PdfScanLimits = { maxPages: 50, maxPixels: 40_000_000 };

/** One page as an image file: JPEG bytes from the PDF, or a PNG made from its raw pixels. */
export interface PdfPageImage {
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** Smaller images are logos or thumbnails drawn on a typed page, not the picture of a scanned page. */
const MIN_SIDE = 200;

export const isPdf = (b: Uint8Array) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;

/**
 * The page images of `bytes` in page order (the page tree's, else the order of the file, which is how scanners write
 * them); throws PdfScanError.
 */
export function pdfScanImages(bytes: Uint8Array, limits: PdfScanLimits = DEFAULT_LIMITS): PdfPageImage[] {
  // one character per byte, so string offsets are byte offsets; only ASCII syntax is matched
  const text = new TextDecoder('latin1').decode(bytes);
  if (/\/Encrypt\s*\d+\s+\d+\s+R/.test(text)) throw new PdfScanError({ kind: 'no_image' });
  const objects = scanObjects(text);
  const masks = new Set<number>();
  for (const o of objects)
    for (const m of o.dict.matchAll(/\/(?:SMask|Mask|Thumb)\s*(\d+)\s+\d+\s+R/g)) masks.add(Number(m[1]));
  const rank = pageOrder(objects, text);
  // images a page shows first, in page order; any other (drawn through a form, inherited resources) after them
  const ordered = objects
    .map((o, i) => ({ o, key: rank.get(o.num) ?? objects.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.o);
  const pages: PdfPageImage[] = [];
  let seen = 0; // page-sized images, read or not: the cap bounds the work, not only the output
  for (const o of ordered) {
    if (o.stream === undefined || masks.has(o.num) || !/\/Subtype\s*\/Image\b/.test(o.dict)) continue;
    if (/\/ImageMask\s*true/.test(o.dict)) continue;
    const { outer, parms } = splitDecodeParms(o.dict);
    const width = intValue(outer, 'Width', text);
    const height = intValue(outer, 'Height', text);
    if (!width || !height || width < MIN_SIDE || height < MIN_SIDE) continue;
    if (++seen > limits.maxPages) throw new PdfScanError({ kind: 'too_many_pages', max: limits.maxPages });
    if (width * height > limits.maxPixels)
      throw new PdfScanError({
        kind: 'too_large',
        page: seen,
        megapixels: Math.round((width * height) / 1e6),
      });
    const page = readImage(bytes.subarray(o.stream.start, o.stream.end), outer, parms, width, height, text);
    if (page) pages.push(page);
  }
  if (pages.length === 0) throw new PdfScanError({ kind: 'no_image' });
  return pages;
}

interface PdfObject {
  num: number;
  dict: string;
  stream?: { start: number; end: number };
}

/** Every `N G obj << … >> [stream … endstream]`, walking past stream data so binary bytes are never parsed. */
function scanObjects(text: string): PdfObject[] {
  const out: PdfObject[] = [];
  const head = /(\d+)\s+\d+\s+obj\b\s*/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const at = m.index + m[0].length;
    if (!text.startsWith('<<', at)) continue;
    const dictEnd = balancedEnd(text, at);
    if (dictEnd < 0) break;
    const dict = text.slice(at, dictEnd);
    const obj: PdfObject = { num: Number(m[1]), dict };
    const s = /^\s*stream(\r\n|\n|\r)/.exec(text.slice(dictEnd, dictEnd + 20));
    if (s) {
      const start = dictEnd + s[0].length;
      const end = streamEnd(text, start, intValue(dict, 'Length', text));
      if (end < 0) break;
      obj.stream = { start, end };
      head.lastIndex = end;
    } else head.lastIndex = dictEnd;
    out.push(obj);
  }
  return out;
}

/**
 * Image object number → its place in page order, from the catalogue's page tree and each page's /XObject
 * resources; empty when the tree cannot be followed (objects packed in object streams), and the file order stands.
 */
function pageOrder(objects: PdfObject[], text: string): Map<number, number> {
  const byNum = new Map(objects.map((o) => [o.num, o]));
  const ref = (dict: string | undefined, key: string) => {
    const m = dict && new RegExp(`/${key}\\s*(\\d+)\\s+\\d+\\s+R`).exec(dict);
    return m ? byNum.get(Number(m[1])) : undefined;
  };
  const rank = new Map<number, number>();
  const visited = new Set<number>();
  const walk = (node: PdfObject | undefined) => {
    if (!node || visited.has(node.num)) return;
    visited.add(node.num);
    const kids = /\/Type\s*\/Pages\b/.test(node.dict) ? /\/Kids\s*\[([^\]]*)\]/.exec(node.dict) : null;
    if (kids) {
      for (const k of kids[1]!.matchAll(/(\d+)\s+\d+\s+R/g)) walk(byNum.get(Number(k[1])));
      return;
    }
    const resources = ref(node.dict, 'Resources')?.dict ?? node.dict;
    const xobjects = ref(resources, 'XObject')?.dict ?? /\/XObject\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '';
    for (const x of xobjects.matchAll(/\/[^\s/<>[\]()]+\s*(\d+)\s+\d+\s+R/g))
      if (!rank.has(Number(x[1]))) rank.set(Number(x[1]), rank.size);
  };
  // the last /Root is the file's own after incremental updates
  const root = [...text.matchAll(/\/Root\s*(\d+)\s+\d+\s+R/g)].at(-1);
  walk(ref(byNum.get(Number(root?.[1]))?.dict, 'Pages'));
  return rank;
}

/**
 * Where the `<<` at `at` closes (just after its `>>`), counting nested dictionaries and stepping over strings, whose
 * `(…)` or `<hex>` may hold `<` and `>`; -1 when it never closes.
 */
function balancedEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') i = literalEnd(text, i);
    else if (ch === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (ch === '<') {
      i = text.indexOf('>', i);
      if (i < 0) return -1;
    } else if (ch === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The index of the `)` closing the literal string opened at `at` (nested parentheses, backslash escapes). */
function literalEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}

/** The end of stream data: /Length when `endstream` follows it, else the next `endstream` (a wrong /Length). */
function streamEnd(text: string, start: number, length: number | undefined): number {
  if (
    length !== undefined &&
    start + length <= text.length &&
    /^\s*endstream/.test(text.slice(start + length, start + length + 20))
  )
    return start + length;
  const e = text.indexOf('endstream', start);
  if (e < 0) return -1;
  let end = e;
  if (text[end - 1] === '\n') end--;
  if (text[end - 1] === '\r') end--;
  return end;
}

/** An integer entry, direct (`/Width 800`) or indirect (`/Length 12 0 R` → `12 0 obj 4096 endobj`). */
function intValue(dict: string, key: string, text: string): number | undefined {
  const m = new RegExp(`/${key}\\s*(\\d+)(?:\\s+(\\d+)\\s+R)?`).exec(dict);
  if (!m) return undefined;
  if (m[2] === undefined) return Number(m[1]);
  const ref = new RegExp(`(?:^|\\s)${m[1]}\\s+${m[2]}\\s+obj\\s*(\\d+)\\s*endobj`).exec(text);
  return ref ? Number(ref[1]) : undefined;
}

/** /DecodeParms cut out of the image dictionary, so its /BitsPerComponent and /Colors do not shadow the image's. */
function splitDecodeParms(dict: string): { outer: string; parms: string } {
  const i = dict.indexOf('/DecodeParms');
  if (i < 0) return { outer: dict, parms: '' };
  let j = i + '/DecodeParms'.length;
  while (/\s/.test(dict[j] ?? '')) j++;
  let end: number;
  if (dict.startsWith('<<', j)) end = balancedEnd(dict, j);
  else if (dict[j] === '[') end = dict.indexOf(']', j) + 1;
  else end = j; // null or an indirect reference: no parameters we read
  if (end <= 0) end = dict.length;
  return { outer: dict.slice(0, i) + dict.slice(end), parms: dict.slice(j, end) };
}

function filters(dict: string): string[] {
  const m = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(dict);
  return m ? [...m[1]!.matchAll(/\/(\w+)/g)].map((f) => f[1]!) : [];
}

/** Colour channels of the image's colour space: DeviceRGB 3, DeviceGray 1, ICCBased its /N; else undefined. */
function channels(dict: string, text: string): number | undefined {
  if (/\/ColorSpace\s*\/DeviceRGB\b/.test(dict)) return 3;
  if (/\/ColorSpace\s*\/DeviceGray\b/.test(dict)) return 1;
  const icc = /\/ColorSpace\s*\[\s*\/ICCBased\s+(\d+)\s+(\d+)\s+R\s*\]/.exec(dict);
  if (!icc) return undefined;
  const obj = new RegExp(`(?:^|\\s)${icc[1]}\\s+${icc[2]}\\s+obj\\s*<<([^]*?)>>`).exec(text);
  const n = obj ? /\/N\s*(\d+)/.exec(obj[1]!) : null;
  return n && (n[1] === '1' || n[1] === '3') ? Number(n[1]) : undefined;
}

function readImage(
  data: Uint8Array,
  dict: string,
  parms: string,
  width: number,
  height: number,
  text: string,
): PdfPageImage | undefined {
  const f = filters(dict);
  if (f.length === 1 && f[0] === 'DCTDecode') return jpegPage(data);
  if (f.length === 2 && f[0] === 'FlateDecode' && f[1] === 'DCTDecode') {
    const jpeg = inflate(data, data.length * 20 + 1024);
    return jpeg ? jpegPage(jpeg) : undefined;
  }
  if (f.length !== 1 || f[0] !== 'FlateDecode') return undefined; // JBIG2, CCITT, LZW, JPX…: not read
  const colours = channels(dict, text);
  const bits = intValue(dict, 'BitsPerComponent', text);
  if (!colours || !(bits === 8 || (bits === 1 && colours === 1))) return undefined;
  const rowBytes = Math.ceil((width * colours * bits) / 8);
  const predictor = intValue(parms, 'Predictor', text) ?? 1;
  if (predictor !== 1 && predictor < 10) return undefined; // TIFF predictor 2: not written by scanners we know
  const expected = (rowBytes + (predictor >= 10 ? 1 : 0)) * height;
  // the output buffer is exactly the image's size: a deflate bomb is cut off there, not inflated in full
  const raw = inflate(data, expected);
  if (!raw || raw.length < expected) return undefined;
  const rows = predictor >= 10 ? unpredictPng(raw, rowBytes, height, Math.max(1, (colours * bits) / 8)) : raw;
  if (!rows) return undefined;
  const invert = /\/Decode\s*\[\s*1(?:\.0*)?\s+0(?:\.0*)?\s*\]/.test(dict);
  const grey = bits === 1 ? unpackBits(rows, width, height, rowBytes) : rows;
  if (invert) for (let i = 0; i < grey.length; i++) grey[i] = 255 - grey[i]!;
  return {
    format: 'png',
    width,
    height,
    bytes: encodePng({ width, height, data: grey.subarray(0, width * height * colours), channels: colours, depth: 8 }),
  };
}

function jpegPage(bytes: Uint8Array): PdfPageImage | undefined {
  const size = imageSize(bytes);
  return size && bytes[0] === 0xff ? { format: 'jpeg', ...size, bytes } : undefined;
}

/** zlib data (what FlateDecode means), or bare deflate from writers that drop the header; at most `max` bytes. */
function inflate(data: Uint8Array, max: number): Uint8Array | undefined {
  for (const run of [unzlibSync, inflateSync])
    try {
      const out = run(data, { out: new Uint8Array(max) });
      if (out.length > 0) return out;
    } catch {
      // the other wrapper, or not deflate at all
    }
  return undefined;
}

/** PNG row filters (None, Sub, Up, Average, Paeth) undone; each row starts with its filter byte. */
function unpredictPng(raw: Uint8Array, rowBytes: number, height: number, bpp: number): Uint8Array | undefined {
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (rowBytes + 1)]!;
    const src = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[row - rowBytes + x]! : 0;
      const c = x >= bpp && y > 0 ? out[row - rowBytes + x - bpp]! : 0;
      let p: number;
      if (type === 0) p = 0;
      else if (type === 1) p = a;
      else if (type === 2) p = b;
      else if (type === 3) p = (a + b) >> 1;
      else if (type === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else return undefined;
      out[row + x] = (raw[src + x]! + p) & 0xff;
    }
  }
  return out;
}

/** 1-bit rows (1 = white, the PDF default for DeviceGray) to 8-bit grey. */
function unpackBits(rows: Uint8Array, width: number, height: number, rowBytes: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      out[y * width + x] = (rows[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
  return out;
}
