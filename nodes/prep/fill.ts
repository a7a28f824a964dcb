import { z } from 'zod';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
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

function fillSql(col: Column, r: Rule): string {
  const c = ident(col.name);
  let replacement: string;
  if ('value' in r) replacement = literal(r.value);
  else if (r.strategy === 'previous') {
    replacement = `last_value(${c} IGNORE NULLS) OVER (ORDER BY "__pos" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  } else {
    const fn = r.strategy === 'mean' ? 'avg' : r.strategy;
    replacement = `${fn}(${c}) OVER ()`;
  }
  const filled = `COALESCE(${c}, ${replacement})`;
  // Keep the column's type: a mean filled into an INTEGER column is rounded, not turned into DOUBLE.
  return col.type === UNKNOWN ? filled : `CAST(${filled} AS ${col.type})`;
}

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
    const replaced = Object.entries(p.columns)
      .map(([name, r]) => `${fillSql(requireColumn(schema, name, `columns.${name}`), r)} AS ${ident(name)}`)
      .join(', ');
    const usesPosition = Object.values(p.columns).some((r) => 'strategy' in r && r.strategy === 'previous');
    if (!usesPosition) return `SELECT * REPLACE (${replaced}) FROM ${relation(inputs)}`;
    return `SELECT * EXCLUDE ("__pos") REPLACE (${replaced}) FROM (SELECT *, row_number() OVER () AS "__pos" FROM ${relation(inputs)}) ORDER BY "__pos"`;
  },
});
