import { z } from 'zod';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode, type InputSchemas } from '../../runtime/nodes/define-node.ts';
import type { Column, Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { checkNewNames, type OutColumn, placeAfter, schemaOf, selectList } from '../_shared/new-columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { textOf } from '../_shared/text-sql.ts';

const label = (ko: string, en: string) => ({ ko, en });
const scalar = z.union([z.string(), z.number()]);

const params = z
  .object({
    column: z
      .string()
      .min(1)
      .meta({ label: label('바꿀 열', 'Column'), widget: 'column', columnOf: 'in' }),
    mapping: z
      .array(
        z
          .object({
            from: scalar.meta({ label: label('원래 값', 'From'), widget: 'text' }),
            to: scalar.nullable().meta({ label: label('바꿀 값 (null: 빈 값)', 'To (null: empty)'), widget: 'text' }),
          })
          .strict(),
      )
      .default([])
      .meta({
        label: label('값 대응표', 'Mapping'),
        help: label('예: [{ "from": "CN", "to": "중국" }]', 'e.g. [{ "from": "CN", "to": "China" }]'),
        widget: 'json',
      }),
    lookupKey: z
      .string()
      .min(1)
      .optional()
      .meta({ label: label('참조표의 키 열', 'Lookup key column'), widget: 'column', columnOf: 'lookup' }),
    lookupValue: z
      .string()
      .min(1)
      .optional()
      .meta({ label: label('참조표의 값 열', 'Lookup value column'), widget: 'column', columnOf: 'lookup' }),
    unmapped: z
      .enum(['keep', 'null', 'default'])
      .default('keep')
      .meta({
        label: label('대응표에 없는 값', 'Values not in the mapping'),
        help: label('keep: 그대로 · null: 빈 값 · default: 정한 값', 'keep as is · null · default: a set value'),
        widget: 'select',
      }),
    default: scalar
      .optional()
      .meta({ label: label('기본값', 'Default value'), widget: 'text', showIf: { unmapped: ['default'] } }),
    as: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: label('새 열 이름 (비우면 그 열을 바꿈)', 'New column (empty: replace the column)'),
        widget: 'text',
      }),
    ignoreCase: z
      .boolean()
      .default(false)
      .meta({ label: label('대소문자 무시', 'Ignore case'), widget: 'boolean' }),
  })
  .strict();

type Params = z.infer<typeof params>;

const typeOfValue = (v: string | number) => (typeof v === 'number' ? 'DOUBLE' : 'VARCHAR');

/** One type for every branch: equal types stay, numbers meet as DOUBLE, anything else as text. */
function unify(types: string[]): string {
  if (types.length === 0) return 'VARCHAR';
  if (types.every((t) => t === types[0])) return types[0]!;
  return types.every(isNumericType) ? 'DOUBLE' : 'VARCHAR';
}

const castTo = (sql: string, from: string, to: string) => (from === to ? sql : `CAST(${sql} AS ${to})`);
const valueSql = (v: string | number, to: string) =>
  to === 'VARCHAR' ? literal(String(v)) : castTo(literal(v), typeOfValue(v), to);

interface Lookup {
  rel: string;
  key: Column;
  value: Column;
}

function lookupOf(p: Params, inputs: InputSchemas, rel?: string): Lookup | undefined {
  const schema = inputs.lookup?.[0];
  if (!schema) {
    if (p.lookupKey || p.lookupValue)
      throw new ParamError(
        'connect a lookup table to use its columns',
        'lookupKey',
        msg('node.lookup_not_connected', { field: setting(params, p.lookupKey ? 'lookupKey' : 'lookupValue') }),
      );
    if (p.mapping.length === 0)
      throw new ParamError(
        'add at least one mapping or connect a lookup table',
        'mapping',
        msg('node.mapping_or_lookup', { field: setting(params, 'mapping') }),
      );
    return undefined;
  }
  if (!p.lookupKey)
    throw new ParamError(
      'choose the lookup table column that holds the keys',
      'lookupKey',
      msg('node.choose_lookup_column', { field: setting(params, 'lookupKey') }),
    );
  if (!p.lookupValue)
    throw new ParamError(
      'choose the lookup table column that holds the values',
      'lookupValue',
      msg('node.choose_lookup_column', { field: setting(params, 'lookupValue') }),
    );
  return {
    rel: rel ?? '',
    key: requireColumn(schema, p.lookupKey, 'lookupKey'),
    value: requireColumn(schema, p.lookupValue, 'lookupValue'),
  };
}

