import { z } from 'zod';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { relation, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';

const params = z
  .object({
    column: z
      .string()
      .min(1)
      .meta({
        label: { ko: '열 이름 (새 열 또는 바꿀 열)', en: 'Column (new or replaced)' },
        widget: 'column',
        columnOf: 'in',
      }),
    expression: z
      .string()
      .min(1)
      .meta({
        label: { ko: '계산식', en: 'Expression' },
        help: { ko: '입력 열에 대한 DuckDB SQL 식', en: 'A DuckDB SQL expression over the input columns' },
        widget: 'sql-expression',
        sql: true,
      }),
  })
  .strict();

/**
 * Adds or replaces one computed column. Keeps input order (a projection).
 */
export const derive = defineNode({
  type: 'prep.derive',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '계산 열', en: 'Derive column' },
  description: {
    ko: '식으로 새 열을 만들거나 기존 열을 바꿉니다.',
    en: 'Compute a new column, or replace one, from an expression.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    if (schema.some((c) => c.name === p.column)) {
      return schema.map((c) => (c.name === p.column ? { name: c.name, type: UNKNOWN } : c));
    }
    return [...schema, { name: p.column, type: UNKNOWN }];
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const exists = single(schemas).some((c) => c.name === p.column);
    const expr = `(\n${p.expression}\n) AS ${ident(p.column)}`;
    return exists
      ? `SELECT * REPLACE (${expr}) FROM ${relation(inputs)}`
      : `SELECT *, ${expr} FROM ${relation(inputs)}`;
  },
});
