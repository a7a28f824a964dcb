import { z } from 'zod';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { overNumbered, POS, readsTwiceInOrder, selectWith, withColumns } from '../_shared/added-columns.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';

const METHODS = ['zscore', 'minmax', 'robust', 'log1p'] as const;
type Method = (typeof METHODS)[number];

/** Suffix of the new column when `into` is `new`. */
const SUFFIX: Record<Method, string> = { zscore: '_z', minmax: '_minmax', robust: '_robust', log1p: '_log1p' };

const params = z
  .object({
    columns: z
      .array(z.string().min(1))
      .min(1, 'choose at least one column')
      .meta({ label: { ko: '숫자 열', en: 'Numeric columns' }, widget: 'columns', columnOf: 'in' }),
    method: z
      .enum(METHODS)
      .default('zscore')
      .meta({
        label: { ko: '방법', en: 'Method' },
        help: {
          ko: 'zscore: (값−평균)/표준편차 · minmax: 0~1 · robust: (값−중앙값)/사분위범위 · log1p: ln(1+값)',
          en: 'zscore: (x−mean)/sd · minmax: to 0–1 · robust: (x−median)/IQR · log1p: ln(1+x)',
        },
        widget: 'select',
      }),
    into: z
      .enum(['new', 'replace'])
      .default('new')
      .meta({
        label: { ko: '결과를 넣을 곳', en: 'Write into' },
        help: {
          ko: 'new: 새 열 (<열>_z 등) · replace: 같은 열',
          en: 'new: new columns (<column>_z …) · replace: same columns',
        },
        widget: 'select',
      }),
    suffix: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '새 열 접미사 (비우면 방법별 기본값)', en: 'New column suffix (empty: per method)' },
        showIf: { into: ['new'] },
      }),
    groupBy: z
      .array(z.string().min(1))
      .default([])
      .meta({
        label: { ko: '그룹별로 계산 (예: HS 코드별)', en: 'Per group (e.g. per HS code)' },
        widget: 'columns',
        columnOf: 'in',
      }),
    keepOrder: z
      .boolean()
      .default(true)
      .meta({
        label: { ko: '입력 행 순서 유지', en: 'Keep the input row order' },
        help: {
          ko: '그룹별로 계산할 때만 해당합니다. 끄면 행이 정해지지 않은 순서로 나오고 수백만 행에서 더 빠릅니다(앞 단계가 필터나 계산이면 메모리도 절반 가까이 덜 씁니다). 다음 단계가 정렬이나 집계라면 꺼도 결과가 같습니다.',
          en: 'Per group only. Off: rows come out in no set order, faster on millions of rows (after a filter or a calculation step also about half the memory). When a sort or an aggregate follows, the result is the same.',
        },
        widget: 'boolean',
        showIf: { method: ['zscore', 'minmax', 'robust'] },
      }),
  })
  .strict();

type Params = z.infer<typeof params>;

const target = (p: Params, c: string) => (p.into === 'replace' ? c : `${c}${p.suffix ?? SUFFIX[p.method]}`);

/** The statistics columns one scaled column needs, named by its index `k`. */
const centreOf = (k: number) => `"__centre${k}"`;
const spreadOf = (k: number) => `"__spread${k}"`;
const groupOf = (k: number) => `"__group${k}"`;

/**
 * Centre and spread of one column as aggregates, computed once per group (or once for the whole table);
 * `over` turns each into a window (`' OVER (…)'`).
 */
function statsSql(p: Params, column: string, over = ''): [string, string] {
  const x = `CAST(${ident(column)} AS DOUBLE)`;
  const f = (agg: string) => `${agg}${over}`;
  if (p.method === 'zscore') return [f(`avg(${x})`), f(`stddev_samp(${x})`)];
  if (p.method === 'minmax') return [f(`min(${x})`), `${f(`max(${x})`)} - ${f(`min(${x})`)}`];
  return [f(`quantile_cont(${x}, 0.5)`), `${f(`quantile_cont(${x}, 0.75)`)} - ${f(`quantile_cont(${x}, 0.25)`)}`];
}

/**
 * The scaled value. A group whose spread is zero (or has one row) gives 0: every value there equals the
 * centre. Sample standard deviation, like `prep.aggregate`'s stddev.
 */
function scaledSql(p: Params, column: string, centre: string, spread: string): string {
  const x = `CAST(${ident(column)} AS DOUBLE)`;
  if (p.method === 'log1p') return `CASE WHEN ${x} > -1 THEN ln(1 + ${x}) END`;
  return `CASE WHEN ${x} IS NULL THEN NULL WHEN coalesce(${spread}, 0) = 0 THEN 0.0 ELSE (${x} - ${centre}) / (${spread}) END`;
}

/**
 * Scales numeric columns, optionally per group. Keeps input order (per group: unless `keepOrder` is off). The
 * statistics are computed once: without groups one row cross-joined to every row (order kept, nothing sorted;
 * over a fused step, which can be read once only, windows with an empty OVER ()); per group an aggregate
 * hash-joined to the rows. A plan with a hash join (or a grouped aggregate feeding the rows) makes DuckDB write
 * its result in no set order (bench/RESULTS.md, issue 14), so per group the scaled values alone are computed
 * on the narrow columns they need, sorted back by input position (a sort of a few numbers per row) and set
 * beside the input's rows by `POSITIONAL JOIN`: the wide rows stream through once, as without groups, though
 * on one thread (the join is not parallel; `keepOrder: false` is faster on many cores). Over a fused step,
 * which can be read once only, every row is numbered and sorted back instead: the sort's buffer is the extra
 * memory that `keepOrder: false` saves.
 */
