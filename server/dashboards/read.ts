/**
 * Reads a stored Parquet artifact for one dashboard item with native DuckDB: the dashboard filters become a
 * WHERE of quoted identifiers and string literals (never user SQL), and only a capped row set comes back.
 */
import type { Engine } from '../../runtime/engine/engine.ts';
import { isNumericType } from '../../runtime/engine/normalize.ts';
import type { Column, Row } from '../../runtime/schema/types.ts';
import { ident, stringLiteral } from '../../runtime/sql/quote.ts';
import { ApiError } from '../errors.ts';
import type { DashboardItem } from './schemas.ts';

/** Selected values per filter column (an empty or missing list means "all"). */
export type Selection = Map<string, string[]>;

export interface Where {
  sql: string;
  applied: string[];
}

/** Filters apply to an item only if its table has the column; values compare as text, so any column type works. */
export function whereOf(columns: Column[], selection: Selection): Where {
  const names = new Set(columns.map((c) => c.name));
  const applied: string[] = [];
  const parts: string[] = [];
  for (const [column, values] of selection) {
    if (values.length === 0 || !names.has(column)) continue;
    applied.push(column);
    parts.push(`CAST(${ident(column)} AS VARCHAR) IN (${values.map(stringLiteral).join(', ')})`);
  }
  return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', applied };
}

const source = (file: string) => `read_parquet(${stringLiteral(file)})`;

export async function readRows(engine: Engine, file: string, where: Where, cap: number) {
  const table = await engine.query(`SELECT * FROM ${source(file)}${where.sql} LIMIT ${cap + 1}`);
  const total = await engine.query(`SELECT count(*)::BIGINT AS n FROM ${source(file)}${where.sql}`);
  const totalRows = Number(total.rows[0]?.n ?? 0);
  return { rows: table.rows.slice(0, cap) as Row[], totalRows, truncated: table.rows.length > cap };
}

/** A key figure: the row count, or the sum/mean of a number column (null over no rows). */
export async function readFigure(
  engine: Engine,
  file: string,
  columns: Column[],
  figure: NonNullable<DashboardItem['figure']>,
  where: Where,
): Promise<number | null> {
  let expr = 'count(*)::DOUBLE';
  if (figure.fn !== 'count') {
    const col = columns.find((c) => c.name === figure.column);
    if (!col) throw new ApiError(422, 'unknown_column', `no column "${figure.column ?? ''}" in this table`);
    if (!isNumericType(col.type)) throw new ApiError(422, 'not_numeric', `"${col.name}" is not a number column`);
    expr = `${figure.fn === 'sum' ? 'sum' : 'avg'}(${ident(col.name)})::DOUBLE`;
  }
  const r = await engine.query(`SELECT ${expr} AS v FROM ${source(file)}${where.sql}`);
  const v = r.rows[0]?.v;
  return v === null || v === undefined ? null : Number(v);
}

/** Distinct values of a column as text, for the filter bar's choices. */
export async function readOptions(engine: Engine, file: string, column: string, cap: number): Promise<string[]> {
  const c = `CAST(${ident(column)} AS VARCHAR)`;
  const r = await engine.query(
    `SELECT DISTINCT ${c} AS v FROM ${source(file)} WHERE ${ident(column)} IS NOT NULL ORDER BY 1 LIMIT ${cap}`,
  );
  return r.rows.map((row) => String(row.v));
}
