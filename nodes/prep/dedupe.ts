import { z } from 'zod';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';

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
      .array(z.string().min(1))
      .optional()
      .meta({
        label: { ko: '처음/마지막 기준 열 (비우면 입력 순서)', en: 'First/last by (empty: input order)' },
        widget: 'columns',
        columnOf: 'in',
      }),
  })
  .strict();

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
    p.orderBy?.forEach((c, i) => {
      requireColumn(schema, c, `orderBy.${i}`);
    });
    return schema;
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const keys = (p.columns?.length ? p.columns : single(schemas).map((c) => c.name)).map(ident);
    const dir = p.keep === 'last' ? 'DESC' : 'ASC';
    const order = [...(p.orderBy ?? []).map((c) => `${ident(c)} ${dir} NULLS LAST`), `"__pos" ${dir}`].join(', ');
    // row_number() OVER () numbers rows in scan order, which DuckDB preserves: "first" means first in the input.
    return `SELECT * EXCLUDE ("__pos") FROM (SELECT *, row_number() OVER () AS "__pos" FROM ${relation(inputs)}) QUALIFY row_number() OVER (PARTITION BY ${keys.join(', ')} ORDER BY ${order}) = 1 ORDER BY "__pos"`;
  },
});
