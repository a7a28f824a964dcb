import { z } from 'zod';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { POS, rowsAt } from '../_shared/added-columns.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { sortKey } from '../_shared/sort-key.ts';

const params = z
  .object({
    columns: z
      .array(z.string().min(1))
      .optional()
      .meta({
        label: { ko: '중복 판단 열 (비우면 전체)', en: 'Columns that define a duplicate (empty: all)' },
        widget: 'columns',
        columnOf: 'in',
      }),
    keep: z
      .enum(['first', 'last'])
      .default('first')
      .meta({ label: { ko: '남길 행', en: 'Keep' }, widget: 'select' }),
    orderBy: z
      .array(sortKey)
      .optional()
      .meta({ label: { ko: '처음/마지막 기준 (비우면 입력 순서)', en: 'First/last by (empty: input order)' } }),
  })
  .strict();

/**
 * One row per duplicate group. Keeps input order: the kept rows come out in the order they came in.
 *
 * Which row is kept: without `orderBy`, the first (or last) in input order; with it, the first (or last)
 * by those keys (empty values never win), ties by input order. The plan picks the kept rows' positions
 * from the key columns alone (a GROUP BY, or a window over the narrow keys when `orderBy` is given),
 * then reads the input once more keeping those positions: no wide row is sorted.
 */
export const dedupe = defineNode({
  type: 'prep.dedupe',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '중복 제거', en: 'Remove duplicates' },
  description: {
    ko: '같은 값을 가진 행 중 하나만 남깁니다 (입력 순서 유지).',
    en: 'Keep one row per duplicate group (input order kept).',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    p.columns?.forEach((c, i) => {
      requireColumn(schema, c, `columns.${i}`);
    });
    p.orderBy?.forEach((o, i) => {
      requireColumn(schema, o.column, `orderBy.${i}.column`);
    });
    return schema;
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const names = p.columns?.length ? p.columns : single(schemas).map((c) => c.name);
    const keys = names.map(ident).join(', ');
    const input = relation(inputs);
    const last = p.keep === 'last';
    if (!p.orderBy?.length) {
      return rowsAt(input, (rows) => `SELECT ${last ? 'max' : 'min'}(${POS}) FROM ${rows} GROUP BY ${keys}`);
    }
    // "last" reverses every key; empty values stay last either way, so they are kept only when the whole
    // group is empty there.
    const order = [
      ...p.orderBy.map((o) => `${ident(o.column)} ${o.desc !== last ? 'DESC' : 'ASC'} NULLS LAST`),
      `${POS} ${last ? 'DESC' : 'ASC'}`,
    ];
    const narrow = [...new Set([...names, ...p.orderBy.map((o) => o.column)])].map(ident);
    return rowsAt(
      input,
      (rows) =>
        `SELECT ${POS} FROM (SELECT ${narrow.join(', ')}, ${POS} FROM ${rows}) QUALIFY row_number() OVER (PARTITION BY ${keys} ORDER BY ${order.join(', ')}) = 1`,
    );
  },
});
