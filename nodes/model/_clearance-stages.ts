/**
 * The customs clearance stages of the data map (KCS model (10); import flow as in the KCS paper's Fig. 1), the
 * default stage of a dataset guessed from its column names, and the join keys a dataset carries.
 */

export const STAGES = [
  'manifest',
  'arrival',
  'bonded_transport',
  'warehouse',
  'import_declaration',
  'inspection',
  'acceptance',
  'release',
  'post_audit',
  'reference',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, { ko: string; en: string }> = {
  manifest: { ko: '적하목록', en: 'Manifest' },
  arrival: { ko: '입항', en: 'Arrival' },
  bonded_transport: { ko: '보세운송', en: 'Bonded transport' },
  warehouse: { ko: '보세창고', en: 'Bonded warehouse' },
  import_declaration: { ko: '수입신고', en: 'Import declaration' },
  inspection: { ko: '검사', en: 'Inspection' },
  acceptance: { ko: '수리', en: 'Acceptance' },
  release: { ko: '반출', en: 'Release' },
  post_audit: { ko: '사후심사', en: 'Post-clearance audit' },
  reference: { ko: '기준정보·기타', en: 'Reference and other' },
};

/** Parts of column names (lower case) that point at a stage. HS codes appear everywhere, so they point nowhere. */
const HINTS: Record<Exclude<Stage, 'reference'>, string[]> = {
  manifest: ['manifest', 'bl_no', 'b/l', 'mrn', 'msn', 'container', '적하', '화물관리번호'],
  arrival: ['vessel', 'imo', 'arrival', 'port_code', 'call_id', 'dwell', 'flight', 'entry_date', '입항'],
  bonded_transport: ['bonded_transport', 'transport_declaration', '보세운송'],
  warehouse: ['warehouse', 'bonded_area', 'storage', '보세구역', '창고', '반입'],
  import_declaration: [
    'declaration_id',
    'declaration id',
    'declaration_date',
    'importer',
    'office id',
    'process type',
    'tax_type',
    'tax type',
    'tax_rate',
    'declared_value',
    'incoterms',
    '신고번호',
    '신고일자',
    '수입자',
  ],
  inspection: ['inspected', 'inspection', 'fraud', 'violation', '검사', '적발', '우범'],
  acceptance: ['acceptance', 'accepted', 'clearance_date', '수리'],
  release: ['release', 'gate_out', '반출'],
  post_audit: ['audit', 'drawback', 'remittance', 'payee', 'purpose_code', 'refund', 'tx_id', '사후', '환급', '심사'],
};

/** The stage whose hints match most columns (a tie goes to the later stage); no match at all: reference. */
export function guessStage(columns: readonly string[]): Stage {
  let best: Stage = 'reference';
  let most = 0;
  for (const stage of STAGES) {
    if (stage === 'reference') continue;
    const hints = HINTS[stage];
    const n = columns.filter((c) => {
      const name = c.toLowerCase();
      return hints.some((h) => name.includes(h));
    }).length;
    if (n > 0 && n >= most) {
      best = stage;
      most = n;
    }
  }
  return best;
}

export const JOIN_KEYS = ['declaration_no', 'bl', 'importer_code', 'hs'] as const;
export type JoinKey = (typeof JOIN_KEYS)[number];

export const JOIN_KEY_LABELS: Record<JoinKey, { ko: string; en: string }> = {
  declaration_no: { ko: '신고번호', en: 'Declaration no.' },
  bl: { ko: 'B/L', en: 'B/L' },
  importer_code: { ko: '통관고유부호', en: 'Importer code' },
  hs: { ko: 'HS', en: 'HS' },
};

const KEY_PATTERNS: Record<JoinKey, RegExp> = {
  declaration_no: /^(declaration[ _]?id|declaration_no|export_id|신고번호)$/i,
  bl: /(^|[_ ])(b\/?l|bl_no|house_bl|master_bl)([_ ]|$)|^bl$/i,
  importer_code: /^(importer[ _]?id|exporter_id|company_id|seller_company_id|buyer_company_id|수입자|통관고유부호)$/i,
  hs: /^(hs\d*|hs\d+ code|hs_code|linked_hs\d+|related_hs\d+|hs10단위부호)$/i,
};

/** Join keys with the columns that carry them, e.g. `{ key: 'hs', columns: ['hs10', 'hs6'] }`. */
export function joinKeys(columns: readonly string[]): { key: JoinKey; columns: string[] }[] {
  return JOIN_KEYS.map((key) => ({ key, columns: columns.filter((c) => KEY_PATTERNS[key].test(c)) })).filter(
    (k) => k.columns.length > 0,
  );
}

/**
 * Entry number of the KCS import-declaration field dictionary (`field-definitions-ko.csv`, 항목정의서; the line's
 * position, as the source numbers two entries 16) → the column names it describes: the KCS English and Korean
 * headers and the sample generator's.
 */
export const FIELD_COLUMNS: Record<number, string[]> = {
  1: ['Date', 'declaration_date', '신고일자'],
  2: ['Office ID', 'customs_office', '신고세관부호'],
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
