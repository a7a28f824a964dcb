import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { checkNewNames, type OutColumn, placeAfter, schemaOf, selectList } from '../_shared/new-columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { checkPattern } from '../_shared/regex.ts';
import { setting } from '../_shared/said.ts';
import { textOf, trimSql } from '../_shared/text-sql.ts';

const label = (ko: string, en: string) => ({ ko, en });

const params = z
  .object({
    column: z
      .string()
      .min(1)
      .meta({ label: label('나눌 열', 'Column'), widget: 'column', columnOf: 'in' }),
    by: z
      .enum(['delimiter', 'regex', 'widths'])
      .default('delimiter')
      .meta({
        label: label('나누는 기준', 'Split by'),
        help: label('delimiter: 구분 글자 · regex: 정규식 · widths: 고정 글자 수', 'delimiter · regex · fixed widths'),
        widget: 'select',
      }),
    delimiter: z
      .string()
      .min(1)
      .optional()
      .meta({ label: label('구분 글자', 'Delimiter'), widget: 'text', showIf: { by: ['delimiter'] } }),
    pattern: z
      .string()
      .min(1)
      .optional()
      .meta({ label: label('구분 정규식', 'Separator pattern'), widget: 'text', showIf: { by: ['regex'] } }),
    widths: z
      .array(z.number().int().min(1))
      .min(1)
      .optional()
      .meta({ label: label('글자 수 (차례대로)', 'Widths in characters'), widget: 'json', showIf: { by: ['widths'] } }),
    into: z
      .enum(['columns', 'rows'])
      .default('columns')
      .meta({
        label: label('나눈 결과', 'Into'),
        help: label('열 여러 개 · 행 여러 개', 'columns · rows'),
        widget: 'select',
      }),
    count: z
      .number()
      .int()
      .min(1)
      .max(200)
      .optional()
      .meta({ label: label('새 열 개수', 'Number of columns'), widget: 'number', showIf: { into: ['columns'] } }),
    names: z
      .array(z.string().min(1))
      .optional()
      .meta({
        label: label('새 열 이름 (비우면 <열>_1, <열>_2 …)', 'New column names (empty: <col>_1, <col>_2 …)'),
        widget: 'json',
        showIf: { into: ['columns'] },
      }),
    rest: z
      .enum(['drop', 'last'])
      .default('drop')
      .meta({
        label: label('남는 조각', 'Extra parts'),
        help: label('drop: 버림 · last: 마지막 열에 나머지를 모두 넣음', 'drop · last: the last column keeps the rest'),
        widget: 'select',
        showIf: { into: ['columns'] },
      }),
    as: z
      .string()
      .min(1)
      .optional()
      .meta({ label: label('조각 열 이름', 'Part column name'), widget: 'text', showIf: { into: ['rows'] } }),
    indexColumn: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: label('조각 순번 열 (선택)', 'Part number column (optional)'),
        widget: 'text',
        showIf: { into: ['rows'] },
      }),
    trim: z
      .boolean()
      .default(false)
      .meta({ label: label('조각 앞뒤 공백 제거', 'Trim parts'), widget: 'boolean' }),
    dropEmpty: z
      .boolean()
      .default(false)
      .meta({ label: label('빈 조각 버리기', 'Drop empty parts'), widget: 'boolean' }),
    keepOriginal: z
      .boolean()
      .default(false)
      .meta({ label: label('원래 열 유지', 'Keep the original column'), widget: 'boolean' }),
  })
  .strict();

type Params = z.infer<typeof params>;

const PARTS = ident('__parts');

function need<T>(value: T | undefined, param: string, what: string): T {
  if (value === undefined)
    throw new ParamError(`give the ${what}`, param, msg('node.give_setting', { field: setting(params, param) }));
  return value;
}

/** Names of the new columns when splitting into columns. */
function columnNames(p: Params): string[] {
  const n = p.by === 'widths' ? need(p.widths, 'widths', 'widths').length : (p.names?.length ?? p.count);
  if (n === undefined)
    throw new ParamError(
      'say how many columns to make (count) or name them (names)',
      'count',
      msg('node.split_count_missing', { count: setting(params, 'count'), names: setting(params, 'names') }),
    );
  if (p.count !== undefined && p.count !== n)
    throw new ParamError(
      `count is ${p.count} but there are ${n} parts`,
      'count',
      msg('node.split_count_mismatch', { count: p.count, parts: n, field: setting(params, 'count') }),
    );
  if (p.names && p.names.length !== n)
    throw new ParamError(
      `give ${n} names, one per part`,
      'names',
      msg('node.split_names_count', { parts: n, field: setting(params, 'names') }),
    );
  return p.names ?? Array.from({ length: n }, (_, i) => `${p.column}_${i + 1}`);
}