function layout(p: Params, schema: Schema, lookup: Lookup | undefined, q: string): OutColumn[] {
  const col = requireColumn(schema, p.column, 'column');
  if (p.unmapped === 'default' && p.default === undefined)
    throw new ParamError(
      'give the default value',
      'default',
      msg('node.give_setting', { field: setting(params, 'default') }),
    );
  const type = unify([
    ...p.mapping.flatMap((m) => (m.to === null ? [] : [typeOfValue(m.to)])),
    ...(lookup ? [lookup.value.type] : []),
    ...(p.unmapped === 'keep' ? [col.type] : []),
    ...(p.unmapped === 'default' && p.default !== undefined ? [typeOfValue(p.default)] : []),
  ]);
  // Numbers meet numbers as numbers; anything else is compared as text (1 and '1' match).
  const numeric = isNumericType(col.type) && !p.ignoreCase && p.mapping.every((m) => typeof m.from === 'number');
  const key = (c: Column, qual: string) => {
    const text = textOf(c, qual);
    return p.ignoreCase ? `lower(${text})` : text;
  };
  const seen = new Map<string, number>();
  const whens = p.mapping.map((m, i) => {
    const k = numeric ? literal(m.from) : literal(p.ignoreCase ? String(m.from).toLowerCase() : String(m.from));
    if (seen.has(k))
      throw new ParamError(
        `"${m.from}" is already mapped (mapping.${seen.get(k)})`,
        `mapping.${i}.from`,
        msg('node.already_mapped', { from: String(m.from), at: setting(params, `mapping.${seen.get(k)}`) }),
      );
    seen.set(k, i);
    return `WHEN ${k} THEN ${m.to === null ? 'NULL' : valueSql(m.to, type)}`;
  });
  let otherwise =
    p.unmapped === 'keep'
      ? castTo(`${q}${ident(col.name)}`, col.type, type)
      : p.unmapped === 'default'
        ? valueSql(p.default!, type)
        : 'NULL';
  if (lookup) {
    otherwise = `CASE WHEN l."__key" IS NOT NULL THEN ${castTo('l."__value"', lookup.value.type, type)} ELSE ${otherwise} END`;
  }
  const subject = numeric ? `${q}${ident(col.name)}` : key(col, q);
  const sql = whens.length ? `CASE ${subject} ${whens.join(' ')} ELSE ${otherwise} END` : otherwise;
  if (p.as) checkNewNames(schema, [p.as], 'as');
  return placeAfter(schema, p.column, [{ name: p.as ?? p.column, type, sql }], p.as !== undefined, q);
}

/** LEFT JOIN to the lookup's first value per key, keeping the input's row order. */
function joinSql(p: Params, rel: string, lookup: Lookup, select: string, col: Column): string {
  const sameType = lookup.key.type === col.type && !p.ignoreCase;
  const keyOf = (c: Column, qual: string) =>
    sameType ? `${qual}${ident(c.name)}` : p.ignoreCase ? `lower(${textOf(c, qual)})` : textOf(c, qual);
  const lk = keyOf(lookup.key, '');
  const table = `SELECT ${lk} AS "__key", first(${ident(lookup.value.name)} ORDER BY "__lpos") AS "__value" FROM (SELECT *, row_number() OVER () AS "__lpos" FROM ${lookup.rel}) WHERE ${lk} IS NOT NULL GROUP BY 1`;
  return `SELECT ${select} FROM (SELECT *, row_number() OVER () AS "__pos" FROM ${rel}) AS i LEFT JOIN (${table}) AS l ON ${keyOf(col, 'i.')} = l."__key" ORDER BY i."__pos"`;
}

/**
 * Maps values through a list or a lookup table. Keeps input order: a list is a CASE (a projection); a
 * lookup table is a join, so rows are numbered first and sorted back by that number.
 */
export const valueMap = defineNode({
  type: 'prep.value_map',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: label('값 바꾸기 (대응표)', 'Map values'),
  description: label(
    '대응표나 참조표로 값을 바꿉니다 (예: 국가 코드 → 국가명).',
    'Replace values through a mapping or a lookup table (e.g. country codes → names).',
  ),
  inputs: [IN, { name: 'lookup', label: label('참조표', 'Lookup table'), optional: true }],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => schemaOf(layout(p, single(inputs), lookupOf(p, inputs), '')),
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const lookup = lookupOf(p, schemas, inputs.lookup?.[0]);
    if (!lookup) return `SELECT ${selectList(layout(p, schema, undefined, ''))} FROM ${relation(inputs)}`;
    const select = selectList(layout(p, schema, lookup, 'i.'));
    return joinSql(p, relation(inputs), lookup, select, requireColumn(schema, p.column, 'column'));
  },
});
