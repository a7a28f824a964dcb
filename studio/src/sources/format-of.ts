/** How a file becomes a `source.file` node: its format, and read options the extension already tells. */
export interface FileFormat {
  format: 'csv' | 'parquet' | 'json' | 'xlsx';
  options?: { delimiter: string };
}

const BY_EXTENSION: Record<string, FileFormat> = {
  csv: { format: 'csv' },
  txt: { format: 'csv' },
  tsv: { format: 'csv', options: { delimiter: '\\t' } },
  tab: { format: 'csv', options: { delimiter: '\\t' } },
  parquet: { format: 'parquet' },
  pq: { format: 'parquet' },
  json: { format: 'json' },
  jsonl: { format: 'json' },
  ndjson: { format: 'json' },
  xlsx: { format: 'xlsx' },
};

/** The format for a file name, or undefined for a file the studio cannot read. */
export function formatOf(fileName: string): FileFormat | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return BY_EXTENSION[ext];
}

/** `수입신고_2024.csv` → `수입신고_2024`: a hint for the node id and the card's label. */
export function baseName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
