import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { checkNewNames, type OutColumn, placeAfter, schemaOf, selectList } from '../_shared/new-columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { checkPattern, withCase } from '../_shared/regex.ts';
import { setting } from '../_shared/said.ts';
import { textOf } from '../_shared/text-sql.ts';

const label = (ko: string, en: string) => ({ ko, en });

const params = z
  .object({
    column: z
      .string()
      .min(1)
      .meta({ label: label('대상 열', 'Column'), widget: 'column', columnOf: 'in' }),
    mode: z
      .enum(['regex', 'number'])
      .default('regex')
      .meta({
        label: label('추출 방식', 'Extract'),
        help: label(
          'regex: 정규식으로 찾기 · number: 글 속의 숫자 (₩1,234,500원 → 1234500, 12.5kg → 12.5)',
          'regex: a pattern · number: the number in text (₩1,234,500원 → 1234500, 12.5kg → 12.5)',
        ),
        widget: 'select',
      }),
    pattern: z
      .string()
      .min(1)
      .optional()
      .meta({
        label: label('정규식', 'Pattern'),
        help: label(
          '이름 붙은 묶음 (?P<hs>\\d{6}) 은 그 이름의 열이 됩니다',
          'Named groups (?P<hs>\\d{6}) name their column',
        ),
        widget: 'text',
        showIf: { mode: ['regex'] },
      }),
    caseSensitive: z
      .boolean()
      .default(true)
      .meta({ label: label('대소문자 구분', 'Case sensitive'), widget: 'boolean', showIf: { mode: ['regex'] } }),
    output: z
      .enum(['match', 'groups', 'all'])
      .default('match')
      .meta({
        label: label('결과', 'Result'),
        help: label(
          'match: 처음 찾은 부분 · groups: 괄호 묶음마다 한 열 · all: 찾은 부분 모두 (목록)',
          'match: the first match · groups: one column per group · all: every match, as a list',
        ),
        widget: 'select',
        showIf: { mode: ['regex'] },
      }),
    names: z
      .array(z.string().min(1))
      .optional()
      .meta({
        label: label(
          '묶음 열 이름 (비우면 묶음 이름 또는 <열>_1 …)',
          'Group column names (empty: group names or <col>_1 …)',
        ),
        widget: 'json',
        showIf: { output: ['groups'] },
      }),
    numbers: z
      .enum(['first', 'all'])
      .default('first')
      .meta({
        label: label('숫자', 'Numbers'),
        help: label('first: 첫 숫자 · all: 모든 숫자 (목록)', 'first: the first number · all: every number, as a list'),
        widget: 'select',
        showIf: { mode: ['number'] },
      }),
    as: z
      .string()
      .min(1)
      .optional()
      .meta({ label: label('새 열 이름', 'New column name'), widget: 'text' }),
  })
  .strict();

type Params = z.infer<typeof params>;

/**
 * A number in text: digits with optional thousands commas and decimals. A minus sign counts only at the
 * start or after a space, `(`, `₩` or `$`, so the dashes of `2024-01-05` and `HS-8517` are not signs.
 * Digits are ASCII: run text_normalize (fullwidth_to_halfwidth) first for １２３.
 */
const NUMBER = '(?:(?:^|[\\s(₩$￦])-)?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const toDouble = (m: string) => `TRY_CAST(regexp_replace(${m}, '[^0-9.-]', '', 'g') AS DOUBLE)`;

const GROUPS = ident('__groups');

function layout(p: Params, schema: Schema): { columns: OutColumn[]; groups?: string } {
  const x = textOf(requireColumn(schema, p.column, 'column'));
  const place = (added: OutColumn[], param: string) => {
    checkNewNames(
      schema,
      added.map((c) => c.name),
      param,
    );
    return placeAfter(schema, p.column, added, true);
  };
  if (p.mode === 'number') {
    const name = p.as ?? `${p.column}_${p.numbers === 'all' ? 'numbers' : 'number'}`;
    const sql =
      p.numbers === 'all'
        ? `list_transform(regexp_extract_all(${x}, ${literal(NUMBER)}), lambda __n: ${toDouble('__n')})`
        : toDouble(`regexp_extract(${x}, ${literal(NUMBER)})`);
    return { columns: place([{ name, type: p.numbers === 'all' ? 'DOUBLE[]' : 'DOUBLE', sql }], 'as') };
  }
  if (p.pattern === undefined)
    throw new ParamError(
      'give the pattern',
      'pattern',
      msg('node.give_setting', { field: setting(params, 'pattern') }),
    );
  const checked = checkPattern(p.pattern, 'pattern');
  const re = literal(withCase(checked.re2, p.caseSensitive));
  if (p.output === 'match') {
    const sql = `CASE WHEN regexp_matches(${x}, ${re}) THEN regexp_extract(${x}, ${re}) END`;
    return { columns: place([{ name: p.as ?? `${p.column}_match`, type: 'VARCHAR', sql }], 'as') };
  }
  if (p.output === 'all') {
    const sql = `regexp_extract_all(${x}, ${re})`;
    return { columns: place([{ name: p.as ?? `${p.column}_matches`, type: 'VARCHAR[]', sql }], 'as') };
  }
  const n = checked.groups.length;
  if (n === 0)
    throw new ParamError(
      'the pattern has no groups: put the parts to extract in ( )',
      'pattern',
      msg('node.extract_no_groups', { field: setting(params, 'pattern') }),
    );
  if (p.names && p.names.length !== n)
    throw new ParamError(
      `the pattern has ${n} groups: give ${n} names`,
      'names',
      msg('node.extract_names_count', { count: n, got: p.names.length, field: setting(params, 'names') }),
    );
  // regexp_extract with a name list returns one struct of all groups: the pattern runs once per row.
  const fields = checked.groups.map((g) => `g${g.index}`);
  const added = checked.groups.map((g, i) => ({
    name: p.names?.[i] ?? g.name ?? `${p.column}_${g.index}`,
    type: 'VARCHAR',
    sql: `${GROUPS}.${fields[i]}`,
  }));
  const groups = `CASE WHEN regexp_matches(${x}, ${re}) THEN regexp_extract(${x}, ${re}, ${literal(fields)}) END`;
  return { columns: place(added, p.names ? 'names' : 'pattern'), groups };
}

/**
 * Extracts a part of a text column. Keeps input order (a projection).
 */
export const extract = defineNode({
  type: 'prep.extract',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: label('추출', 'Extract'),
  description: label(
    '정규식으로 찾은 부분이나 글 속의 숫자를 새 열로 꺼냅니다.',
    'Pull a regex match, its groups, or the numbers in text into new columns.',
  ),
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => schemaOf(layout(p, single(inputs)).columns),
  toSql: ({ inputs, schemas, params: p }) => {
    const { columns, groups } = layout(p, single(schemas));
    const from = groups ? `(SELECT *, ${groups} AS ${GROUPS} FROM ${relation(inputs)})` : relation(inputs);
    return `SELECT ${selectList(columns)} FROM ${from}`;
  },
});
