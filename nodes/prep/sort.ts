import { z } from 'zod';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';

const params = z
  .object({
    by: z
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
      .min(1, 'choose at least one column to sort by')
      .meta({ label: { ko: '정렬 기준', en: 'Sort by' } }),
    limit: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ label: { ko: '상위 n행만', en: 'Keep the first n rows' }, widget: 'number' }),
  })
  .strict();

/**
 * Sorts the rows (by definition it does not keep input order); ties in no set order.
 */
export const sort = defineNode({
  type: 'prep.sort',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '정렬', en: 'Sort' },
  description: { ko: '행을 정렬하고, 원하면 상위 n행만 남깁니다.', en: 'Order rows, optionally keeping the top n.' },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    p.by.forEach((b, i) => {
      requireColumn(schema, b.column, `by.${i}.column`);
    });
    return schema;
  },
  toSql: ({ inputs, params: p }) => {
    const order = p.by.map((b) => `${ident(b.column)} ${b.desc ? 'DESC' : 'ASC'} NULLS LAST`).join(', ');
    return `SELECT * FROM ${relation(inputs)} ORDER BY ${order}${p.limit ? ` LIMIT ${p.limit}` : ''}`;
  },
});
