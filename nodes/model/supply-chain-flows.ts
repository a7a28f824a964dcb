import { z } from 'zod';
import { isNumericType, isTemporalType, isTextType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { setting } from '../_shared/said.ts';
import { ANOMALIES, supplyChainSql, WIDE } from './_supply-chain-sql.ts';

const col = (port: string, ko: string, en: string) =>
  z.string().min(1).meta({ label: { ko, en }, widget: 'column', columnOf: port });
const num = (ko: string, en: string, value: number, min = 0) =>
  z.number().min(min).default(value).meta({ label: { ko, en }, widget: 'number' });

const params = z
  .object({
    origin: col('in', '원산지 국가 열', 'Country of origin column'),
    departure: col('in', '출발(적출)국 열', 'Departure (loading) country column'),
    office: col('in', '세관 열 (선택)', 'Customs office column (optional)').optional(),
    importer: col('in', '수입자 열 (선택)', 'Importer column (optional)').optional(),
    hs: col('in', 'HS 부호 열 (선택)', 'HS code column (optional)').optional(),
    hsDigits: z
      .number()
      .int()
      .min(2)
      .max(10)
      .default(2)
      .meta({ label: { ko: 'HS 자릿수 (2 = 류)', en: 'HS digits (2 = chapter)' }, widget: 'number' }),
    value: col('in', '신고금액 열 (선택)', 'Declared value column (optional)').optional(),
    measure: z
      .enum(['value', 'count'])
      .default('value')
      .meta({
        label: { ko: '흐름 굵기 기준', en: 'Flow width by' },
        widget: 'select',
        options: { value: { ko: '신고금액', en: 'Declared value' }, count: { ko: '신고 건수', en: 'Declarations' } },
      }),
    fta: col('in', 'FTA 협정세율 신청 여부 열 (선택, 참·거짓)', 'FTA claim column (optional, true/false)').optional(),
    fraud: col('in', '적발 여부 열 (선택, 참·거짓)', 'Fraud label column (optional, true/false)').optional(),
    date: col('in', '신고일 열', 'Declaration date column'),
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .meta({
        label: { ko: '분석 기간 시작일 (YYYY-MM-DD)', en: 'Analysed period starts (YYYY-MM-DD)' },
        help: {
          ko: '이 날 이전 신고는 신규 경로를 가리는 기준 기간입니다. 비우면 마지막 해 1월 1일',
          en: 'Earlier declarations are the reference for new routes. Empty: 1 January of the last year',
        },
      }),
    period: z
      .enum(['month', 'quarter'])
      .default('month')
      .meta({
        label: { ko: '물량 급변 기간 단위', en: 'Volume-shift period' },
        widget: 'select',
        options: { month: { ko: '월', en: 'Month' }, quarter: { ko: '분기', en: 'Quarter' } },
      }),
    topPerStage: num('단계별 표시 상위 개수 (나머지는 기타)', 'Top values per stage (rest as other)', 10, 1),
    zThreshold: num('급변 기준 (강건 표준점수)', 'Shift threshold (robust z-score)', 3.5),
    minPeriods: num('급변 판단 최소 기간 수', 'Minimum periods to judge a shift', 6, 2),
    minRows: num('급변 판단 최소 건수', 'Minimum declarations in a shifted period', 5, 1),
    chainSeller: col('chain', '국내 거래의 공급자(판매자) 열', 'Supplier (seller) column of domestic sales').optional(),
    chainBuyer: col('chain', '국내 거래의 구매자(수출자) 열', 'Buyer (exporter) column of domestic sales').optional(),
    chainAmount: col('chain', '국내 거래 금액 열 (선택)', 'Domestic sale amount column (optional)').optional(),
    chainDrawback: col(
      'chain',
      '관세 환급 신청 여부 열 (선택, 참·거짓)',
      'Drawback claimed column (optional, true/false)',
    ).optional(),
  })
  .strict();

type Params = z.infer<typeof params>;

const CHAIN_LABEL = { ko: '국내 공급망 거래 (선택)', en: 'Domestic supply-chain sales (optional)' };

function check(inputs: Record<string, Schema[]>, p: Params) {
  const s = single(inputs);
  const numeric = (schema: Schema, name: string, param: keyof Params) => {
    const c = requireColumn(schema, name, param);
    if (c.type !== UNKNOWN && !isNumericType(c.type))
      throw new ParamError(
        `"${name}" must be numeric; it is ${c.type}`,
        param,
        msg('node.model_needs_numeric', { column: name, type: typeLabel(c.type), field: setting(params, param) }),
      );
  };
  for (const k of ['origin', 'departure', 'office', 'importer', 'hs', 'fta', 'fraud'] as const) {
    const name = p[k];
    if (name) requireColumn(s, name, k);
  }
  if (p.value) numeric(s, p.value, 'value');
  const d = requireColumn(s, p.date, 'date');
  if (d.type !== UNKNOWN && !isTemporalType(d.type) && !isTextType(d.type))
    throw new ParamError(
      `"${p.date}" is ${d.type}, not a date`,
      'date',
      msg('node.model_time_type', { column: p.date, type: typeLabel(d.type), field: setting(params, 'date') }),
    );
  const chain = inputs.chain?.[0];
  if (chain) {
    for (const k of ['chainSeller', 'chainBuyer'] as const) {
      const name = p[k];
      if (!name) throw new ParamError(`choose ${k}`, k, msg('node.model_choose_column', { field: setting(params, k) }));
      requireColumn(chain, name, k);
    }
    if (p.chainAmount) numeric(chain, p.chainAmount, 'chainAmount');
    if (p.chainDrawback) requireColumn(chain, p.chainDrawback, 'chainDrawback');
  }
}

const pick = (names: string[]) => names.map(ident).join(', ');
const keep = (names: string[]) => (self: Schema) => names.map((n) => self.find((c) => c.name === n)!);

export const FLOW_COLUMNS = [
  'source_stage',
  'source',
  'target_stage',
  'target',
  'weight',
  'value',
  'row_count',
  'fraud_rows',
  'flagged_rows',
];
export const ROUTE_COLUMNS = ['origin', 'departure', 'weight', 'value', 'row_count', 'fraud_rows', 'flagged_rows'];
export const ANOMALY_COLUMNS = [
  'anomaly',
  'anomaly_ko',
  'origin',
  'departure',
  'office',
  'importer',
  'period',
  'row_count',
  'value',
  'fraud_rows',
  'fraud_share',
  'score',
  'reason',
];
export const SUMMARY_COLUMNS = [
  'anomaly',
  'anomaly_ko',
  'row_count',
  'row_share',
  'labelled_rows',
  'fraud_rate',
  'fraud_rate_rest',
];
export const CHAIN_COLUMNS = [
  'seller',
  'buyer',
  'row_count',
  'value',
  'drawback_rows',
  'drawback_value',
  'circular',
  'reason',
];
const ORDER = Object.keys(ANOMALIES)
  .map((k, i) => `WHEN '${k}' THEN ${i}`)
  .join(' ');

export const supplyChainFlows = defineNode({
  type: 'model.supply_chain_flows',
  version: 1,
  kind: 'sql',
  smallOutput: true,
  category: 'model',
  label: { ko: '공급망 거래 흐름', en: 'Supply-chain flows' },
  description: {
    ko: '수입신고를 원산지 → 출발국 → 세관 → 수입자 (→ HS) 흐름으로 모아 단계 간 금액·건수를 내고(생키 도표·흐름 지도), 이상 경로를 찾습니다: FTA 협정세율을 신청했는데 출발국이 원산지와 다른 경로(우회수입 의심), 기준 기간에 없던 신규 경로, 국가 경로별 물량 급변(직전 기간 대비, 강건 표준점수). 적발 여부 열을 고르면 이상 유형별 적발률을 나머지와 비교합니다. 국내 공급망 거래를 연결하면 공급자 → 구매자(수출자) 거래와 관세 환급 신청 금액, 되파는 순환 거래를 표시합니다.',
    en: 'Aggregates declarations into flows origin → departure → customs office → importer (→ HS) by value and count (Sankey and flow map), and finds route anomalies: departure ≠ origin under an FTA claim (possible circumvention), routes not seen in the reference period, and sudden volume shifts per country route (period over period, robust z-score). With a fraud label, compares each anomaly type’s fraud rate with the rest. With domestic sales connected: supplier → buyer (exporter) sales with drawback amounts and circular trades.',
  },
  inputs: [
    { name: 'in', label: { ko: '수입신고', en: 'Declarations' } },
    { name: 'chain', label: CHAIN_LABEL, optional: true },
  ],
  outputs: [
    { name: 'out', label: { ko: '단계 간 흐름', en: 'Stage-to-stage flows' } },
    { name: 'anomalies', label: { ko: '이상 경로', en: 'Route anomalies' } },
    { name: 'routes', label: { ko: '국가 경로 (원산지 → 출발국)', en: 'Country routes (origin → departure)' } },
    { name: 'summary', label: { ko: '이상 유형별 적발률', en: 'Fraud rate by anomaly type' } },
    { name: 'chain', label: { ko: '국내 공급망·환급', en: 'Domestic chain and drawback' } },
  ],
  params,
  outputSchema: ({ inputs, params: p }) => {
    check(inputs, p);
    return WIDE.map(([name, type]) => ({ name, type }));
  },
  toSql: ({ inputs, params: p }) => {
    const chain = inputs.chain?.[0];
    return supplyChainSql({
      relation: relation(inputs),
      columns: { origin: p.origin, departure: p.departure, office: p.office, importer: p.importer, hs: p.hs },
      hsDigits: p.hsDigits,
      value: p.value,
      measure: p.measure,
      fta: p.fta,
      fraud: p.fraud,
      date: p.date,
      since: p.since,
      period: p.period,
      topPerStage: p.topPerStage,
      zThreshold: p.zThreshold,
      minPeriods: p.minPeriods,
      minRows: p.minRows,
      ...(chain && p.chainSeller && p.chainBuyer
        ? {
            chain: {
              relation: chain,
              seller: p.chainSeller,
              buyer: p.chainBuyer,
              amount: p.chainAmount,
              drawback: p.chainDrawback,
            },
          }
        : {}),
    });
  },
  outputPorts: {
    out: {
      schema: keep(FLOW_COLUMNS),
      sql: (self) =>
        `SELECT ${pick(FLOW_COLUMNS)} FROM ${self} WHERE part = 'flow' ORDER BY weight DESC, source, target`,
    },
    routes: {
      schema: keep(ROUTE_COLUMNS),
      sql: (self) =>
        `SELECT ${pick(ROUTE_COLUMNS)} FROM ${self} WHERE part = 'route' ORDER BY weight DESC, origin, departure`,
    },
    anomalies: {
      schema: keep(ANOMALY_COLUMNS),
      sql: (self) =>
        `SELECT ${pick(ANOMALY_COLUMNS)} FROM ${self} WHERE part = 'anomaly'
         ORDER BY CASE anomaly ${ORDER} END, abs(score) DESC NULLS LAST, row_count DESC, origin, departure, importer, period`,
    },
    summary: {
      schema: keep(SUMMARY_COLUMNS),
      sql: (self) =>
        `SELECT ${pick(SUMMARY_COLUMNS)} FROM ${self} WHERE part = 'summary' ORDER BY CASE anomaly ${ORDER} END`,
    },
    chain: {
      schema: keep(CHAIN_COLUMNS),
      sql: (self) =>
        `SELECT ${pick(CHAIN_COLUMNS)} FROM ${self} WHERE part = 'chain' ORDER BY drawback_value DESC, value DESC, seller, buyer`,
    },
  },
});
