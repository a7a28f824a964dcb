import { csvParse } from 'd3-dsv';

/** A bench data file's rows keyed by its header (d3-dsv), without a BOM and without blank lines. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows = csvParse(text.replace(/^\uFEFF/, '')) as unknown as Array<Record<string, string>>;
  return rows.filter((r) => Object.values(r).some((v) => v !== ''));
}
