import { isNumericType, isTemporalType } from '../../../runtime/engine/normalize.ts';
import type { Column } from '../../../runtime/schema/types.ts';
import { ident, literal, stringLiteral } from '../../../runtime/sql/quote.ts';

/** How the grid shows a result: sorted and filtered from the column headers, never changing the pipeline. */
export interface GridView {
  sort?: { column: string; desc: boolean };
  /** Column name → what the officer typed in its header filter. */
  filters: Record<string, string>;
}

const COMPARISON = /^(>=|<=|!=|<>|>|<|=)\s*(.+)$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * One header filter as a SQL condition. Numbers and dates take a comparison (`>100`, `<=5`, `=3`,
 * `>=2023-06-01`) or a range (`10..20`); anything else, and all text, is a case-insensitive "contains".
 * Undefined for an empty filter.
 */
export function filterCondition(column: Column, text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const c = ident(column.name);
  const ordered = isNumericType(column.type) || isTemporalType(column.type);
  if (ordered) {
    const range = t.split('..');
    if (range.length === 2 && range.every((v) => valueOk(column, v.trim()))) {
      return `${c} BETWEEN ${typed(column, range[0]!.trim())} AND ${typed(column, range[1]!.trim())}`;
    }
    const m = COMPARISON.exec(t);
    const op = m ? (m[1] === '!=' ? '<>' : m[1]!) : '=';
    const value = m ? m[2]!.trim() : t;
    if (valueOk(column, value)) return `${c} ${op} ${typed(column, value)}`;
  } else if (t.startsWith('=')) {
    return `CAST(${c} AS VARCHAR) = ${stringLiteral(t.slice(1))}`;
  }
  const pattern = `%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return `CAST(${c} AS VARCHAR) ILIKE ${stringLiteral(pattern)} ESCAPE '\\'`;
}

function valueOk(column: Column, value: string): boolean {
  if (isNumericType(column.type)) return NUMBER.test(value);
  return /^\d{4}-\d{2}-\d{2}([ T][\d:.]+)?$/.test(value);
}

function typed(column: Column, value: string): string {
  return isNumericType(column.type) ? value : `CAST(${stringLiteral(value)} AS ${column.type.split('(')[0]})`;
}

/** The SELECT behind a sorted or filtered view; undefined when the view shows the relation as it is. */
export function viewSelect(relation: string, schema: Column[], view: GridView): string | undefined {
  const conditions = schema
    .map((col) => (view.filters[col.name] ? filterCondition(col, view.filters[col.name]!) : undefined))
    .filter((c): c is string => c !== undefined);
  const sortColumn = view.sort && schema.find((c) => c.name === view.sort?.column);
  if (conditions.length === 0 && !sortColumn) return undefined;
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const order = sortColumn ? ` ORDER BY ${ident(sortColumn.name)} ${view.sort!.desc ? 'DESC' : 'ASC'} NULLS LAST` : '';
  return `SELECT * FROM ${relation}${where}${order}`;
}

/** One window of rows; rows of a table come back in insertion order, so windows line up. */
export function windowSql(relation: string, offset: number, limit: number): string {
  return `SELECT * FROM ${relation} LIMIT ${literal(Math.max(0, Math.floor(limit)))} OFFSET ${literal(Math.max(0, Math.floor(offset)))}`;
}
