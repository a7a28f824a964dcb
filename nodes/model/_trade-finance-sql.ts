import { ident, literal, stringLiteral } from '../../runtime/sql/quote.ts';

export interface TradeFinanceOptions {
  decl: string;
  fx: string;
  d: { importer: string; date: string; value: string; counterparty?: string; currency?: string; country?: string };
  f: {
    payer: string;
    date: string;
    amount: string;
    originalAmount?: string;
    payee?: string;
    currency?: string;
    country?: string;
    purpose?: string;
  };
  purposes: string[];
  before: number;
  after: number;
  period: 'month' | 'quarter' | 'year' | 'all';
  low: number;
  high: number;
  threshold: number;
  band: number;
  roundUnit: number;
  minStructuring: number;
}

export const TF_COLUMNS = [
  ['importer', 'VARCHAR'],
  ['period', 'VARCHAR'],
  ['declarations', 'BIGINT'],
  ['declared', 'DOUBLE'],
  ['remittances', 'BIGINT'],
  ['remitted', 'DOUBLE'],
  ['ratio', 'DOUBLE'],
  ['unmatched_payments', 'BIGINT'],
  ['unmatched_amount', 'DOUBLE'],
  ['unmatched_declarations', 'BIGINT'],
  ['third_country_payments', 'BIGINT'],
  ['structuring', 'BIGINT'],
  ['round_amounts', 'BIGINT'],
  ['mismatch_score', 'DOUBLE'],
  ['reason_codes', 'VARCHAR'],
  ['reasons', 'VARCHAR'],
] as const;

function periodOf(dt: string, period: TradeFinanceOptions['period']): string {
  switch (period) {
    case 'month':
      return `strftime(${dt}, '%Y-%m')`;
    case 'quarter':
      return `strftime(${dt}, '%Y') || '-Q' || CAST(quarter(${dt}) AS VARCHAR)`;
    case 'year':
      return `strftime(${dt}, '%Y')`;
    case 'all':
      return `'all'`;
  }
}

const text = (c: string | undefined) => (c ? `CAST(${ident(c)} AS VARCHAR)` : 'NULL');

/** Reason code, points and bilingual text of each finding; the score is the capped sum of points. */
function reasons(o: TradeFinanceOptions) {
  const outside = `(s.ratio > ${literal(o.high)} OR (s.remittances > 0 AND s.ratio < ${literal(o.low)}))`;
  // Ratio points grow with |ln ratio| up to 30 at a factor of 2 (or ½).
  const ratioPts = `CASE WHEN ${outside} THEN 30 * least(1, abs(ln(greatest(s.ratio, 0.01))) / ln(2)) ELSE 0 END`;
  return [
    {
      code: 'OVER_REMIT',
      when: `s.ratio > ${literal(o.high)}`,
      pts: ratioPts,
      text: '신고금액보다 송금 과다 (remitted above declared value)',
    },
    {
      code: 'UNDER_REMIT',
      when: `s.remittances > 0 AND s.ratio < ${literal(o.low)}`,
      pts: ratioPts,
      text: '신고금액보다 송금 과소 (remitted below declared value)',
    },
    {
      code: 'PHANTOM',
      when: 's.unmatched_payments > 0',
      pts: '30',
      text: '대응 신고 없는 송금 (payments without a matching declaration)',
    },
    {
      code: 'NO_PAYMENT',
      when: 's.declarations > 0 AND s.remittances = 0',
      pts: '10',
      text: '송금 없는 신고 (declarations without any payment)',
    },
    {
      code: 'THIRD_COUNTRY',
      when: 's.third_country_payments > 0',
      pts: '20',
      text: '원산지·거래처와 다른 국가로 송금 (payments to a country other than the goods’)',
    },
    {
      code: 'STRUCTURING',
      when: `s.structuring >= ${literal(o.minStructuring)}`,
      pts: '25',
      text: '기준액 바로 아래 분할 송금 (transfers split just below the threshold)',
    },
    {
      code: 'ROUND_AMOUNTS',
      when: 's.remittances >= 3 AND s.round_amounts * 2 >= s.remittances',
      pts: '10',
      text: '어림수 송금 다수 (mostly round amounts)',
    },
  ];
}

/**
 * Links each remittance to the payer's declarations (same counterparty and currency when both sides
 * name them) whose date lies within [tx − after, tx + before], i.e. the payment falls between `before`
 * days ahead of the declaration and `after` days after it; then sums per importer × period.
 */
