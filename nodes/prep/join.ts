import { z } from 'zod';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { OUT } from '../_shared/ports.ts';

const params = z
  .object({
    how: z
      .enum(['inner', 'left', 'right', 'full', 'semi', 'anti'])
      .default('inner')
      .meta({
        label: { ko: '결합 방식', en: 'Join type' },
        help: {
          ko: 'semi: 짝이 있는 왼쪽 행만 · anti: 짝이 없는 왼쪽 행만',
          en: 'semi: left rows with a match · anti: left rows without one',
        },
        widget: 'select',
      }),
    on: z
      .array(
        z
          .object({
            left: z
              .string()
              .min(1)
              .meta({ label: { ko: '왼쪽 열', en: 'Left column' }, widget: 'column', columnOf: 'left' }),
            right: z
              .string()
              .min(1)
              .meta({ label: { ko: '오른쪽 열', en: 'Right column' }, widget: 'column', columnOf: 'right' }),
          })
          .strict(),
      )
      .min(1, 'add at least one pair of key columns')
      .meta({ label: { ko: '결합 키', en: 'Match on' } }),
  })
  .strict();

type Params = z.infer<typeof params>;

/** Right-hand columns renamed so no name clashes with the left (`x` → `x_right`, then `x_right_2`…). */
function rightNames(left: Schema, right: Schema): string[] {
  const taken = new Set(left.map((c) => c.name));
  return right.map((c) => {
    let name = c.name;
    if (taken.has(name)) {
      name = `${c.name}_right`;
      for (let k = 2; taken.has(name); k++) name = `${c.name}_right_${k}`;
    }
    taken.add(name);
    return name;
  });
}

function check(p: Params, left: Schema, right: Schema) {
  p.on.forEach((k, i) => {
    requireColumn(left, k.left, `on.${i}.left`);
    requireColumn(right, k.right, `on.${i}.right`);
  });
}

/**
 * Joins two inputs. Does not keep input order: a hash join gives rows in no set order (sort afterwards if
 * order matters).
 */
export const join = defineNode({
  type: 'prep.join',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '결합 (조인)', en: 'Join' },
  description: { ko: '두 표를 키 열로 연결합니다.', en: 'Combine two tables on key columns.' },
  inputs: [
    { name: 'left', label: { ko: '왼쪽', en: 'Left' } },
    { name: 'right', label: { ko: '오른쪽', en: 'Right' } },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const left = single(inputs, 'left');
    const right = single(inputs, 'right');
    check(p, left, right);
    if (p.how === 'semi' || p.how === 'anti') return left;
    const names = rightNames(left, right);
    return [...left, ...right.map((c, i) => ({ name: names[i]!, type: c.type }))];
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const left = single(schemas, 'left');
    const right = single(schemas, 'right');
    const on = p.on.map((k) => `l.${ident(k.left)} = r.${ident(k.right)}`).join(' AND ');
    const from = `${relation(inputs, 'left')} AS l ${p.how.toUpperCase()} JOIN ${relation(inputs, 'right')} AS r ON ${on}`;
    if (p.how === 'semi' || p.how === 'anti') return `SELECT l.* FROM ${from}`;
    const names = rightNames(left, right);
    const cols = [
      ...left.map((c) => `l.${ident(c.name)}`),
      ...right.map((c, i) => `r.${ident(c.name)} AS ${ident(names[i]!)}`),
    ];
    return `SELECT ${cols.join(', ')} FROM ${from}`;
  },
});
