/**
 * The field dictionary of the import declaration (`templates/data/field-definitions-ko.csv`: the KCS 항목정의서 of
 * the synthetic declarations dataset, MIT, © 2022 Institute for Basic Science & Korea Customs Service, from
 * github.com/Seondong/Customs-Declaration-Datasets branch `ko`) and which dataset columns each entry describes.
 */
import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { FIELD_COLUMNS } from '../../nodes/model/_clearance-stages.ts';

export interface FieldEntry {
  no: number;
  name: string;
  size: string;
  description: string;
  sample: string;
  codeList: string;
  /** Column names (any dataset) this entry describes: the KCS English and Korean headers and the generator's. */
  columns: string[];
}

let cached: FieldEntry[] | undefined;

/** The 19 entries in file order; the source numbers two entries 16, so `no` is the line's position. */
export function fieldDictionary(): FieldEntry[] {
  if (cached) return cached;
  const file = new URL('../../templates/data/field-definitions-ko.csv', import.meta.url);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const [, ...rows] = csvParseRows(text);
  cached = rows
    .filter((r) => r.length >= 4 && r[1])
    .map((r, i) => ({
      no: i + 1,
      name: r[1]!.replace(/\s+/g, ' ').trim(),
      size: r[2] ?? '',
      description: (r[3] ?? '').trim(),
      sample: r[4] ?? '',
      codeList: r[5] ?? '',
      columns: FIELD_COLUMNS[i + 1] ?? [],
    }));
  return cached;
}
