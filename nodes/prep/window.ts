import { z } from 'zod';
import { isIntegerType, isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { numbered, POS, readsTwiceInOrder, selectWith, withColumns } from '../_shared/added-columns.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { choice, setting } from '../_shared/said.ts';

const FNS = [
  'row_number',
  'rank',
  'dense_rank',
  'percent_rank',
  'cumsum',
  'lag',
  'lead',
  'moving_avg',
  'share',
] as const;
type Fn = (typeof FNS)[number];

const RANKS: readonly Fn[] = ['rank', 'dense_rank', 'percent_rank'];
const NEEDS_COLUMN: readonly Fn[] = ['cumsum', 'lag', 'lead', 'moving_avg', 'share'];
const NUMERIC_ONLY: readonly Fn[] = ['cumsum', 'moving_avg', 'share'];

const calc = z
  .object({
    fn: z.enum(FNS).meta({
      label: { ko: '계산', en: 'Calculation' },
      help: {
        ko: '순번 · 순위 · 조밀 순위 · 백분위 순위 · 누적 합계 · 이전 값 · 다음 값 · 이동 평균 · 그룹 합계 대비 비율',
        en: 'Row number · rank · dense rank · percent rank · running total · previous · next · moving average · share of group total',
      },
      widget: 'select',
    }),
    column: z
      .string()
      .min(1)
      .optional()
      .meta({ label: { ko: '열', en: 'Column' }, widget: 'column', columnOf: 'in', showIf: { fn: [...NEEDS_COLUMN] } }),
    offset: z
      .number()
      .int()
      .min(1)
      .default(1)
      .meta({ label: { ko: '몇 행 전/후', en: 'Rows back/ahead' }, widget: 'number', showIf: { fn: ['lag', 'lead'] } }),
    rows: z
      .number()
      .int()
      .min(1)
      .default(3)
      .meta({
        label: { ko: '이동 평균 행 수 (현재 행 포함)', en: 'Moving average rows (current included)' },
        widget: 'number',
        showIf: { fn: ['moving_avg'] },
      }),
    as: z
      .string()
      .min(1)
      .meta({ label: { ko: '결과 열 이름', en: 'Output name' } }),
  })
  .strict();

const params = z
  .object({
    partitionBy: z
      .array(z.string().min(1))
      .default([])
      .meta({ label: { ko: '그룹 기준 열', en: 'Group by' }, widget: 'columns', columnOf: 'in' }),
    orderBy: z
      .array(
        z
          .object({
            column: z
              .string()
              .min(1)
              .meta({ label: { ko: '열', en: 'Column' }, widget: 'column', columnOf: 'in' }),
            desc: z
              .boolean()
              .default(false)
              .meta({ label: { ko: '내림차순', en: 'Descending' }, widget: 'boolean' }),
          })
          .strict(),
      )
      .default([])
      .meta({
        label: { ko: '순서 기준 (비우면 입력 순서)', en: 'Order by (empty: input order)' },
      }),
    calcs: z
      .array(calc)
      .min(1, 'add at least one calculation')
      .meta({ label: { ko: '계산 항목', en: 'Calculations' } }),
    keepOrder: z
      .boolean()
      .default(true)
      .meta({
        label: { ko: '입력 행 순서 유지', en: 'Keep the input row order' },
        help: {
          ko: '끄면 행이 그룹별로 모여 나옵니다(순서는 정해지지 않음). 앞 단계가 필터나 계산이면 수백만 행에서 훨씬 빠르고 메모리를 덜 씁니다. 다음 단계가 정렬이나 집계라면 꺼도 결과가 같습니다.',
          en: 'Off: rows come out gathered by group (in no set order); after a filter or a calculation step this is much faster and lighter on millions of rows. When a sort or an aggregate follows, the result is the same.',
        },
        widget: 'boolean',
      }),
  })
  .strict();

type Params = z.infer<typeof params>;
type Calc = z.infer<typeof calc>;

function resultType(c: Calc, col: Column | undefined): string {
  switch (c.fn) {
    case 'row_number':
    case 'rank':
    case 'dense_rank':
      return 'BIGINT';
    case 'percent_rank':
    case 'moving_avg':
    case 'share':
      return 'DOUBLE';
    case 'lag':
    case 'lead':
      return col?.type ?? UNKNOWN;
    case 'cumsum':
      if (!col) return UNKNOWN;
      if (isIntegerType(col.type)) return 'HUGEINT';
      return col.type.toUpperCase().startsWith('DECIMAL') ? UNKNOWN : 'DOUBLE';
  }
}

function calcSql(p: Params, c: Calc): string {
  const part = p.partitionBy.length ? `PARTITION BY ${p.partitionBy.map(ident).join(', ')}` : '';
  const keys = p.orderBy.map((o) => `${ident(o.column)} ${o.desc ? 'DESC' : 'ASC'} NULLS LAST`);
  // Ranks keep ties; every other calculation breaks ties by input order so it is deterministic.
  const ranked = `OVER (${part} ORDER BY ${keys.join(', ')})`;
  const ordered = `OVER (${part} ORDER BY ${[...keys, `${POS} ASC`].join(', ')}`;
  const x = c.column === undefined ? '' : ident(c.column);
  switch (c.fn) {
    case 'row_number':
      return `row_number() ${ordered})`;
    case 'rank':
    case 'dense_rank':
    case 'percent_rank':
      return `${c.fn}() ${ranked}`;
    case 'cumsum':
      return `sum(${x}) ${ordered} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
    case 'lag':
    case 'lead':
      return `${c.fn}(${x}, ${c.offset}) ${ordered})`;
    case 'moving_avg':
      return `avg(CAST(${x} AS DOUBLE)) ${ordered} ROWS BETWEEN ${c.rows - 1} PRECEDING AND CURRENT ROW)`;
    case 'share':
      return `CAST(${x} AS DOUBLE) / nullif(sum(CAST(${x} AS DOUBLE)) OVER (${part}), 0)`;
  }
}

/** The columns a calculation reads: partition and order keys and its own column. */
function narrowColumns(p: Params): string[] {
  const cols = [...p.partitionBy, ...p.orderBy.map((o) => o.column), ...p.calcs.flatMap((c) => c.column ?? [])];
  return [...new Set(cols)];
}

/**
 * Ranks, running totals, previous/next values, moving averages and shares within groups. Keeps input
 * order by default (`keepOrder`): the window operator gives rows back by partition, so they are numbered
 * first and sorted back by that number. Over a stored input (read twice in the same order) only the narrow
 * columns the calculations need go through the window and that sort, and the results are set beside the
 * input's rows by `POSITIONAL JOIN`, so the wide rows stream through once (on one thread: the join is not
 * parallel); over a fused step (read once) every row is windowed and sorted. With `keepOrder: false` rows come
 * out gathered by group (no set order) and nothing is sorted.
 */
export const windowCalc = defineNode({
  type: 'prep.window',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '그룹 내 순위 · 누적 계산', en: 'Window calculations' },
  description: {
    ko: '그룹 안에서 순서대로 순위, 누적 합계, 이전/다음 값, 이동 평균, 비율을 계산합니다.',
    en: 'Rank, running total, previous/next value, moving average and share of total within groups.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    p.partitionBy.forEach((c, i) => {
      requireColumn(schema, c, `partitionBy.${i}`);
    });
    p.orderBy.forEach((o, i) => {
      requireColumn(schema, o.column, `orderBy.${i}.column`);
    });
    const added = p.calcs.map((c, i) => {
      if (RANKS.includes(c.fn) && p.orderBy.length === 0) {
        throw new ParamError(
          `"${c.fn}" needs an order (orderBy)`,
          'orderBy',
          msg('node.needs_order', {
            what: choice('prep.window', 'calcs.fn', c.fn),
            field: setting(params, 'orderBy'),
          }),
        );
      }
      if (NEEDS_COLUMN.includes(c.fn) && c.column === undefined) {
        throw new ParamError(
          `"${c.fn}" needs a column`,
          `calcs.${i}.column`,
          msg('node.needs_column', {
            what: choice('prep.window', 'calcs.fn', c.fn),
            field: setting(params, `calcs.${i}.column`),
          }),
        );
      }
      const col = c.column === undefined ? undefined : requireColumn(schema, c.column, `calcs.${i}.column`);
      if (col && NUMERIC_ONLY.includes(c.fn) && !isNumericType(col.type) && col.type !== UNKNOWN) {
        throw new ParamError(
          `"${c.fn}" needs a numeric column; "${col.name}" is ${col.type}`,
          `calcs.${i}.column`,
          msg('node.needs_numeric', {
            what: choice('prep.window', 'calcs.fn', c.fn),
            field: setting(params, `calcs.${i}.column`),
            column: col.name,
            type: typeLabel(col.type),
          }),
        );
      }
      return { name: c.as, type: resultType(c, col) };
    });
    return withColumns(schema, added, 'calcs');
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const input = relation(inputs);
    const schema = single(schemas);
    if (p.keepOrder && readsTwiceInOrder(input)) {
      const value = (i: number) => `"__calc${i}"`;
      const values = p.calcs.map((c, i) => `${calcSql(p, c)} AS ${value(i)}`);
      const beside = p.calcs.map((c, i) => ({ name: c.as, sql: value(i) }));
      const narrow = `(SELECT ${narrowColumns(p).map(ident).join(', ')}, row_number() OVER () AS ${POS} FROM ${input})`;
      return `SELECT ${selectWith(
        schema,
        beside,
        p.calcs.map((_, i) => value(i)),
      )} FROM ${input} POSITIONAL JOIN (SELECT ${values.join(', ')} FROM ${narrow} ORDER BY ${POS}) AS "__calcs"`;
    }
    const added = p.calcs.map((c) => ({ name: c.as, sql: calcSql(p, c) }));
    const select = selectWith(schema, added, [POS]);
    // The window operator gives rows back by partition: restoring input order is a sort of every wide row.
    const order = p.keepOrder ? ` ORDER BY ${POS}` : '';
    return `SELECT ${select} FROM ${numbered(input)}${order}`;
  },
});
