import { z } from 'zod';
import { isTextType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { choice, setting } from '../_shared/said.ts';

const OPS = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'is_null',
  'not_null',
] as const;
type Op = (typeof OPS)[number];

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const rule = z
  .object({
    column: z
      .string()
      .min(1)
      .meta({ label: { ko: '열', en: 'Column' }, widget: 'column', columnOf: 'in' }),
    op: z.enum(OPS).meta({ label: { ko: '조건', en: 'Condition' }, widget: 'select' }),
    value: z
      .union([scalar, z.array(scalar)])
      .optional()
      .meta({
        label: { ko: '값', en: 'Value' },
        showIf: { op: OPS.filter((o) => o !== 'is_null' && o !== 'not_null') },
      }),
  })
  .strict();

const params = z
  .object({
    where: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: { ko: '조건식', en: 'Condition (SQL)' },
        help: { ko: '참인 행만 남깁니다. 예: declared_value_krw >= 1000000', en: 'Rows where this is true are kept' },
        widget: 'sql-expression',
        sql: true,
      }),
    rules: z
      .array(rule)
      .min(1)
      .optional()
      .meta({ label: { ko: '조건 규칙', en: 'Rules' } }),
    combine: z
      .enum(['and', 'or'])
      .default('and')
      .meta({ label: { ko: '규칙 결합', en: 'Combine rules with' }, widget: 'select' }),
  })
  .strict()
  .refine((p) => (p.where === undefined) !== (p.rules === undefined), {
    message: 'give either "where" (an expression) or "rules", not both and not neither',
    path: ['where'],
  });

type Rule = z.infer<typeof rule>;

function ruleSql(r: Rule, col: Column, i: number): string {
  const c = ident(r.column);
  const text = isTextType(col.type) ? c : `CAST(${c} AS VARCHAR)`;
  const needsValue = (op: Op) => r.value === undefined && op !== 'is_null' && op !== 'not_null';
  if (needsValue(r.op))
    throw new ParamError(
      `the "${r.op}" rule needs a value`,
      `rules.${i}.value`,
      msg('node.filter_needs_value', {
        op: choice('prep.filter', 'rules.op', r.op),
        field: setting(params, `rules.${i}.value`),
      }),
    );
  const list = () => {
    const values = Array.isArray(r.value) ? r.value : [r.value];
    if (values.length === 0)
      throw new ParamError(
        `"${r.op}" needs at least one value`,
        `rules.${i}.value`,
        msg('node.filter_needs_values', {
          op: choice('prep.filter', 'rules.op', r.op),
          field: setting(params, `rules.${i}.value`),
        }),
      );
    return values.map(literal).join(', ');
  };
  const scalarValue = () => {
    if (Array.isArray(r.value))
      throw new ParamError(
        `"${r.op}" takes one value, not a list`,
        `rules.${i}.value`,
        msg('node.filter_one_value', {
          op: choice('prep.filter', 'rules.op', r.op),
          field: setting(params, `rules.${i}.value`),
        }),
      );
    return r.value as string | number | boolean;
  };
  switch (r.op) {
    case 'in':
      return `${c} IN (${list()})`;
    case 'not_in':
      return `${c} NOT IN (${list()})`;
    case 'contains':
      return `contains(${text}, ${literal(String(scalarValue()))})`;
    case 'starts_with':
      return `starts_with(${text}, ${literal(String(scalarValue()))})`;
    case 'is_null':
      return `${c} IS NULL`;
    case 'not_null':
      return `${c} IS NOT NULL`;
    default:
      return `${c} ${r.op === '!=' ? '<>' : r.op} ${literal(scalarValue())}`;
  }
}

/**
 * Keeps the rows that pass. Keeps input order (a filter).
 */
export const filter = defineNode({
  type: 'prep.filter',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '행 필터', en: 'Filter rows' },
  description: { ko: '조건에 맞는 행만 남깁니다.', en: 'Keep the rows that meet a condition.' },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    p.rules?.forEach((r, i) => {
      requireColumn(schema, r.column, `rules.${i}.column`);
    });
    return schema;
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const condition =
      p.where !== undefined
        ? `(\n${p.where}\n)`
        : p
            .rules!.map((r, i) => `(${ruleSql(r, requireColumn(schema, r.column, `rules.${i}.column`), i)})`)
            .join(p.combine === 'or' ? ' OR ' : ' AND ');
    return `SELECT * FROM ${relation(inputs)} WHERE ${condition}`;
  },
});
