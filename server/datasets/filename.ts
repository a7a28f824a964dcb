/**
 * Client file names are metadata only. The name on disk is derived from them but sanitized: no folders, no
 * `..`, no control characters (NUL included), no leading dot; anything suspicious is refused outright.
 */

import type { DatasetFormat } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { say } from '../security/say.ts';

const FORMATS: Record<string, DatasetFormat> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  parquet: 'parquet',
  json: 'json',
  jsonl: 'json',
  ndjson: 'json',
  xlsx: 'xlsx',
  // image bundles for the image nodes (scanned certificates, X-ray images): stored, not read as tables
  zip: 'zip',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  // a scanned document (certificate of origin): read page by page as images
  pdf: 'pdf',
};

const badName = (why: string) => new ApiError(400, 'bad_filename', `refused file name: ${why}`);

/** The header value as the client meant it (`X-Filename` is percent-encoded so that Korean names survive). */
export function decodeFilename(header: string | undefined): string {
  if (!header) throw new ApiError(400, 'missing_filename', 'send the file name in the X-Filename header');
  try {
    return decodeURIComponent(header).normalize('NFC');
  } catch {
    throw badName('not valid percent-encoding');
  }
}

/** Refuses path tricks and returns a safe file name to store under (same extension, readable characters kept). */
export function safeFilename(original: string): string {
  // Invisible format characters (bidi overrides such as U+202E, zero-width spaces, BOM) make `invoice‮fdp.exe`
  // look like `invoiceexe.pdf`: refused, as line and paragraph separators are.
  if (/[\p{Cf}\u2028\u2029]/u.test(original)) {
    const en = 'refused file name: invisible format characters (bidi override U+202E, zero-width space…)';
    throw new ApiError(
      400,
      'bad_filename',
      en,
      say(
        '파일 이름에 보이지 않는 제어 문자(글자 방향 바꿈 U+202E, 폭 없는 공백 등)가 있어 거부합니다. 이름을 바꿔 다시 올려 주세요',
        en,
      ),
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(original)) throw badName('control characters (NUL included)');
  if (/[\\/]/.test(original)) throw badName('folders are not allowed (no / or \\)');
  if (/^[A-Za-z]:/.test(original)) throw badName('drive letters are not allowed');
  if (original === '.' || original.includes('..')) throw badName('".." is not allowed');
  const cleaned = original
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (!cleaned) throw badName('empty');
  if (Buffer.byteLength(cleaned) > 200) throw badName('longer than 200 bytes');
  return cleaned;
}

/** The reader for a file name's extension (or the explicit `format`); 415 for anything else. */
export function formatOf(filename: string, explicit?: DatasetFormat): DatasetFormat {
  if (explicit) return explicit;
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const format = FORMATS[ext];
  if (!format) {
    throw new ApiError(
      415,
      'unsupported_format',
      `cannot read ".${ext}" files: use csv, tsv, parquet, json, xlsx, or png, jpeg, zip or a scanned pdf for images`,
    );
  }
  return format;
}
