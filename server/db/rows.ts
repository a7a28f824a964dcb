/**
 * The rows of a raw `db.execute(sql…)`: PGlite and node-postgres both answer `{ rows }`, but the shared `Db` type
 * leaves the result unknown. Cast numbers in SQL (`::int`, `::float8`): node-postgres returns bigint as text.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