/** The parts as a VARCHAR[] over the text `x`. */
function partsSql(p: Params, x: string, lastRunsToEnd: boolean): string {
  let parts: string;
  if (p.by === 'delimiter') parts = `string_split(${x}, ${literal(need(p.delimiter, 'delimiter', 'delimiter'))})`;
  else if (p.by === 'regex') {
    parts = `regexp_split_to_array(${x}, ${literal(checkPattern(need(p.pattern, 'pattern', 'pattern'), 'pattern').re2)})`;
  } else {
    const widths = need(p.widths, 'widths', 'widths');
    let start = 1;
    const pieces = widths.map((w, i) => {
      const piece =
        lastRunsToEnd && i === widths.length - 1 ? `substr(${x}, ${start})` : `substr(${x}, ${start}, ${w})`;
      start += w;
      return piece;
    });
    parts = `CASE WHEN ${x} IS NULL THEN NULL ELSE [${pieces.join(', ')}] END`;
  }
  if (p.trim) parts = `list_transform(${parts}, lambda __p: ${trimSql('__p')})`;
  if (p.dropEmpty) parts = `list_filter(${parts}, lambda __p: __p <> '')`;
  return parts;
}

/** Text after the (n-1)-th separator, for `rest: last` with a regex: the separators' own text is kept. */
function regexRest(p: Params, x: string, n: number): string {
  if (n === 1) return p.trim ? trimSql(x) : x;
  const sep = checkPattern(need(p.pattern, 'pattern', 'pattern'), 'pattern');
  const re = `^(?:(?s:.*?)(?:${sep.re2})){${n - 1}}((?s:.*))$`;
  const rest = `regexp_extract(${x}, ${literal(re)}, ${sep.groups.length + 1})`;
  return p.trim ? trimSql(rest) : rest;
}

function layout(p: Params, schema: Schema): OutColumn[] {
  const x = textOf(requireColumn(schema, p.column, 'column'));
  const freed = p.keepOriginal ? [] : [p.column];
  partsSql(p, x, false); // checks the delimiter, pattern or widths before any name
  if (p.into === 'rows') {
    const part = p.as ?? (p.keepOriginal ? `${p.column}_part` : p.column);
    checkNewNames(schema, [part], 'as', freed);
    const added: OutColumn[] = [
      { name: part, type: 'VARCHAR', sql: `unnest(CASE WHEN len(${PARTS}) > 0 THEN ${PARTS} ELSE [NULL] END)` },
    ];
    if (p.indexColumn) {
      checkNewNames(schema, [p.indexColumn], 'indexColumn', freed);
      if (p.indexColumn === part)
        throw new ParamError(
          `"${part}" already names the parts`,
          'indexColumn',
          msg('node.split_index_same', { name: part, field: setting(params, 'indexColumn') }),
        );
      const index = `unnest(CASE WHEN len(${PARTS}) > 0 THEN range(1, len(${PARTS}) + 1) ELSE [NULL] END)`;
      added.push({ name: p.indexColumn, type: 'BIGINT', sql: index });
    }
    return placeAfter(schema, p.column, added, p.keepOriginal);
  }
  const names = columnNames(p);
  checkNewNames(schema, names, 'names', freed);
  if (p.rest === 'last' && p.by === 'regex' && p.dropEmpty) {
    throw new ParamError(
      '"rest: last" with a regex keeps the original text, so it cannot drop empty parts',
      'rest',
      msg('node.split_rest_last_regex', { field: setting(params, 'rest') }),
    );
  }
  const n = names.length;
  const added = names.map((name, i): OutColumn => {
    let sql = `${PARTS}[${i + 1}]`;
    if (i === n - 1 && p.rest === 'last' && p.by !== 'widths') {
      const rest =
        p.by === 'delimiter' ? `array_to_string(${PARTS}[${n}:], ${literal(p.delimiter)})` : regexRest(p, x, n);
      sql = `CASE WHEN len(${PARTS}) >= ${n} THEN ${rest} END`;
    }
    return { name, type: 'VARCHAR', sql };
  });
  return placeAfter(schema, p.column, added, p.keepOriginal);
}

/**
 * Splits one column into columns or rows. Keeps input order (a projection; into rows, each row's parts stay
 * together, in order).
 */
export const splitColumn = defineNode({
  type: 'prep.split_column',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: label('열 나누기', 'Split column'),
  description: label(
    '구분 글자, 정규식 또는 고정 글자 수로 한 열을 여러 열이나 여러 행으로 나눕니다.',
    'Split a text column by a delimiter, a regex or fixed widths into several columns or rows.',
  ),
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => schemaOf(layout(p, single(inputs))),
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const x = textOf(requireColumn(schema, p.column, 'column'));
    const lastRunsToEnd = p.into === 'columns' && p.rest === 'last';
    const inner = `(SELECT *, ${partsSql(p, x, lastRunsToEnd)} AS ${PARTS} FROM ${relation(inputs)})`;
    return `SELECT ${selectList(layout(p, schema))} FROM ${inner}`;
  },
});
