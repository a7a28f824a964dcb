import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';

const params = z
  .object({
    columns: z
      .array(
        z
          .object({
            name: z
              .string()
              .min(1)
              .meta({ label: { ko: '열', en: 'Column' }, widget: 'column', columnOf: 'in' }),
            as: z
              .string()
              .min(1)
              .optional()
              .meta({ label: { ko: '새 이름', en: 'Rename to' } }),
          })
          .strict(),
      )
      .min(1, 'choose at least one column')
      .meta({ label: { ko: '남길 열 (순서대로)', en: 'Columns to keep, in order' } }),
  })
  .strict();

/**
 * Picks, renames and orders columns. Keeps input order (a projection).
 */
export const selectColumns = defineNode({
  type: 'prep.select',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '열 선택·이름 변경', en: 'Select & rename columns' },
  description: { ko: '필요한 열만 원하는 순서로 남기고 이름을 바꿉니다.', en: 'Keep, reorder and rename columns.' },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    const out = p.columns.map((c, i) => ({
      ...requireColumn(schema, c.name, `columns.${i}.name`),
      name: c.as ?? c.name,
    }));
    const seen = new Set<string>();
    out.forEach((c, i) => {
      if (seen.has(c.name))
        throw new ParamError(
          `the output would have two columns named "${c.name}"`,
          `columns.${i}`,
          msg('node.output_would_repeat', { name: c.name }),
        );
      seen.add(c.name);
    });
    return out;
  },
  toSql: ({ inputs, params: p }) =>
    `SELECT ${p.columns.map((c) => `${ident(c.name)} AS ${ident(c.as ?? c.name)}`).join(', ')} FROM ${relation(inputs)}`,
});
