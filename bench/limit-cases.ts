/**
 * The SQL an expert would hand DuckDB for exactly the rows of each case in `prep-node-cases.ts` (the
 * declarations as view `d`, the companies as view `c`), for `--suite limit`. Order is not asked for: the
 * suite compares row count and an order-free digest, so these queries skip any sort a node does to keep
 * its documented order — the limit a node is measured against. `null`: no shorter query gives the same
 * rows than the node's own SQL (the row then measures the runtime's overhead only).
 */

import { NODE_CASES, type NodeCase } from './prep-node-cases.ts';

/**
 * The case a bench child is asked for: by label (or type), as `--suite limit` passes it, or by index. A label,
 * not an index: a child process reads `prep-node-cases.ts` afresh, and a case added to that list while a long
 * run is going shifts every index after it, so a child would run another case than its parent reports (a 10M
 * `prep.window` row once got `prep.unpivot`'s hand query that way and showed a digest mismatch).
 */
export function findCase(key: string): { index: number; label: string; c: NodeCase } {
  const byLabel = NODE_CASES.findIndex((c) => (c.label ?? c.type) === key);
  const index = byLabel >= 0 ? byLabel : /^\d+$/.test(key) ? Number(key) : -1;
  const c = NODE_CASES[index];
  if (!c) throw new Error(`no bench case "${key}" in bench/prep-node-cases.ts`);
  return { index, label: c.label ?? c.type, c };
}

/** `fmt` of `prep.bin`: a bound rounded to 4 places, integers without `.0`. */
const fmt = (x: string) => {
  const r = `round(${x}, 4)`;
  return `CASE WHEN ${r} = trunc(${r}) AND abs(${r}) < 1e15 THEN CAST(CAST(${r} AS BIGINT) AS VARCHAR) ELSE CAST(${r} AS VARCHAR) END`;
};

/** Quantile bins of declared value, 5 bins, labels as `[a, b)` and `[a, b]` for the last. */
function quantileBins(): string {
  const bounds = ['lo', 'q[1]', 'q[2]', 'q[3]', 'q[4]', 'hi'];
  const labels = [1, 2, 3, 4, 5].map(
    (i) => `'[' || ${fmt(bounds[i - 1]!)} || ', ' || ${fmt(bounds[i]!)} || '${i === 5 ? ']' : ')'}'`,
  );
  const x = 'CAST(declared_value_krw AS DOUBLE)';
  const index = `1 + (${x} >= b.q[1])::INT + (${x} >= b.q[2])::INT + (${x} >= b.q[3])::INT + (${x} >= b.q[4])::INT`;
  return `SELECT d.*, CASE WHEN ${x} IS NULL THEN NULL ELSE b.labels[${index}] END AS declared_value_krw_bin
    FROM d CROSS JOIN (SELECT *, [${labels.join(', ')}] AS labels FROM (SELECT min(v) AS lo, max(v) AS hi,
      quantile_cont(v, [0.2, 0.4, 0.6, 0.8]) AS q FROM (SELECT CAST(declared_value_krw AS DOUBLE) AS v FROM d))) AS b`;
}

/** z-score of unit price per HS6: the grouped statistics hash-joined back (no order asked). */
const scaleByGroup = `SELECT d.*, CASE WHEN unit_price_usd IS NULL THEN NULL WHEN coalesce(s.sd, 0) = 0 THEN 0.0
    ELSE (unit_price_usd - s.m) / s.sd END AS unit_price_usd_z
    FROM d LEFT JOIN (SELECT hs6, avg(unit_price_usd) AS m, stddev_samp(unit_price_usd) AS sd FROM d GROUP BY hs6) AS s
    ON d.hs6 IS NOT DISTINCT FROM s.hs6`;

const windowCalcs = `SELECT * EXCLUDE (p),
    sum(declared_value_krw) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
    lag(declared_value_krw, 1) OVER w AS previous
  FROM (SELECT *, row_number() OVER () AS p FROM d)
  WINDOW w AS (PARTITION BY importer_id ORDER BY declaration_date ASC NULLS LAST, p)`;

