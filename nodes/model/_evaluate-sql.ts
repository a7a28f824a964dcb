import { ident, literal, stringLiteral, typeName } from '../../runtime/sql/quote.ts';

export interface EvaluateSqlOptions {
  relation: string;
  score: string;
  label: string;
  revenue?: string;
  time?: { column: string; type: string; cutoff: string };
  ks: number[];
  /** Score at or above which the confusion matrix counts a row as selected; absent = the top `confusionK` % cut. */
  threshold?: number;
  /** Inspection rate in percent whose cut the confusion matrix uses when no threshold is given. */
  confusionK: number;
  points: number;
}

/** Wide columns of the node's own result; each output port keeps the rows of one `part` and its columns. */
export const EVAL_COLUMNS = [
  ['part', 'VARCHAR'],
  ['k', 'DOUBLE'],
  ['n_selected', 'BIGINT'],
  ['hits', 'DOUBLE'],
  ['precision', 'DOUBLE'],
  ['recall', 'DOUBLE'],
  ['revenue', 'DOUBLE'],
  ['lift', 'DOUBLE'],
  ['auc', 'DOUBLE'],
  ['n_rows', 'BIGINT'],
  ['positives', 'BIGINT'],
  ['threshold', 'DOUBLE'],
  ['fpr', 'DOUBLE'],
  ['tpr', 'DOUBLE'],
  ['actual', 'INTEGER'],
  ['predicted', 'INTEGER'],
  ['count', 'BIGINT'],
] as const;

/** One SELECT list in EVAL_COLUMNS order from the columns a part sets; the rest are typed NULLs. */
function row(part: string, set: Record<string, string>): string {
  const cols = EVAL_COLUMNS.map(([name, type]) => {
    const v = name === 'part' ? stringLiteral(part) : (set[name] ?? 'NULL');
    return `CAST(${v} AS ${type}) AS ${ident(name)}`;
  });
  return cols.join(', ');
}

/**
 * Ranking metrics over rows with a score and a label. Rows are grouped by distinct score, so tied rows
 * are never split arbitrarily: when the top-k% cut falls inside a tie, the tie contributes its hits and
 * revenue in proportion to the share of it that is selected (the expected value under a random order
 * of the tied rows). AUC counts a tied positive/negative pair as one half (Mann-Whitney).
 */
