import { defineNode } from '../../runtime/nodes/define-node.ts';
import { relation, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { EDGE_SCHEMA, linkEdgesSql } from './_link-edges-sql.ts';
import { checkLinks, linkParams } from './_link-params.ts';

/** The link graph's edges as a table, from the same settings as `graph.link_analysis` (for SQL, charts, exports). */
export const linkEdges = defineNode({
  type: 'graph.link_edges',
  version: 1,
  kind: 'sql',
  smallOutput: true,
  category: 'model',
  label: { ko: '연계망 연결선', en: 'Link graph edges' },
  description: {
    ko: '같은 행에 함께 나온 개체, 또는 전화·주소·카드·항공편 같은 값을 함께 쓰는 개체끼리 잇는 연결선 표 (출발·도착 개체, 가중치, 근거 횟수, 연결 근거 열).',
    en: 'The links between entities on the same row or sharing a phone, address, card or flight: source, target, weight, number of links and the columns behind them.',
  },
  inputs: [IN],
  outputs: [OUT],
  params: linkParams,
  outputSchema: ({ inputs, params: p }) => {
    checkLinks(single(inputs), p, linkParams);
    return EDGE_SCHEMA;
  },
  toSql: ({ inputs, params: p }) => linkEdgesSql(relation(inputs), p),
});
