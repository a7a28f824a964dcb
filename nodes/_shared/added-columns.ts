import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { isStoredRelation } from '../../runtime/plan/fused-query.ts';
import type { Column, Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';

/** Internal column that numbers input rows in scan order, so a node can give rows back in input order. */
export const POS = '"__pos"';

/** The input with its rows numbered in scan order (`row_number() OVER ()` follows DuckDB's scan order). */
export function numbered(relation: string): string {
  return `(SELECT *, row_number() OVER () AS ${POS} FROM ${relation})`;
}

/**
 * Whether `relation` can be read twice in one query and give its rows in the same, input order both times.
 * A stored table or view can (the runtime hands a node its stored input by name). A fused step (the
 * runtime's CTE for an upstream node, see `fusedStepName`) or a parenthesised query cannot: DuckDB
 * materializes a CTE that is read twice and scans the materialized rows in no set order when several threads
 * wrote them, and a subquery inlined twice may be computed twice in different orders. Anything not plainly a
 * stored name takes the read-once path, which is right for every input, only slower.
 */
export function readsTwiceInOrder(relation: string): boolean {
  return isStoredRelation(relation);
}

/**
 * `query(rows)` over the input numbered in scan order, where `rows` may be read more than once. Over a table
 * or view each read numbers the input in the same order; over a fused step the input is numbered once and
 * that is materialized. Either way the positions are the input's, but rows read back from a join or a
 * materialized step come in no set order: `query` sorts its result by position when order matters.
 */
export function overNumbered(relation: string, query: (rows: string) => string): string {
  if (readsTwiceInOrder(relation)) return query(numbered(relation));
  return `WITH "__rows" AS MATERIALIZED ${numbered(relation)} ${query('"__rows"')}`;
}

/**
 * The rows of `relation` whose position `positions(rows)` picks (a query of one column of positions), in
 * input order. Only the picked rows are sorted back by position: a hash semi join does not keep the order
 * of its input.
 */
export function rowsAt(relation: string, positions: (rows: string) => string): string {
  return overNumbered(
    relation,
    (rows) => `SELECT * EXCLUDE (${POS}) FROM ${rows} WHERE ${POS} IN (${positions(rows)}) ORDER BY ${POS}`,
  );
}

/**
 * The schema after adding computed columns: a name already in the input is replaced in place (like
 * `prep.derive`), any other is appended. Two computed columns with one name are a ParamError on `param`.
 */
export function withColumns(schema: Schema, added: Column[], param: string): Schema {
  const seen = new Set<string>();
  for (const c of added) {
    if (seen.has(c.name))
      throw new ParamError(
        `two output columns are named "${c.name}"`,
        param,
        msg('node.output_name_twice', { name: c.name }),
      );
    seen.add(c.name);
  }
  const byName = new Map(added.map((c) => [c.name, c]));
  const kept = schema.map((c) => byName.get(c.name) ?? c);
  return [...kept, ...added.filter((c) => !schema.some((s) => s.name === c.name))];
}

/**
 * The select list matching `withColumns`: `* [EXCLUDE (…)] [REPLACE (…)], appended…`.
 * `exclude` names internal columns (already quoted) to drop, such as `"__pos"`.
 */
export function selectWith(schema: Schema, added: { name: string; sql: string }[], exclude: string[] = []): string {
  const inInput = (name: string) => schema.some((c) => c.name === name);
  const replaced = added.filter((a) => inInput(a.name)).map((a) => `${a.sql} AS ${ident(a.name)}`);
  const appended = added.filter((a) => !inInput(a.name)).map((a) => `${a.sql} AS ${ident(a.name)}`);
  let star = '*';
  if (exclude.length) star += ` EXCLUDE (${exclude.join(', ')})`;
  if (replaced.length) star += ` REPLACE (${replaced.join(', ')})`;
  return [star, ...appended].join(', ');
}
