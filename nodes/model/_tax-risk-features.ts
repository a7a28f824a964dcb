import type { Label } from '../../runtime/nodes/param-meta.ts';
import { ident, stringLiteral } from '../../runtime/sql/quote.ts';

export interface TaxRiskColumns {
  company: string;
  value: string;
  duty?: string;
  taxRate?: string;
  hs?: string;
  supplier?: string;
  taxType?: string;
  ftaPrefix: string;
  origin?: string;
  departure?: string;
  quantity?: string;
  finding?: string;
}

export interface FeatureInfo {
  name: string;
  label: Label;
  /** For the unsupervised scorecard: +1 riskier when higher, −1 riskier when lower, 0 not scored. */
  direction: 1 | -1 | 0;
}

/** The company features the chosen columns allow, in output order. */
export function featureList(c: TaxRiskColumns): FeatureInfo[] {
  const f: FeatureInfo[] = [
    { name: 'declarations', label: { ko: '신고 건수', en: 'declarations' }, direction: 0 },
    { name: 'total_value', label: { ko: '신고가격 합계', en: 'total declared value' }, direction: 0 },
  ];
  if (c.duty || c.taxRate) {
    f.push({ name: 'duty_paid', label: { ko: '납부 관세', en: 'duty paid' }, direction: 0 });
    f.push({ name: 'effective_rate', label: { ko: '실효 관세율', en: 'effective duty rate' }, direction: 0 });
    if (c.hs)
      f.push({
        name: 'rate_gap',
        label: { ko: '동종 HS 대비 실효세율 차이', en: 'duty rate vs HS peers' },
        direction: -1,
      });
  }
  if (c.taxType) f.push({ name: 'fta_share', label: { ko: 'FTA 협정세율 비중', en: 'FTA claim share' }, direction: 1 });
  if (c.origin && c.departure) {
    f.push({
      name: 'route_mismatch_share',
      label: { ko: '적출국≠원산지 비중', en: 'departure ≠ origin share' },
      direction: 1,
    });
  }
  if (c.hs && c.quantity) {
    f.push({
      name: 'low_price_share',
      label: { ko: '동종 HS 중앙 단가의 절반 미만 비중', en: 'share below half the HS median unit price' },
      direction: 1,
    });
  }
  if (c.finding)
    f.push({
      name: 'finding_rate',
      label: { ko: '과거 검사 적발률(보정)', en: 'past inspection hit rate (smoothed)' },
      direction: 1,
    });
  if (c.hs) f.push({ name: 'hs_hhi', label: { ko: 'HS 집중도(HHI)', en: 'HS concentration (HHI)' }, direction: 1 });
  if (c.supplier)
    f.push({
      name: 'supplier_hhi',
      label: { ko: '거래처 집중도(HHI)', en: 'supplier concentration (HHI)' },
      direction: 1,
    });
  return f;
}

/** Herfindahl index of value shares of `key` within each company. */
function hhi(key: string, as: string): string {
  return `(SELECT co, sum(power(s / nullif(tot, 0), 2)) AS ${as} FROM
    (SELECT co, ${key}, sum(v) AS s, sum(sum(v)) OVER (PARTITION BY co) AS tot FROM tr_d GROUP BY co, ${key}) GROUP BY co)`;
}

/**
 * One row per company: its features, and the main HS chapter (by value) as its peer group. The duty
 * is the duty column, or value × rate / 100. `rate_gap` = (duty paid − value × HS peers' pooled
 * effective rate) / value: below zero when the company pays less than others importing the same codes.
 */
