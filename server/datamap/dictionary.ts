/**
 * The field dictionary of the import declaration (`field-definitions-ko.csv`: the KCS 항목정의서 of the synthetic
 * declarations dataset, MIT, © 2022 Institute for Basic Science & Korea Customs Service, from
 * github.com/Seondong/Customs-Declaration-Datasets branch `ko`) and which dataset columns each entry describes.
 */
import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';

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

/** Dictionary entry number → the column names it describes. */
const COLUMNS: Record<number, string[]> = {
  1: ['Date', 'declaration_date', '신고일자'],
  2: ['Office ID', '신고세관부호'],
  3: ['Process Type', '수입신고구분코드'],
  4: ['Import Type', '수입거래구분코드'],
  5: ['Import Use', '수입종류코드'],
  6: ['Payment Type', '징수형태코드'],
  7: ['Mode of Transport', 'transport_mode', '운송수단유형코드'],
  8: ['Declaration ID', 'declaration_id', 'Declarant ID', 'declarant_id', '신고번호', '신고인부호'],
  9: ['Importer ID', 'importer_id', '수입자'],
  10: ['Seller ID', 'seller_id', '해외거래처부호'],
  11: ['Courier ID', '특송업체부호'],
  12: ['HS6 Code', 'hs10', 'hs6', 'HS10단위부호'],
  13: ['Country of Departure', 'departure_country', '적출국가코드'],
  14: ['Country of Origin', 'origin_country', '원산지국가코드'],
  15: ['Tax Rate', 'tax_rate', '관세율'],
  16: ['Country of Origin Indicator', '원산지표시유무코드'],
  17: ['Tax Type', 'tax_type', '관세율구분코드'],
  18: ['Net Mass', 'net_mass_kg', '신고중량(KG)'],
  19: ['Item Price', 'declared_value_krw', '과세가격원화금액'],
};

let cached: FieldEntry[] | undefined;

/** The 19 entries in file order; the source numbers two entries 16, so `no` is the line's position. */
export function fieldDictionary(): FieldEntry[] {
  if (cached) return cached;
  const text = readFileSync(new URL('./field-definitions-ko.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, '');
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
      columns: COLUMNS[i + 1] ?? [],
    }));
  return cached;
}