export function evaluateSql(o: EvaluateSqlOptions): string {
  const y = ident(o.label);
  const s = ident(o.score);
  const rev = o.revenue ? `coalesce(CAST(${ident(o.revenue)} AS DOUBLE), 0)` : '0';
  const where = [`${s} IS NOT NULL`, `${y} IS NOT NULL`];
  if (o.time) {
    where.push(`${ident(o.time.column)} >= CAST(${stringLiteral(o.time.cutoff)} AS ${typeName(o.time.type)})`);
  }
  // A label outside 0/1 stops the query with a message rather than producing silent nonsense.
  const yv = `CASE WHEN CAST(${y} AS DOUBLE) IN (0, 1) THEN CAST(${y} AS INTEGER) ELSE error('label column ${o.label.replaceAll("'", "''")} must hold 0/1 (found ' || CAST(${y} AS VARCHAR) || ')') END`;
  const ks = `[${o.ks.map((k) => literal(k)).join(', ')}]`;
  // Rank scores rarely pass 0.5, so a fixed 0.5 left the matrix nearly empty: by default the cut is the score of
  // the last row in the top confusionK % (the officer's inspection rate); rows tied with it are selected too.
  const threshold =
    o.threshold === undefined
      ? `SELECT min(ev_c.s) AS t FROM ev_c, ev_tot WHERE ev_c.n0 < greatest(1, ceil(ev_tot.nn * ${literal(o.confusionK)} / 100.0))`
      : `SELECT ${literal(o.threshold)} AS t`;
  const cte = `
ev_base AS (SELECT CAST(${s} AS DOUBLE) AS s, ${yv} AS y, ${rev} AS r FROM ${o.relation} WHERE ${where.join(' AND ')}),
ev_g AS (SELECT s, count(*) AS n, sum(y) AS p, sum(r) AS rv FROM ev_base GROUP BY s),
ev_c AS (SELECT s, n, p, rv,
        sum(n) OVER w - n AS n0, sum(p) OVER w - p AS p0, sum(rv) OVER w - rv AS rv0,
        sum(n) OVER w AS n1, sum(p) OVER w AS p1
      FROM ev_g WINDOW w AS (ORDER BY s DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)),
ev_tot AS (SELECT coalesce(sum(n), 0) AS nn, coalesce(sum(p), 0) AS pp, coalesce(sum(rv), 0) AS rr, coalesce(sum(n) - sum(p), 0) AS neg FROM ev_g),
ev_auc AS (SELECT sum(ev_c.p * (ev_tot.neg - (ev_c.n0 - ev_c.p0) - (ev_c.n - ev_c.p) + 0.5 * (ev_c.n - ev_c.p))) / nullif(any_value(ev_tot.pp) * any_value(ev_tot.neg), 0) AS auc FROM ev_c, ev_tot),
ev_sel AS (SELECT k, greatest(1, ceil(nn * k / 100.0)) AS m FROM (SELECT unnest(${ks}) AS k), ev_tot WHERE nn > 0),
ev_at AS (SELECT k, m,
         sum(CASE WHEN n1 <= m THEN p WHEN n0 < m THEN p * (m - n0) / n ELSE 0 END) AS hits,
         sum(CASE WHEN n1 <= m THEN rv WHEN n0 < m THEN rv * (m - n0) / n ELSE 0 END) AS got
       FROM ev_sel, ev_c GROUP BY k, m),
ev_curve AS (SELECT s, n1, p1, n1 - p1 AS f1, ceil(n1 * ${literal(o.points)} / nn) AS bucket,
           row_number() OVER (PARTITION BY ceil(n1 * ${literal(o.points)} / nn) ORDER BY n1 DESC) AS is_last
          FROM ev_c, ev_tot),
ev_thr AS (${threshold}),
ev_conf AS (SELECT a.actual, b.predicted, count(ev_base.y) AS cnt
         FROM (VALUES (1), (0)) a(actual) CROSS JOIN (VALUES (1), (0)) b(predicted) CROSS JOIN ev_thr
         LEFT JOIN ev_base ON ev_base.y = a.actual AND (ev_base.s >= ev_thr.t) = (b.predicted = 1)
         GROUP BY a.actual, b.predicted)`;
  const metrics = row('metrics', {
    k: 'ev_at.k',
    n_selected: 'ev_at.m',
    hits: 'ev_at.hits',
    precision: 'ev_at.hits / ev_at.m',
    recall: 'ev_at.hits / nullif(ev_tot.pp, 0)',
    revenue: o.revenue ? 'ev_at.got / nullif(ev_tot.rr, 0)' : 'NULL',
    lift: '(ev_at.hits / ev_at.m) / nullif(ev_tot.pp / ev_tot.nn, 0)',
    auc: 'ev_auc.auc',
    n_rows: 'ev_tot.nn',
    positives: 'ev_tot.pp',
  });
  const curve = row('curve', {
    threshold: 'ev_curve.s',
    n_selected: 'ev_curve.n1',
    hits: 'ev_curve.p1',
    fpr: 'ev_curve.f1 / nullif(ev_tot.neg, 0)',
    tpr: 'ev_curve.p1 / nullif(ev_tot.pp, 0)',
    recall: 'ev_curve.p1 / nullif(ev_tot.pp, 0)',
    precision: 'ev_curve.p1 / ev_curve.n1',
  });
  const origin = row('curve', { n_selected: '0', hits: '0', fpr: '0', tpr: '0', recall: '0' });
  const conf = row('confusion', {
    k: o.threshold === undefined ? literal(o.confusionK) : 'NULL',
    threshold: 'ev_thr.t',
    actual: 'ev_conf.actual',
    predicted: 'ev_conf.predicted',
    count: 'ev_conf.cnt',
  });
  return `WITH ${cte}
SELECT * FROM (
  SELECT ${metrics} FROM ev_at, ev_tot, ev_auc
  UNION ALL SELECT ${origin}
  UNION ALL SELECT ${curve} FROM ev_curve, ev_tot WHERE ev_curve.is_last = 1
  UNION ALL SELECT ${conf} FROM ev_conf, ev_thr
) ORDER BY part DESC, k, n_selected, actual DESC, predicted DESC`;
}
