import { formatOf } from '../sources/format-of.ts';

/**
 * What "열기…" does with a file: a pipeline document opens as a new document, a data file (CSV, TSV, Parquet,
 * XLSX, JSON lines, or a JSON array of records) is added as a read node like a dropped file.
 */
export function openKind(fileName: string, head: string): 'pipeline' | 'data' | 'unknown' {
  const format = formatOf(fileName);
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext !== 'json') return format ? 'data' : 'unknown';
  // `.json` is either a pipeline (an object with our format tag) or data (an array of records).
  const start = head.trimStart();
  if (start.startsWith('[')) return 'data';
  return 'pipeline';
}