export const HAND: Record<string, string | null> = {
  'prep.select': 'SELECT declaration_id, hs6 AS hs, declared_value_krw FROM d',
  'prep.filter': "SELECT * FROM d WHERE origin_country IN ('CN', 'VN') AND declared_value_krw >= 1000000",
  'prep.derive': 'SELECT *, declared_value_krw / nullif(quantity, 0) AS unit_krw FROM d',
  'prep.cast':
    'SELECT * REPLACE (TRY_CAST(hs6 AS INTEGER) AS hs6, TRY_CAST(tax_rate AS DECIMAL(6,2)) AS tax_rate) FROM d',
  'prep.aggregate': 'SELECT hs6, count(*) AS n, median(unit_price_usd) AS m, sum(duty_krw) AS duty FROM d GROUP BY hs6',
  'prep.join': 'SELECT * FROM d LEFT JOIN c ON d.importer_id = c.company_id',
  // Ties at the 1,000th value make any LIMIT pick among them: the same query as the node.
  'prep.sort': 'SELECT * FROM d ORDER BY declared_value_krw DESC NULLS LAST LIMIT 1000',
  'prep.dedupe': `SELECT * EXCLUDE (p) FROM (SELECT *, row_number() OVER () AS p FROM d)
    QUALIFY row_number() OVER (PARTITION BY importer_id, hs6 ORDER BY p) = 1`,
  'prep.fill': `SELECT * EXCLUDE (m) REPLACE (coalesce(fraud, 0) AS fraud,
    CAST(coalesce(revenue_recovered_krw, m) AS BIGINT) AS revenue_recovered_krw)
    FROM d CROSS JOIN (SELECT median(revenue_recovered_krw) AS m FROM d)`,
  'prep.split_column': `SELECT p[1] AS declaration_id_1, p[2] AS declaration_id_2, p[3] AS declaration_id_3,
    * EXCLUDE (declaration_id, p) FROM (SELECT *, string_split(declaration_id, '-') AS p FROM d)`,
  'prep.merge_columns': `SELECT *, CASE WHEN coalesce(origin_country, hs6) IS NULL THEN NULL
    ELSE concat_ws('/', origin_country, hs6) END AS origin_hs FROM d`,
  'prep.find_replace': "SELECT * REPLACE (regexp_replace(item_name_ko, '\\(.*\\)', '', 'g') AS item_name_ko) FROM d",
  'prep.text_normalize':
    "SELECT * REPLACE (lower(regexp_replace(trim(item_name_en), '\\s+', ' ', 'g')) AS item_name_en) FROM d",
  'prep.extract': "SELECT *, TRY_CAST(regexp_extract(declaration_id, '\\d+') AS DOUBLE) AS broker_no FROM d",
  // The expert knows the text's one format.
  'prep.parse_date': `SELECT *, CAST(try_strptime(day_text, '%Y.%m.%d') AS DATE) AS parsed
    FROM (SELECT *, strftime(declaration_date, '%Y.%m.%d') AS day_text FROM d)`,
  'prep.date_parts': `SELECT *, year(declaration_date)::INTEGER AS declaration_date_year,
    quarter(declaration_date)::INTEGER AS declaration_date_quarter, month(declaration_date)::INTEGER AS declaration_date_month,
    ['월', '화', '수', '목', '금', '토', '일'][isodow(declaration_date)] AS declaration_date_weekday FROM d`,
  'prep.value_map': `SELECT *, CASE origin_country WHEN 'CN' THEN '중국' WHEN 'VN' THEN '베트남' WHEN 'US' THEN '미국'
    ELSE origin_country END AS origin_ko FROM d`,
  'prep.bin': quantileBins(),
  'prep.scale': scaleByGroup,
  'prep.scale (keepOrder: false)': scaleByGroup,
  'prep.pivot': `SELECT hs6, sum(declared_value_krw) FILTER (WHERE transport_mode = 'SEA') AS "SEA",
    sum(declared_value_krw) FILTER (WHERE transport_mode = 'AIR') AS "AIR",
    sum(declared_value_krw) FILTER (WHERE transport_mode = 'EXPRESS') AS "EXPRESS" FROM d GROUP BY hs6`,
  'prep.unpivot': `SELECT * EXCLUDE (duty_krw, declared_value_krw), unnest(['duty_krw', 'declared_value_krw']) AS measure,
    unnest([duty_krw, declared_value_krw]) AS krw FROM d`,
  'prep.window': windowCalcs,
  'prep.window (keepOrder: false)': windowCalcs,
  'prep.sample': `SELECT * EXCLUDE (p) FROM (SELECT *, row_number() OVER () AS p FROM d) WHERE p IN (
    SELECT p FROM (SELECT row_number() OVER () AS p FROM d) QUALIFY row_number() OVER (ORDER BY hash(42, p), p) <= round(0.1 * count(*) OVER ()))`,
  // prep.top_n's keys are largest first by default.
  'prep.top_n': `SELECT * EXCLUDE (p) FROM (SELECT *, row_number() OVER () AS p FROM d)
    QUALIFY row_number() OVER (PARTITION BY hs6 ORDER BY declared_value_krw DESC NULLS LAST, p) <= 3`,
  'prep.infer_types': 'SELECT * REPLACE (TRY_CAST(hs10 AS BIGINT) AS hs10) FROM d',
  'prep.validate': null,
  'prep.union': 'SELECT * FROM d UNION ALL BY NAME SELECT * FROM c',
  sql: 'SELECT origin_country, count(*) AS n, sum(declared_value_krw) AS value FROM d WHERE fraud = 1 GROUP BY origin_country',
  'chart.vega':
    'SELECT origin_country, CAST(sum(declared_value_krw) AS DOUBLE) AS declared_value_krw FROM d GROUP BY origin_country',
};
