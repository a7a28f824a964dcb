import { ident, literal } from '../../runtime/sql/quote.ts';
import { BIN_END, BIN_START, BOX, COUNT, type Measure, type Plan, SAMPLE_CAP } from './plan.ts';

const list = (names: string[]) => names.map(ident).join(', ');
const lead = (names: string[]) => (names.length ? `${list(names)}, ` : '');

function measureSql(m: Measure): string {
  if (m.fn === 'count') return m.column ? `count(${ident(m.column)})` : 'count(*)';
  const fn = m.fn === 'mean' ? 'avg' : m.fn;
  return `CAST(${fn}(${ident(m.column!)}) AS DOUBLE)`;
}

/** Rows joined on group keys, where a NULL key matches a NULL key (the NULL group is a group too). */
const sameKeys = (groups: string[], a: string, b: string) =>
  groups.map((g) => `${a}.${ident(g)} IS NOT DISTINCT FROM ${b}.${ident(g)}`).join(' AND ') || 'TRUE';

function groupSql(plan: Extract<Plan, { shape: 'group' }>, rel: string): string {
  const dims = list(plan.dims);
  const agg = `SELECT ${dims}, ${measureSql(plan.measure)} AS ${ident(plan.measure.as)} FROM ${rel} GROUP BY ${dims}`;
  if (!plan.topN) return `${agg} ORDER BY ${dims}`;
  // Rank categories by their total over every other dimension; ties broken by name so the cut is stable.
  const d = ident(plan.topN.dim);
  const m = ident(plan.measure.as);
  return (
    `WITH agg AS (${agg}), top AS (SELECT ${d} FROM agg GROUP BY ${d} ORDER BY sum(${m}) DESC NULLS LAST, ${d} ` +
    `LIMIT ${literal(plan.topN.n)}) SELECT agg.* FROM agg WHERE EXISTS (SELECT 1 FROM top WHERE ${sameKeys([plan.topN.dim], 'top', 'agg')}) ORDER BY ${dims}`
  );
}

function sampleSql(plan: Extract<Plan, { shape: 'sample' }>, rel: string): string {
  const cols = list(plan.columns);
  const where = plan.notNull.map((c) => `${ident(c)} IS NOT NULL`).join(' AND ');
  // A hash of the row's own values is a deterministic "random" order on both engines: the same rows every run.
  return `SELECT ${cols} FROM ${rel} WHERE ${where} ORDER BY hash(${cols}), ${cols} LIMIT ${SAMPLE_CAP}`;
}

/**
 * Bins of a "nice" width (1, 2 or 5 × 10^k) so that there are at most about `bins` of them, like Vega's
 * `maxbins`; the last value falls in the last bin.
 */
function histogramSql(plan: Extract<Plan, { shape: 'histogram' }>, rel: string): string {
  const v = ident(plan.column);
  const g = lead(plan.groups);
  const raw = `(hi - lo) / ${literal(plan.bins)}`;
  const mag = `pow(10, floor(log10(${raw})))`;
  const step =
    `CASE WHEN hi = lo THEN 1 ELSE ${mag} * CASE WHEN ${raw} / ${mag} <= 1 THEN 1 WHEN ${raw} / ${mag} <= 2 THEN 2 ` +
    `WHEN ${raw} / ${mag} <= 5 THEN 5 ELSE 10 END END`;
  return (
    `WITH src AS (SELECT ${g}CAST(${v} AS DOUBLE) AS v FROM ${rel} WHERE ${v} IS NOT NULL), ` +
    `ext AS (SELECT min(v) AS lo, max(v) AS hi FROM src), ` +
    `grid AS (SELECT ${step} AS step, floor(lo / (${step})) * (${step}) AS start FROM ext), ` +
    `b AS (SELECT ${g}CAST(floor((v - start) / step) AS BIGINT) AS i, step, start FROM src, grid) ` +
    `SELECT ${g}start + i * step AS ${ident(BIN_START)}, start + (i + 1) * step AS ${ident(BIN_END)}, ` +
    `count(*) AS ${ident(COUNT)} FROM b GROUP BY ${g}i, step, start ORDER BY ${g}i`
  );
}

/** Quartiles per group, whiskers at the furthest values within 1.5 × IQR (Tukey), as Vega-Lite draws them. */
function boxplotSql(plan: Extract<Plan, { shape: 'boxplot' }>, rel: string): string {
  const v = ident(plan.column);
  const g = lead(plan.groups);
  const qg = plan.groups.map((c) => `q.${ident(c)}, `).join('');
  const by = plan.groups.length ? ` GROUP BY ${list(plan.groups)}` : '';
  const qcols = plan.groups.map((c) => `q.${ident(c)}`).join(', ');
  // Qualified: DuckDB 1.4 (WASM) finds a bare group name ambiguous between q and s here.
  const qby = plan.groups.length ? ` GROUP BY ${qcols} ORDER BY ${qcols}` : '';
  return (
    `WITH src AS (SELECT ${g}CAST(${v} AS DOUBLE) AS v FROM ${rel} WHERE ${v} IS NOT NULL), ` +
    // One list-quantile call sorts each group once instead of three times.
    `qs AS (SELECT ${g}quantile_cont(v, [0.25, 0.5, 0.75]) AS qs, count(*) AS n FROM src${by}), ` +
    `q AS (SELECT ${g}qs[1] AS q1, qs[2] AS med, qs[3] AS q3, n FROM qs) ` +
    `SELECT ${qg}min(s.v) FILTER (WHERE s.v >= q.q1 - 1.5 * (q.q3 - q.q1)) AS ${ident(BOX.lo)}, ` +
    `any_value(q.q1) AS ${ident(BOX.q1)}, any_value(q.med) AS ${ident(BOX.median)}, any_value(q.q3) AS ${ident(BOX.q3)}, ` +
    `max(s.v) FILTER (WHERE s.v <= q.q3 + 1.5 * (q.q3 - q.q1)) AS ${ident(BOX.hi)}, any_value(q.n) AS ${ident(COUNT)} ` +
    `FROM q JOIN src s ON ${sameKeys(plan.groups, 'q', 's')}${qby}`
  );
}

/** The aggregation the chart draws from, pushed down into DuckDB: a few hundred rows at most. */
export function planSql(plan: Plan, rel: string): string {
  switch (plan.shape) {
    case 'group':
      return groupSql(plan, rel);
    case 'sample':
      return sampleSql(plan, rel);
    case 'histogram':
      return histogramSql(plan, rel);
    case 'boxplot':
      return boxplotSql(plan, rel);
  }
}
