import type { Engine } from '../../runtime/engine/engine.ts';
import { ident } from '../../runtime/sql/quote.ts';

/**
 * The distinct values of `column` in `relation` (a quoted table/view name or a parenthesized SELECT), sorted,
 * for the studio to fill `prep.pivot`'s `values` param: with the list in the params the output columns are
 * known without data, on every engine. Returns at most `limit` values (a pivot wider than that is rarely
 * meant) and whether there were more.
 */
export async function pivotValues(
  engine: Engine,
  relation: string,
  column: string,
  limit = 200,
): Promise<{ values: (string | number)[]; more: boolean }> {
  const c = ident(column);
  const r = await engine.query(
    `SELECT DISTINCT ${c} AS v FROM ${relation} WHERE ${c} IS NOT NULL ORDER BY v LIMIT ${Math.floor(limit) + 1}`,
  );
  const values = r.rows.map((row) => (typeof row.v === 'number' ? row.v : String(row.v)));
  return { values: values.slice(0, limit), more: values.length > limit };
}