export function featureSql(relation: string, c: TaxRiskColumns): string {
  const v = `CAST(${ident(c.value)} AS DOUBLE)`;
  const duty = c.duty
    ? `CAST(${ident(c.duty)} AS DOUBLE)`
    : c.taxRate
      ? `${v} * CAST(${ident(c.taxRate)} AS DOUBLE) / 100`
      : 'NULL';
  const hs = c.hs ? `CAST(${ident(c.hs)} AS VARCHAR)` : 'NULL';
  const cols = [
    `CAST(${ident(c.company)} AS VARCHAR) AS co`,
    `${v} AS v`,
    `${duty} AS t`,
    `${hs} AS hs`,
    c.supplier ? `CAST(${ident(c.supplier)} AS VARCHAR) AS sup` : 'NULL AS sup',
    c.taxType
      ? `starts_with(CAST(${ident(c.taxType)} AS VARCHAR), ${stringLiteral(c.ftaPrefix)}) AS fta`
      : 'NULL AS fta',
    c.origin && c.departure
      ? `CAST(${ident(c.origin)} AS VARCHAR) IS DISTINCT FROM CAST(${ident(c.departure)} AS VARCHAR) AS mismatch`
      : 'NULL AS mismatch',
    c.quantity ? `${v} / nullif(CAST(${ident(c.quantity)} AS DOUBLE), 0) AS uv` : 'NULL AS uv',
    c.finding ? `TRY_CAST(${ident(c.finding)} AS DOUBLE) AS hit` : 'NULL AS hit',
  ];
  const names = featureList(c).map((f) => f.name);
  const pick: Record<string, string> = {
    declarations: 'b.declarations',
    total_value: 'b.total_value',
    duty_paid: 'b.duty_paid',
    effective_rate: 'b.duty_paid / nullif(b.total_value, 0)',
    rate_gap: '(b.duty_paid - b.expected_duty) / nullif(b.total_value, 0)',
    fta_share: 'b.fta_share',
    route_mismatch_share: 'b.route_mismatch_share',
    low_price_share: 'b.low_price_share',
    // Shrunk toward the overall hit rate with the weight of 5 inspections, so one lucky find is not 100 %.
    finding_rate: '(b.hits + 5 * (SELECT sum(hit) / count(hit) FROM tr_d)) / (b.inspected + 5)',
    hs_hhi: 'h.hs_hhi',
    supplier_hhi: 's.supplier_hhi',
  };
  return `WITH tr_d AS (SELECT ${cols.join(', ')} FROM ${relation} WHERE ${ident(c.company)} IS NOT NULL),
tr_peer AS (SELECT hs, sum(t) / nullif(sum(v), 0) AS peer_rate, median(uv) AS peer_uv FROM tr_d GROUP BY hs),
tr_b AS (SELECT co, count(*) AS declarations, coalesce(sum(v), 0) AS total_value, sum(t) AS duty_paid,
           sum(v * p.peer_rate) AS expected_duty, avg(CAST(fta AS DOUBLE)) AS fta_share,
           avg(CAST(mismatch AS DOUBLE)) AS route_mismatch_share,
           avg(CASE WHEN uv IS NULL OR p.peer_uv IS NULL THEN NULL WHEN uv < 0.5 * p.peer_uv THEN 1.0 ELSE 0.0 END) AS low_price_share,
           coalesce(sum(hit), 0) AS hits, count(hit) AS inspected
         FROM tr_d LEFT JOIN tr_peer p USING (hs) GROUP BY co),
tr_main AS (SELECT co, hs2 AS peer_group FROM (SELECT co, left(hs, 2) AS hs2,
             row_number() OVER (PARTITION BY co ORDER BY sum(v) DESC NULLS LAST, left(hs, 2)) AS rk
           FROM tr_d GROUP BY co, left(hs, 2)) WHERE rk = 1)
SELECT b.co AS company, ${names.map((n) => `CAST(${pick[n]} AS DOUBLE) AS ${ident(n)}`).join(', ')}, m.peer_group
FROM tr_b b LEFT JOIN ${hhi('hs', 'hs_hhi')} h USING (co) LEFT JOIN ${hhi('sup', 'supplier_hhi')} s USING (co)
LEFT JOIN tr_main m USING (co) ORDER BY b.co`;
}
