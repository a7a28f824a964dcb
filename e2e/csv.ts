import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';

/** A CSV file's rows as objects keyed by its header (d3-dsv: quoted fields, doubled quotes, newlines in quotes). */
export function readCsv(file: string): Record<string, string>[] {
  // every cell of a parsed row is a string: d3-dsv types them as possibly undefined only for missing columns
  return csvParse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown as Record<string, string>[];
}
