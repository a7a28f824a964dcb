import { z } from 'zod';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { numbered, POS, readsTwiceInOrder } from '../_shared/added-columns.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { choice } from '../_shared/said.ts';

const rule = z.union([
  z.object({ value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
  z.object({ strategy: z.enum(['mean', 'median', 'mode', 'previous']) }).strict(),
]);

const params = z
  .object({
    columns: z
      .record(z.string(), rule)
      .refine((r) => Object.keys(r).length > 0, 'choose at least one column')
      .meta({
        label: { ko: '열별 채우기 방법', en: 'How to fill each column' },
        help: {
          ko: '값, 평균, 중앙값, 최빈값, 바로 앞 값 중 선택',
          en: 'A value, or the mean, median, mode or previous value',
        },
        widget: 'column',
        columnOf: 'in',
      }),
  })
  .strict();

type Rule = z.infer<typeof rule>;

/** Name of the one-row statistics column for the k-th statistic. */
const stat = (k: number) => `"__fill${k}"`;

/** The statistic a rule fills with, as an aggregate over the whole column (once, not per row). */
function aggregateOf(col: Column, r: Rule): string | undefined {
  if ('value' in r || r.strategy === 'previous') return undefined;
  const fn = r.strategy === 'mean' ? 'avg' : r.strategy;
  return `${fn}(${ident(col.name)})`;
}

function fillSql(col: Column, r: Rule, statistic: string | undefined): string {
  const c = ident(col.name);
  let replacement: string;
  if ('value' in r) replacement = literal(r.value);
  else if (r.strategy === 'previous') {
    replacement = `last_value(${c} IGNORE NULLS) OVER (ORDER BY ${POS} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  } else replacement = statistic!;
  const filled = `COALESCE(${c}, ${replacement})`;
  // Keep the column's type: a mean filled into an INTEGER column is rounded, not turned into DOUBLE.
  return col.type === UNKNOWN ? filled : `CAST(${filled} AS ${col.type})`;
}

/**
 * Fills empty values with a value, a statistic of the column, or the previous non-empty value. Keeps
 * input order. Statistics (mean, median, mode) are computed once, as a one-row aggregate joined to every
 * row (over a fused step, which is read once only, as a window with an empty OVER (), which keeps order);
 * only "previous" needs the rows in input order, which it numbers and sorts back by that number.
 */
export const fill = defineNode({
  type: 'prep.fill',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '빈 값 채우기', en: 'Fill missing values' },
  description: {
    ko: '빈 값(NULL)을 값이나 통계값으로 채웁니다.',
    en: 'Replace missing values with a value or a statistic.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    for (const [name, r] of Object.entries(p.columns)) {
      const col = requireColumn(schema, name, `columns.${name}`);
      const numeric = 'strategy' in r && (r.strategy === 'mean' || r.strategy === 'median');
      if (numeric && !isNumericType(col.type) && col.type !== UNKNOWN) {
        throw new ParamError(
          `"${r.strategy}" needs a numeric column; "${name}" is ${col.type}`,
          `columns.${name}`,
          msg('node.needs_numeric', {
            what: choice('prep.fill', 'columns.strategy', r.strategy),
            field: { ko: '채울 열', en: 'columns' },
            column: name,
            type: typeLabel(col.type),
          }),
        );
      }
    }
    return schema;
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const input = relation(inputs);
    const rules = Object.entries(p.columns).map(([name, r]) => ({
      col: requireColumn(schema, name, `columns.${name}`),
      r,
    }));
    // Over a fused step (read once only) a statistic is a window with an empty OVER (), which keeps order.
    const twice = readsTwiceInOrder(input);
    const stats: string[] = [];
    const replaced = rules
      .map(({ col, r }) => {
        const agg = aggregateOf(col, r);
        if (agg && !twice) return `${fillSql(col, r, `${agg} OVER ()`)} AS ${ident(col.name)}`;
        if (agg) stats.push(`${agg} AS ${stat(stats.length)}`);
        return `${fillSql(col, r, agg && stat(stats.length - 1))} AS ${ident(col.name)}`;
      })
      .join(', ');
    const usesPosition = rules.some(({ r }) => 'strategy' in r && r.strategy === 'previous');
    const internal = [...stats.map((_, k) => stat(k)), ...(usesPosition ? [POS] : [])];
    const rows = usesPosition ? numbered(input) : input;
    const from = stats.length ? `${rows} CROSS JOIN (SELECT ${stats.join(', ')} FROM ${input})` : rows;
    const exclude = internal.length ? ` EXCLUDE (${internal.join(', ')})` : '';
    return `SELECT *${exclude} REPLACE (${replaced}) FROM ${from}${usesPosition ? ` ORDER BY ${POS}` : ''}`;
  },
});
