import { z } from 'zod';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';

const params = z
  .object({
    byName: z
      .boolean()
      .default(true)
      .meta({
        label: { ko: '열 이름으로 맞추기', en: 'Match columns by name' },
        help: {
          ko: '끄면 열 순서대로 이어 붙입니다. 없는 열은 빈 값이 됩니다.',
          en: 'Off: stack by position. Missing columns become empty.',
        },
        widget: 'boolean',
      }),
  })
  .strict();

/**
 * Stacks its inputs. Keeps order: the first input's rows in their order, then the next input's (UNION ALL).
 */
export const union = defineNode({
  type: 'prep.union',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '행 합치기 (유니온)', en: 'Stack rows (union)' },
  description: { ko: '여러 표의 행을 하나로 이어 붙입니다.', en: 'Append the rows of several tables.' },
  inputs: [{ name: 'in', label: { ko: '입력 (여러 개)', en: 'Inputs (several)' }, multiple: true }],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const all = inputs.in ?? [];
    if (all.length === 0) throw new ParamError('connect at least one input', undefined, msg('node.union_no_input'));
    if (!p.byName) {
      const width = all[0]!.length;
      const bad = all.findIndex((s) => s.length !== width);
      if (bad >= 0) {
        throw new ParamError(
          `input ${bad + 1} has ${all[bad]!.length} columns, input 1 has ${width}: stack by name instead`,
          'byName',
          msg('node.union_widths', {
            bad: bad + 1,
            badCount: all[bad]!.length,
            width,
            field: setting(params, 'byName'),
          }),
        );
      }
      return all[0]!;
    }
    const out: Column[] = [];
    for (const schema of all) {
      for (const c of schema) {
        const seen = out.find((o) => o.name === c.name);
        if (!seen) out.push({ ...c });
        else if (seen.type !== c.type) seen.type = 'UNKNOWN';
      }
    }
    return out;
  },
  toSql: ({ inputs, params: p }) =>
    (inputs.in ?? []).map((rel) => `SELECT * FROM ${rel}`).join(p.byName ? ' UNION ALL BY NAME ' : ' UNION ALL '),
});
