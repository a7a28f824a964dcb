import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { checkDistinct, type OutColumn, schemaOf, selectList } from '../_shared/new-columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { textOf } from '../_shared/text-sql.ts';

const params = z
  .object({
    columns: z
      .array(z.string().min(1))
      .min(2, 'choose at least two columns')
      .meta({
        label: { ko: '합칠 열 (순서대로)', en: 'Columns to merge, in order' },
        widget: 'columns',
        columnOf: 'in',
      }),
    separator: z
      .string()
      .default('')
      .meta({ label: { ko: '구분자', en: 'Separator' }, widget: 'text' }),
    as: z
      .string()
      .min(1)
      .meta({
        label: { ko: '새 열 이름', en: 'New column' },
        help: {
          ko: '합칠 열 중 하나의 이름이면 그 열을 바꿉니다',
          en: 'The name of a merged column replaces that column',
        },
        widget: 'text',
      }),
    nulls: z
      .enum(['skip', 'empty', 'null'])
      .default('skip')
      .meta({
        label: { ko: '빈 값(NULL) 처리', en: 'Missing values' },
        help: {
          ko: 'skip: 빼고 합침 (구분자도 생략) · empty: 빈 글자로 보고 합침 · null: 하나라도 비면 결과도 빈 값',
          en: 'skip: leave them (and their separator) out · empty: treat as "" · null: any missing makes the result missing',
        },
        widget: 'select',
      }),
    keepOriginal: z
      .boolean()
      .default(true)
      .meta({ label: { ko: '원래 열 유지', en: 'Keep the merged columns' }, widget: 'boolean' }),
  })
  .strict();

type Params = z.infer<typeof params>;

function mergeSql(p: Params, schema: Schema): string {
  const parts = p.columns.map((name, i) => textOf(requireColumn(schema, name, `columns.${i}`)));
  const sep = literal(p.separator);
  switch (p.nulls) {
    case 'skip':
      // concat_ws skips NULLs but gives '' when all are NULL: keep "nothing to merge" missing.
      return `CASE WHEN coalesce(${parts.join(', ')}) IS NULL THEN NULL ELSE concat_ws(${sep}, ${parts.join(', ')}) END`;
    case 'empty':
      return `concat_ws(${sep}, ${parts.map((x) => `coalesce(${x}, '')`).join(', ')})`;
    case 'null':
      return parts.join(` || ${sep} || `);
  }
}

/** Output columns: the merged column replaces `as` when it exists, else takes the first merged column's place. */
function layout(p: Params, schema: Schema): OutColumn[] {
  p.columns.forEach((c, i) => {
    requireColumn(schema, c, `columns.${i}`);
  });
  checkDistinct(p.columns, 'columns');
  const exists = schema.some((c) => c.name === p.as);
  if (exists && !p.columns.includes(p.as)) {
    throw new ParamError(
      `a column named "${p.as}" already exists; choose another name or a merged column`,
      'as',
      msg('node.merge_name_exists', { name: p.as, field: setting(params, 'as') }),
    );
  }
  const merged: OutColumn = { name: p.as, type: 'VARCHAR', sql: mergeSql(p, schema) };
  const anchor = exists ? p.as : p.keepOriginal ? undefined : p.columns[0];
  const out: OutColumn[] = [];
  for (const c of schema) {
    if (c.name === anchor) out.push(merged);
    else if (p.keepOriginal || !p.columns.includes(c.name)) out.push({ ...c, sql: ident(c.name) });
  }
  if (!anchor) out.push(merged);
  return out;
}

/**
 * Merges columns into one text column. Keeps input order (a projection).
 */
export const mergeColumns = defineNode({
  type: 'prep.merge_columns',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '열 합치기', en: 'Merge columns' },
  description: {
    ko: '여러 열의 값을 구분자로 이어 한 열로 만듭니다.',
    en: 'Join the values of several columns, with a separator, into one column.',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => schemaOf(layout(p, single(inputs))),
  toSql: ({ inputs, schemas, params: p }) =>
    `SELECT ${selectList(layout(p, single(schemas)))} FROM ${relation(inputs)}`,
});