export function tradeFinanceSql(o: TradeFinanceOptions): string {
  const on = ['f.co = d.co', `f.dt BETWEEN d.dt - ${literal(o.before)} AND d.dt + ${literal(o.after)}`];
  if (o.d.counterparty && o.f.payee) on.push('f.cp IS NOT DISTINCT FROM d.cp');
  if (o.d.currency && o.f.currency) on.push('f.cur IS NOT DISTINCT FROM d.cur');
  const purpose =
    o.f.purpose && o.purposes.length
      ? ` AND ${text(o.f.purpose)} IN (${o.purposes.map(stringLiteral).join(', ')})`
      : '';
  const amountOrig = o.f.originalAmount
    ? `CAST(${ident(o.f.originalAmount)} AS DOUBLE)`
    : `CAST(${ident(o.f.amount)} AS DOUBLE)`;
  const thr = literal(o.threshold);
  const rs = reasons(o);
  const codes = rs.map((r) => `CASE WHEN ${r.when} THEN ${stringLiteral(r.code)} END`).join(', ');
  const texts = rs.map((r) => `CASE WHEN ${r.when} THEN ${stringLiteral(r.text)} END`).join(', ');
  const score = rs.map((r) => `CASE WHEN coalesce(${r.when}, FALSE) THEN ${r.pts} ELSE 0 END`).join(' + ');
  return `WITH
tf_d AS (SELECT row_number() OVER () AS did, ${text(o.d.importer)} AS co, CAST(${ident(o.d.date)} AS DATE) AS dt,
           CAST(${ident(o.d.value)} AS DOUBLE) AS v, ${text(o.d.counterparty)} AS cp, ${text(o.d.currency)} AS cur,
           ${text(o.d.country)} AS ctry FROM ${o.decl} WHERE ${ident(o.d.importer)} IS NOT NULL),
tf_f AS (SELECT row_number() OVER () AS fid, ${text(o.f.payer)} AS co, CAST(${ident(o.f.date)} AS DATE) AS dt,
           CAST(${ident(o.f.amount)} AS DOUBLE) AS a, ${amountOrig} AS ao, ${text(o.f.payee)} AS cp, ${text(o.f.currency)} AS cur,
           ${text(o.f.country)} AS ctry FROM ${o.fx} WHERE ${ident(o.f.payer)} IS NOT NULL${purpose}),
tf_link AS (SELECT f.fid, d.did, d.ctry AS dctry FROM tf_f f JOIN tf_d d ON ${on.join(' AND ')}),
tf_fa AS (SELECT f.fid, count(l.did) AS links, bool_or(l.dctry = f.ctry) AS same, bool_or(l.dctry IS NOT NULL) AS known
          FROM tf_f f LEFT JOIN tf_link l ON l.fid = f.fid GROUP BY f.fid),
tf_da AS (SELECT d.did, count(l.fid) AS links FROM tf_d d LEFT JOIN tf_link l ON l.did = d.did GROUP BY d.did),
tf_ds AS (SELECT co, ${periodOf('dt', o.period)} AS period, count(*) AS declarations, sum(v) AS declared,
            count(*) FILTER (WHERE a.links = 0) AS unmatched_declarations
          FROM tf_d JOIN tf_da a USING (did) GROUP BY ALL),
tf_fs AS (SELECT co, ${periodOf('dt', o.period)} AS period, count(*) AS remittances, sum(a) AS remitted,
            count(*) FILTER (WHERE x.links = 0) AS unmatched_payments, coalesce(sum(a) FILTER (WHERE x.links = 0), 0) AS unmatched_amount,
            count(*) FILTER (WHERE x.links > 0 AND x.known AND ctry IS NOT NULL AND NOT coalesce(x.same, FALSE)) AS third_country_payments,
            count(*) FILTER (WHERE ao >= ${thr} * (1 - ${literal(o.band)}) AND ao < ${thr}) AS structuring,
            count(*) FILTER (WHERE ao >= ${literal(o.roundUnit)} AND ao % ${literal(o.roundUnit)} = 0) AS round_amounts
          FROM tf_f JOIN tf_fa x USING (fid) GROUP BY ALL),
tf_s AS (SELECT coalesce(ds.co, fs.co) AS importer, coalesce(ds.period, fs.period) AS period,
           coalesce(ds.declarations, 0) AS declarations, coalesce(ds.declared, 0) AS declared,
           coalesce(fs.remittances, 0) AS remittances, coalesce(fs.remitted, 0) AS remitted,
           coalesce(fs.remitted, 0) / nullif(ds.declared, 0) AS ratio,
           coalesce(fs.unmatched_payments, 0) AS unmatched_payments, coalesce(fs.unmatched_amount, 0) AS unmatched_amount,
           coalesce(ds.unmatched_declarations, 0) AS unmatched_declarations,
           coalesce(fs.third_country_payments, 0) AS third_country_payments,
           coalesce(fs.structuring, 0) AS structuring, coalesce(fs.round_amounts, 0) AS round_amounts
         FROM tf_ds ds FULL JOIN tf_fs fs ON ds.co = fs.co AND ds.period = fs.period)
SELECT s.*, CAST(least(100, ${score}) AS DOUBLE) AS mismatch_score,
  NULLIF(concat_ws(';', ${codes}), '') AS reason_codes, NULLIF(concat_ws('; ', ${texts}), '') AS reasons
FROM tf_s s ORDER BY mismatch_score DESC, importer, period`;
}
