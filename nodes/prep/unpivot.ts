import { z } from 'zod';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';

const params = z
  .object({
    columns: z
      .array(z.string().min(1))
      .min(1, 'choose at least one column')
      .meta({ label: { ko: '세로로 내릴 열', en: 'Columns to unpivot' }, widget: 'columns', columnOf: 'in' }),
    nameAs: z
      .string()
      .min(1)
      .default('name')
      .meta({ label: { ko: '열 이름을 담을 열', en: 'Column for the names' } }),
    valueAs: z
      .string()
      .min(1)
      .default('value')
      .meta({ label: { ko: '값을 담을 열', en: 'Column for the values' } }),
    dropNulls: z
      .boolean()
      .default(false)
      .meta({ label: { ko: '빈 값(NULL) 행 빼기', en: 'Drop rows whose value is empty' }, widget: 'boolean' }),
  })
  .strict();

type Params = z.infer<typeof params>;

/** One type for the value column: the shared type, DOUBLE for mixed numbers, otherwise text. */
function valueType(schema: Schema, p: Params): string {
  const types = p.columns.map((c, i) => requireColumn(schema, c, `columns.${i}`).type);
  if (types.includes(UNKNOWN)) return UNKNOWN;
  if (types.every((t) => t === types[0])) return types[0]!;
  if (types.every(isNumericType)) return 'DOUBLE';
  return 'VARCHAR';
}

/**
 * One row per input row and column. Keeps input order (projection and unnest, no sort).
 */
export const unpivot = defineNode({
  type: 'prep.unpivot',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '언피벗 (가로 → 세로)', en: 'Unpivot (wide → long)' },
  description: {
    ko: '여러 열을 "이름"과 "값" 두 열로 내립니다 (예: 월별 열 → 월, 금액).',
    en: 'Turn several columns into a name column and a value column (e.g. one column per month → month, amount).',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    const type = valueType(schema, p);
    const dup = p.columns.find((c, i) => p.columns.indexOf(c) !== i);
    if (dup !== undefined)
      throw new ParamError(`"${dup}" is chosen twice`, 'columns', msg('node.chosen_twice', { name: dup }));
    const kept = schema.filter((c) => !p.columns.includes(c.name));
    if (p.nameAs === p.valueAs)
      throw new ParamError(
        'the name and value columns need different names',
        'valueAs',
        msg('node.unpivot_same_names', { name: setting(params, 'nameAs'), value: setting(params, 'valueAs') }),
      );
    for (const [param, name] of [
      ['nameAs', p.nameAs],
      ['valueAs', p.valueAs],
    ] as const) {
      if (kept.some((c) => c.name === name))
        throw new ParamError(
          `the input already has a column "${name}"`,
          param,
          msg('node.input_has_column', { name, field: setting(params, param) }),
        );
    }
    return [...kept, { name: p.nameAs, type: 'VARCHAR' }, { name: p.valueAs, type }];
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const schema = single(schemas);
    const type = valueType(schema, p);
    const cast = (c: string) => (type === UNKNOWN ? ident(c) : `CAST(${ident(c)} AS ${type})`);
    const keep = schema.filter((c) => !p.columns.includes(c.name)).map((c) => ident(c.name));
    // Parallel unnests of equal-length lists: one output row per (input row, chosen column), in that order.
    // Projection, unnest and filter keep DuckDB's insertion order, so no position column and no final sort
    // (which cost most of the time and memory at 10M rows); `unpivot-order.test.ts` holds this to account.
    const cols = [
      ...keep,
      `unnest([${p.columns.map((c) => literal(c)).join(', ')}]) AS ${ident(p.nameAs)}`,
      `unnest([${p.columns.map(cast).join(', ')}]) AS ${ident(p.valueAs)}`,
    ];
    const select = `SELECT ${cols.join(', ')} FROM ${relation(inputs)}`;
    return p.dropNulls ? `SELECT * FROM (${select}) WHERE ${ident(p.valueAs)} IS NOT NULL` : select;
  },
});