export const scale = defineNode({
  type: 'prep.scale',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '표준화 · 정규화', en: 'Scale values' },
  description: {
    ko: '숫자 열을 표준점수, 0~1 범위, 중앙값 기준, 로그로 바꿉니다 (그룹별 가능).',
    en: 'Standardize numeric columns: z-score, min-max, robust (median/IQR) or log1p, optionally per group.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    p.columns.forEach((c, i) => {
      const col = requireColumn(schema, c, `columns.${i}`);
      if (!isNumericType(col.type) && col.type !== UNKNOWN) {
        throw new ParamError(
          `scaling needs a numeric column; "${c}" is ${col.type}`,
          `columns.${i}`,
          msg('node.needs_numeric', {
            what: { ko: '척도 변환', en: 'scaling' },
            field: setting(params, `columns.${i}`),
            column: c,
            type: typeLabel(col.type),
          }),
        );
      }
    });
    p.groupBy.forEach((g, i) => {
      requireColumn(schema, g, `groupBy.${i}`);
    });
    if (p.method === 'log1p' && p.groupBy.length) {
      throw new ParamError(
        'log1p uses no group statistics: leave the groups empty',
        'groupBy',
        msg('node.scale_log1p_groups', { field: setting(params, 'groupBy') }),
      );
    }
    return withColumns(
      schema,
      p.columns.map((c) => ({ name: target(p, c), type: 'DOUBLE' })),
      'columns',
    );
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const input = relation(inputs);
    const schema = single(schemas);
    if (p.method === 'log1p') {
      const added = p.columns.map((c) => ({ name: target(p, c), sql: scaledSql(p, c, '', '') }));
      return `SELECT ${selectWith(schema, added)} FROM ${input}`;
    }
    const twice = readsTwiceInOrder(input);
    if (!twice && !p.groupBy.length) {
      // A fused step is read once only: the statistics are windows with an empty OVER (), which keep order.
      const added = p.columns.map((c) => ({ name: target(p, c), sql: scaledSql(p, c, ...statsSql(p, c, ' OVER ()')) }));
      return `SELECT ${selectWith(schema, added)} FROM ${input}`;
    }
    const added = p.columns.map((c, k) => ({ name: target(p, c), sql: scaledSql(p, c, centreOf(k), spreadOf(k)) }));
    const groups = p.groupBy.map((g, k) => `${ident(g)} AS ${groupOf(k)}`);
    const stats = p.columns.flatMap((c, k) => {
      const [centre, spread] = statsSql(p, c);
      return [`${centre} AS ${centreOf(k)}`, `${spread} AS ${spreadOf(k)}`];
    });
    const statsOf = (rows: string) => `SELECT ${[...groups, ...stats].join(', ')} FROM ${rows}`;
    const internal = [
      ...p.groupBy.map((_, k) => groupOf(k)),
      ...p.columns.flatMap((_, k) => [centreOf(k), spreadOf(k)]),
    ];
    // One row of statistics joined to every row: a cross product keeps the input's order.
    if (!groups.length)
      return `SELECT ${selectWith(schema, added, internal)} FROM ${input} CROSS JOIN (${statsOf(input)})`;
    // Per group, a hash join with the per-group statistics, which does not keep order (see the doc comment).
    // IS NOT DISTINCT FROM: rows whose group is empty form one group, as GROUP BY has it.
    const on = p.groupBy.map((g, k) => `"__in".${ident(g)} IS NOT DISTINCT FROM "__stats".${groupOf(k)}`);
    if (!p.keepOrder)
      return `SELECT ${selectWith(schema, added, internal)} FROM ${input} AS "__in" LEFT JOIN (${statsOf(input)} GROUP BY ALL) AS "__stats" ON ${on.join(' AND ')}`;
    if (twice) {
      // The scaled values from the narrow columns, sorted back to input order, set beside the input's rows
      // (both reads of a stored input give its rows in the same order).
      const value = (k: number) => `"__value${k}"`;
      const narrow = [...new Set([...p.groupBy, ...p.columns])].map(ident);
      const values = p.columns.map((c, k) => `${scaledSql(p, c, centreOf(k), spreadOf(k))} AS ${value(k)}`);
      const beside = p.columns.map((c, k) => ({ name: target(p, c), sql: value(k) }));
      return `SELECT ${selectWith(
        schema,
        beside,
        p.columns.map((_, k) => value(k)),
      )} FROM ${input} POSITIONAL JOIN (SELECT ${values.join(', ')} FROM (SELECT ${narrow.join(', ')}, row_number() OVER () AS ${POS} FROM ${input}) AS "__in" LEFT JOIN (${statsOf(input)} GROUP BY ALL) AS "__stats" ON ${on.join(' AND ')} ORDER BY ${POS}) AS "__scaled"`;
    }
    const select = selectWith(schema, added, [POS, ...internal]);
    return overNumbered(
      input,
      (rows) =>
        `SELECT ${select} FROM ${rows} AS "__in" LEFT JOIN (${statsOf(rows)} GROUP BY ALL) AS "__stats" ON ${on.join(' AND ')} ORDER BY ${POS}`,
    );
  },
});
