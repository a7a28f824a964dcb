import type { Preprocessor, Table } from '../../runtime/ml/features.ts';
import type { GbdtModel } from '../../runtime/ml/gbdt.ts';
import type { ExportableModel } from '../../runtime/ml/onnx-export.ts';
import { UNIT_VALUE_KEY } from '../../runtime/ml/screening.ts';
import { treeShap } from '../../runtime/ml/tree-shap.ts';

/**
 * Why a declaration was flagged, in an officer's words: the features whose exact TreeSHAP contributions
 * (on the trees' log-odds) are largest, each said as the row's own values and what the past says of
 * them, e.g. "HS 020130 × 원산지 BR 과거 적발률 높음(38%) ▲0.82".
 */

/** Korean names of the KCS and sample-world columns; any other column keeps its own name. */
const KO: Record<string, string> = {
  'HS6 Code': 'HS',
  hs6: 'HS',
  hs10: 'HS10',
  'Country of Origin': '원산지',
  origin_country: '원산지',
  'Country of Departure': '적출국',
  departure_country: '적출국',
  seller_country: '공급국',
  'Tax Type': '관세 구분',
  tax_type: '관세 구분',
  'Country of Origin Indicator': '원산지 표시',
  'Office ID': '세관',
  'Process Type': '통관 구분',
  'Import Type': '수입 종류',
  'Import Use': '수입 용도',
  'Payment Type': '결제 방법',
  'Mode of Transport': '운송 수단',
  transport_mode: '운송 수단',
  'Courier ID': '특송업체',
  'Declarant ID': '신고인',
  declarant_id: '신고인',
  'Importer ID': '수입자',
  importer_id: '수입자',
  'Seller ID': '해외 공급자',
  seller_id: '해외 공급자',
  'Net Mass': '순중량',
  net_mass_kg: '순중량(kg)',
  'Item Price': '물품 가격',
  declared_value_krw: '신고 금액',
  'Tax Rate': '세율',
  tax_rate: '세율',
  incoterms: '인도 조건',
  currency: '통화',
  quantity: '수량',
  [UNIT_VALUE_KEY]: '단가',
  [`log ${UNIT_VALUE_KEY}`]: '단가(로그)',
};

const ko = (c: string) => KO[c] ?? c;
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const num = (x: number) =>
  Number.isFinite(x) ? x.toLocaleString('ko-KR', { maximumFractionDigits: Math.abs(x) < 10 ? 2 : 0 }) : '없음';

/** The trees of a model (an ensemble's tree part), or null for an MLP. */
export function treesOf(model: ExportableModel): GbdtModel | null {
  if (model.kind === 'gbdt') return model;
  if (model.kind === 'ensemble') return model.members.find((m): m is GbdtModel => m.kind === 'gbdt') ?? null;
  return null;
}

/** What feature `j` of row `i` means, in words. */
function describe(pre: Preprocessor, j: number, x: number, table: Table, i: number): string {
  const keyIndex = Math.floor(j / 2);
  if (keyIndex < pre.keys.length) {
    const key = pre.keys[keyIndex]!;
    const values = key.columns.map((c) => `${ko(c)} ${String(table[c]?.[i] ?? '없음')}`).join(' × ');
    if (j % 2 === 0) return `${values} 과거 적발률 ${x >= pre.prior ? '높음' : '낮음'}(${pct(x)})`;
    return `${values} 과거 신고 ${num(Math.round(Math.expm1(x)))}건`;
  }
  const name = pre.featureNames[j] ?? '';
  return `${ko(name)} ${num(x)}`;
}

export interface Explanation {
  /** Base value + Σ contributions = the trees' raw score (log-odds). */
  base: number;
  contributions: Float64Array;
  /** The top reasons joined, e.g. "HS 070320 × 원산지 CN 과거 적발률 높음(41%) ▲0.82 · …". */
  text: string;
}

/** Explains row `i` of `features` (column-major, the model's order); `top` reasons by absolute size. */
export function explainRow(
  trees: GbdtModel,
  pre: Preprocessor,
  features: Float64Array[],
  table: Table,
  i: number,
  top = 3,
): Explanation {
  const x = features.map((c) => c[i]!);
  const shap = treeShap(trees, x);
  const order = Array.from(shap.values.keys())
    .filter((j) => shap.values[j] !== 0)
    .sort((a, b) => Math.abs(shap.values[b]!) - Math.abs(shap.values[a]!))
    .slice(0, top);
  const text = order
    .map((j) => {
      const v = shap.values[j]!;
      return `${describe(pre, j, x[j]!, table, i)} ${v > 0 ? '▲' : '▼'}${Math.abs(v).toFixed(2)}`;
    })
    .join(' · ');
  return { base: shap.base, contributions: shap.values, text };
}
