import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident, typeName } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';

const params = z
  .object({
    columns: z
      .record(z.string(), z.string().min(1).meta({ widget: 'type' }))
      .refine((r) => Object.keys(r).length > 0, 'choose at least one column')
      .meta({ label: { ko: '열별 새 형식', en: 'New type per column' }, widget: 'column', columnOf: 'in' }),
    onError: z
      .enum(['null', 'fail'])
      .default('null')
      .meta({
        label: { ko: '변환 실패 시', en: 'When a value cannot be converted' },
        help: { ko: 'null: 빈 값으로 둡니다 · fail: 실행을 멈춥니다', en: 'null: leave it empty · fail: stop the run' },
        widget: 'select',
      }),
  })
  .strict();

function checkedType(type: string, column: string): string {
  try {
    return typeName(type);
  } catch (e) {
    throw new ParamError((e as Error).message, `columns.${column}`, msg('node.bad_type_name', { column, type }));
  }
}

/**
 * Changes column types. Keeps input order (a projection).
 */
export const cast = defineNode({
  type: 'prep.cast',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '형식 변환', en: 'Change types' },
  description: {
    ko: '열의 데이터 형식을 바꿉니다 (예: 문자 → 숫자).',
    en: 'Convert columns to other types (e.g. text → number).',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    for (const name of Object.keys(p.columns)) requireColumn(schema, name, `columns.${name}`);
    return schema.map((c) => {
      const to = p.columns[c.name];
      return to ? { name: c.name, type: checkedType(to, c.name) } : c;
    });
  },
  toSql: ({ inputs, params: p }) => {
    const fn = p.onError === 'fail' ? 'CAST' : 'TRY_CAST';
    const replaced = Object.entries(p.columns)
      .map(([name, type]) => `${fn}(${ident(name)} AS ${checkedType(type, name)}) AS ${ident(name)}`)
      .join(', ');
    return `SELECT * REPLACE (${replaced}) FROM ${relation(inputs)}`;
  },
});
