import type { Column } from '../runtime/schema/types.ts';
import { ident } from '../runtime/sql/quote.ts';

/**
 * SQL giving `{ n, h }` for a relation: its row count and an order-free hash (sum of per-row hashes) of its
 * columns taken by name (so column order does not matter), doubles rounded to 6 places (a sum or a mean
 * computed in another order differs in its last bits).
 */
export function digestSql(relation: string, schema: Column[]): string {
  const cols = [...schema].sort((a, b) => (a.name < b.name ? -1 : 1));
  const value = (c: Column) => (/^(DOUBLE|FLOAT|REAL)$/i.test(c.type) ? `round(${ident(c.name)}, 6)` : ident(c.name));
  const row = `struct_pack(${cols.map((c) => `${ident(c.name)} := ${value(c)}`).join(', ')})`;
  return `SELECT count(*) AS n, CAST(coalesce(sum(hash(${row})::HUGEINT), 0) AS VARCHAR) AS h FROM ${relation}`;
}
