/**
 * The link graph's edges as one DuckDB SELECT over the input: entities on the same row are linked (weight =
 * row count or the sum of the weight column), and entities sharing a value of a shared-attribute column are
 * linked (weight 1 per shared value; values shared by more than `maxShared` entities are skipped as too common).
 * Nodes are (entity column, value) pairs, so the same code in two columns stays two entities. Each undirected
 * edge appears once, its ends ordered by (type, value).
 */
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, stringLiteral } from '../../runtime/sql/quote.ts';
import type { LinkParams } from './_link-params.ts';

export const EDGE_SCHEMA: Schema = [
  { name: 'source_type', type: 'VARCHAR' },
  { name: 'source', type: 'VARCHAR' },
  { name: 'target_type', type: 'VARCHAR' },
  { name: 'target', type: 'VARCHAR' },
  { name: 'weight', type: 'DOUBLE' },
  { name: 'links', type: 'BIGINT' },
  { name: 'via', type: 'VARCHAR' },
];

const text = (column: string) => `CAST(${ident(column)} AS VARCHAR)`;

/** Entity values of every row as (type, value), for the membership queries. */
function entityRows(input: string, entities: string[], extra: string): string {
  return entities
    .map(
      (e) => `SELECT ${stringLiteral(e)} AS et, ${text(e)} AS ev, ${extra} FROM ${input} WHERE ${ident(e)} IS NOT NULL`,
    )
    .join(' UNION ALL ');
}

export function linkEdgesSql(input: string, p: LinkParams): string {
  const parts: string[] = [];
  const w = p.weight ? `coalesce(TRY_CAST(${ident(p.weight)} AS DOUBLE), 0)` : '1.0';
  for (let i = 0; i < p.entities.length; i++) {
    for (let j = i + 1; j < p.entities.length; j++) {
      const a = p.entities[i]!;
      const b = p.entities[j]!;
      parts.push(
        `SELECT ${stringLiteral(a)} AS xt, ${text(a)} AS xv, ${stringLiteral(b)} AS yt, ${text(b)} AS yv, ${w} AS w, ` +
          `${stringLiteral(`${a}–${b}`)} AS via FROM ${input} WHERE ${ident(a)} IS NOT NULL AND ${ident(b)} IS NOT NULL`,
      );
    }
  }
  for (const link of p.links) {
    const members =
      `SELECT DISTINCT ${text(link)} AS k, et, ev FROM (${entityRows(input, p.entities, ident(link))}) ` +
      `WHERE ${ident(link)} IS NOT NULL`;
    const sized = `SELECT k, et, ev, count(*) OVER (PARTITION BY k) AS n FROM (${members})`;
    parts.push(
      `SELECT a.et AS xt, a.ev AS xv, b.et AS yt, b.ev AS yv, 1.0 AS w, ${stringLiteral(link)} AS via ` +
        `FROM (${sized}) a JOIN (${sized}) b ON a.k = b.k AND (a.et < b.et OR (a.et = b.et AND a.ev < b.ev)) ` +
        `WHERE a.n <= ${p.maxShared}`,
    );
  }
  const swap = '(xt > yt OR (xt = yt AND xv > yv))';
  return `SELECT source_type, source, target_type, target, sum(w) AS weight, count(*) AS links, string_agg(DISTINCT via, ', ' ORDER BY via) AS via FROM (
  SELECT CASE WHEN ${swap} THEN yt ELSE xt END AS source_type, CASE WHEN ${swap} THEN yv ELSE xv END AS source,
         CASE WHEN ${swap} THEN xt ELSE yt END AS target_type, CASE WHEN ${swap} THEN xv ELSE yv END AS target, w, via
  FROM (${parts.join('\nUNION ALL\n')}) WHERE NOT (xt = yt AND xv = yv)
) GROUP BY ALL ORDER BY weight DESC, source_type, source, target_type, target`;
}

/** Every entity of the input as (type, value), linked or not, so a flagged violator with no link still counts. */
export function entitiesSql(input: string, p: LinkParams): string {
  return `SELECT DISTINCT et, ev FROM (${entityRows(input, p.entities, '1 AS one')}) ORDER BY et, ev`;
}
