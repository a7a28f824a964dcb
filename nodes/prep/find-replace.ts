import { z } from 'zod';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { checkDistinct } from '../_shared/new-columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { checkPattern, checkRewrite, literalRewrite, quoteRegex, withCase } from '../_shared/regex.ts';
import { textOf } from '../_shared/text-sql.ts';

const params = z
  .object({
    columns: z
      .array(z.string().min(1))
      .min(1, 'choose at least one column')
      .meta({ label: { ko: '바꿀 열', en: 'Columns' }, widget: 'columns', columnOf: 'in' }),
    find: z
      .string()
      .min(1)
      .meta({ label: { ko: '찾을 내용', en: 'Find' }, widget: 'text' }),
    replace: z
      .string()
      .default('')
      .meta({
        label: { ko: '바꿀 내용', en: 'Replace with' },
        help: {
          ko: '정규식이면 \\1, \\2 로 괄호 묶음을 넣을 수 있습니다 (\\\\ 는 역슬래시 하나)',
          en: 'With a regular expression, \\1, \\2 insert its groups (\\\\ is one backslash)',
        },
        widget: 'text',
      }),
    match: z
      .enum(['literal', 'regex'])
      .default('literal')
      .meta({
        label: { ko: '찾는 방식', en: 'Match' },
        help: { ko: 'literal: 글자 그대로 · regex: 정규식 (RE2)', en: 'literal: the text as is · regex: RE2 pattern' },
        widget: 'select',
      }),
    caseSensitive: z
      .boolean()
      .default(true)
      .meta({ label: { ko: '대소문자 구분', en: 'Case sensitive' }, widget: 'boolean' }),
    occurrences: z
      .enum(['all', 'first'])
      .default('all')
      .meta({ label: { ko: '바꿀 범위', en: 'Occurrences' }, widget: 'select' }),
  })
  .strict();

type Params = z.infer<typeof params>;

/** `(pattern, rewrite)` for regexp_replace, or null when plain `replace()` does the job (faster). */
function plan(p: Params): { pattern: string; rewrite: string } | null {
  if (p.match === 'literal') {
    if (p.caseSensitive && p.occurrences === 'all') return null;
    return { pattern: withCase(quoteRegex(p.find), p.caseSensitive), rewrite: literalRewrite(p.replace) };
  }
  const checked = checkPattern(p.find, 'find');
  checkRewrite(p.replace, checked.groups.length, 'replace');
  return { pattern: withCase(checked.re2, p.caseSensitive), rewrite: p.replace };
}

/**
 * Finds and replaces text. Keeps input order (a projection).
 */
export const findReplace = defineNode({
  type: 'prep.find_replace',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '찾아 바꾸기', en: 'Find and replace' },
  description: {
    ko: '글자나 정규식으로 찾은 부분을 다른 글자로 바꿉니다.',
    en: 'Replace literal text or a regular expression in text columns.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    p.columns.forEach((c, i) => {
      requireColumn(schema, c, `columns.${i}`);
    });
    checkDistinct(p.columns, 'columns');
    plan(p);
    return schema.map((c) => (p.columns.includes(c.name) ? { name: c.name, type: 'VARCHAR' } : c));
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const regex = plan(p);
    const replaced = p.columns.map((name, i) => {
      const x = textOf(requireColumn(schema, name, `columns.${i}`));
      const sql = regex
        ? `regexp_replace(${x}, ${literal(regex.pattern)}, ${literal(regex.rewrite)}${p.occurrences === 'all' ? ", 'g'" : ''})`
        : `replace(${x}, ${literal(p.find)}, ${literal(p.replace)})`;
      return `${sql} AS ${ident(name)}`;
    });
    return `SELECT * REPLACE (${replaced.join(', ')}) FROM ${relation(inputs)}`;
  },
});
