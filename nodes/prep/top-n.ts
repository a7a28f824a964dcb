import { z } from 'zod';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { overNumbered, POS, selectWith, withColumns } from '../_shared/added-columns.ts';
import { relation, requireColumn, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';

const params = z
  .object({
    groupBy: z
      .array(z.string().min(1))
      .default([])
      .meta({
        label: { ko: '그룹 기준 열 (비우면 전체)', en: 'Group by (empty: whole table)' },
        widget: 'columns',
        columnOf: 'in',
      }),
    orderBy: z
      .array(
        z
          .object({
            column: z
              .string()
              .min(1)
              .meta({ label: { ko: '열', en: 'Column' }, widget: 'column', columnOf: 'in' }),
            desc: z
              .boolean()
              .default(true)
              .meta({ label: { ko: '큰 값부터', en: 'Largest first' }, widget: 'boolean' }),
          })
          .strict(),
      )
      .min(1, 'choose the column that ranks the rows')
      .meta({ label: { ko: '순위 기준', en: 'Rank by' } }),
    n: z
      .number()
      .int()
      .min(1)
      .meta({ label: { ko: '그룹마다 남길 행 수', en: 'Rows to keep per group' }, widget: 'number' }),
    ties: z
      .enum(['first', 'all'])
      .default('first')
      .meta({
        label: { ko: '동점 처리', en: 'Ties' },
        help: {
          ko: 'first: 정확히 n행 (동점이면 입력 순서) · all: n번째와 같은 값은 모두 포함',
          en: 'first: exactly n rows (ties by input order) · all: keep every row tied with the n-th',
        },
        widget: 'select',
      }),
    rankAs: z
      .string()
      .min(1)
      .optional()
      .meta({ label: { ko: '순위 열 이름 (비우면 만들지 않음)', en: 'Rank column (empty: none)' } }),
  })
  .strict();

/**
 * The n first rows per group by the order columns. Does not keep input order: the result reads as a
 * ranking (groups in order, then rank, ties by input order).
 */
export const topN = defineNode({
  type: 'prep.top_n',
  version: 1,
  kind: 'sql',
  category: 'prep',
  label: { ko: '그룹별 상위 N', en: 'Top N per group' },
  description: {
    ko: '그룹마다 기준 열이 가장 큰(또는 작은) n행을 남깁니다 (예: 수입자별 신고금액 상위 3건).',
    en: 'Keep the n rows with the largest (or smallest) values per group (e.g. top 3 declarations per importer).',
  },
  inputs: [IN],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    p.groupBy.forEach((c, i) => {
      requireColumn(schema, c, `groupBy.${i}`);
    });
    p.orderBy.forEach((o, i) => {
      requireColumn(schema, o.column, `orderBy.${i}.column`);
    });
    return p.rankAs ? withColumns(schema, [{ name: p.rankAs, type: 'BIGINT' }], 'rankAs') : schema;
  },
  toSql: ({ inputs, schemas, params: p }) => {
    const input = relation(inputs);
    const part = p.groupBy.length ? `PARTITION BY ${p.groupBy.map(ident).join(', ')} ` : '';
    const keys = p.orderBy.map((o) => `${ident(o.column)} ${o.desc ? 'DESC' : 'ASC'} NULLS LAST`);
    // "all" ranks with ties (1, 2, 2, 4…) so every row tied with the n-th passes; "first" numbers rows.
    const rank =
      p.ties === 'all'
        ? `rank() OVER (${part}ORDER BY ${keys.join(', ')})`
        : `row_number() OVER (${part}ORDER BY ${[...keys, POS].join(', ')})`;
    // Ranked on the group and order columns alone; the kept rows are then fetched whole by position.
    const narrow = [...new Set([...p.groupBy, ...p.orderBy.map((o) => o.column)])].map(ident);
    const kept = (rows: string) =>
      `SELECT * FROM (SELECT ${POS} AS "__at", ${rank} AS "__rank" FROM (SELECT ${[...narrow, POS].join(', ')} FROM ${rows})) WHERE "__rank" <= ${literal(p.n)}`;
    const groups = p.groupBy.map((g) => `${ident(g)} NULLS LAST`);
    const ranked = p.rankAs ? [{ name: p.rankAs, sql: '"__rank"' }] : [];
    const out = selectWith(single(schemas), ranked, [POS, '"__at"', '"__rank"']);
    // Groups in order, then by rank: the table reads as a ranking. Only the kept rows are sorted.
    const order = [...groups, '"__rank"', POS].join(', ');
    return overNumbered(
      input,
      (rows) => `SELECT ${out} FROM ${rows} JOIN (${kept(rows)}) ON ${POS} = "__at" ORDER BY ${order}`,
    );
  },
});
