import { z } from 'zod';
import { isIntegerType, isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { choice, setting } from '../_shared/said.ts';

const FNS = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'median', 'stddev', 'quantile'] as const;

const measure = z
  .object({
    fn: z.enum(FNS).meta({ label: { ko: '집계 함수', en: 'Function' }, widget: 'select' }),
    column: z
      .string()
      .min(1)
      .optional()
      .meta({ label: { ko: '열', en: 'Column' }, widget: 'column', columnOf: 'in' }),
    q: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ label: { ko: '분위 (0–1)', en: 'Quantile (0–1)' }, showIf: { fn: ['quantile'] } }),
    as: z
      .string()
      .min(1)
      .meta({ label: { ko: '결과 열 이름', en: 'Output name' } }),
  })
  .strict();

const params = z
  .object({
    groupBy: z
      .array(z.string().min(1))
      .default([])
      .meta({ label: { ko: '그룹 기준 열', en: 'Group by' }, widget: 'columns', columnOf: 'in' }),
    measures: z
      .array(measure)
      .min(1, 'add at least one measure')
      .meta({ label: { ko: '집계 항목', en: 'Measures' } }),
  })
  .strict();

type Measure = z.infer<typeof measure>;

function resultType(m: Measure, col: Column | undefined): string {
  switch (m.fn) {
    case 'count':
    case 'count_distinct':
      return 'BIGINT';
    case 'avg':
    case 'stddev':
    case 'quantile':
      return 'DOUBLE';
    case 'min':
    case 'max':
      return col?.type ?? UNKNOWN;
    case 'median':
      return col && isIntegerType(col.type) ? 'DOUBLE' : (col?.type ?? UNKNOWN);
    case 'sum':
      if (!col) return UNKNOWN;
      if (isIntegerType(col.type)) return 'HUGEINT';
      return col.type.toUpperCase().startsWith('DECIMAL') ? UNKNOWN : 'DOUBLE';
  }
}

function measureSql(m: Measure): string {
  const c = m.column === undefined ? '*' : ident(m.column);
  switch (m.fn) {
    case 'count':
      return `count(${c})`;
    case 'count_distinct':
      return `count(DISTINCT ${c})`;
    case 'stddev':
      return `stddev_samp(${c})`;
    case 'quantile':
      return `quantile_cont(${c}, ${literal(m.q ?? 0.5)})`;
    default:
      return `${m.fn}(${c})`;
  }
}

/**
 * One row per group. Does not keep input order: groups come out sorted by the group columns.
 */
export const aggregate = defineNode({
  type: 'prep.aggregate',
  version: 1,
  kind: 'sql',
  smallOutput: true,
  category: 'prep',
  label: { ko: '그룹 집계', en: 'Group & aggregate' },
  description: {
    ko: '그룹별로 건수, 합계, 평균, 중앙값 등을 계산합니다.',
    en: 'Count, sum, average, median… per group.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    const keys = p.groupBy.map((g, i) => requireColumn(schema, g, `groupBy.${i}`));
    const measures = p.measures.map((m, i) => {
      if (m.column === undefined && m.fn !== 'count') {
        throw new ParamError(
          `"${m.fn}" needs a column`,
          `measures.${i}.column`,
          msg('node.needs_column', {
            what: choice('prep.aggregate', 'measures.fn', m.fn),
            field: setting(params, `measures.${i}.column`),
          }),
        );
      }
      const col = m.column === undefined ? undefined : requireColumn(schema, m.column, `measures.${i}.column`);
      const numericOnly = ['sum', 'avg', 'stddev', 'quantile'].includes(m.fn);
      if (col && numericOnly && !isNumericType(col.type) && col.type !== UNKNOWN) {
        throw new ParamError(
          `"${m.fn}" needs a numeric column; "${col.name}" is ${col.type}`,
          `measures.${i}.column`,
          msg('node.needs_numeric', {
            what: choice('prep.aggregate', 'measures.fn', m.fn),
            field: setting(params, `measures.${i}.column`),
            column: col.name,
            type: typeLabel(col.type),
          }),
        );
      }
      return { name: m.as, type: resultType(m, col) };
    });
    const names = [...keys, ...measures].map((c) => c.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup)
      throw new ParamError(
        `the output would have two columns named "${dup}"`,
        'measures',
        msg('node.output_would_repeat', { name: dup }),
      );
    return [...keys, ...measures];
  },
  toSql: ({ inputs, params: p }) => {
    const keys = p.groupBy.map(ident);
    const cols = [...keys, ...p.measures.map((m) => `${measureSql(m)} AS ${ident(m.as)}`)].join(', ');
    const group = keys.length ? ` GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}` : '';
    return `SELECT ${cols} FROM ${relation(inputs)}${group}`;
  },
});
