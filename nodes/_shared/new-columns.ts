import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import type { Column, Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';

/** An output column with the SQL expression that computes it. */
export interface OutColumn extends Column {
  sql: string;
}

/**
 * Throws when a new column name is already taken or given twice. `freed` names columns the node drops,
 * whose names may be reused.
 */
export function checkNewNames(schema: Schema, names: string[], param: string, freed: string[] = []): void {
  const taken = new Set(schema.map((c) => c.name).filter((n) => !freed.includes(n)));
  for (const name of names) {
    if (taken.has(name)) {
      throw new ParamError(
        `a column named "${name}" already exists; choose another name`,
        param,
        msg('node.column_exists', { name }),
      );
    }
    taken.add(name);
  }
}

/**
 * The input columns in order with `added` placed right after `anchor` (as Paxata does), or in its place
 * when the anchor is not kept. `qualifier` prefixes input columns (`i.` in a join).
 */
export function placeAfter(
  schema: Schema,
  anchor: string,
  added: OutColumn[],
  keepAnchor: boolean,
  qualifier = '',
): OutColumn[] {
  const out: OutColumn[] = [];
  for (const c of schema) {
    if (c.name !== anchor) {
      out.push({ ...c, sql: `${qualifier}${ident(c.name)}` });
      continue;
    }
    if (keepAnchor) out.push({ ...c, sql: `${qualifier}${ident(c.name)}` });
    out.push(...added);
  }
  return out;
}

/** A SELECT list from output columns. */
export function selectList(columns: OutColumn[]): string {
  return columns.map((c) => `${c.sql} AS ${ident(c.name)}`).join(', ');
}

/** Output columns without their SQL. */
export function schemaOf(columns: OutColumn[]): Schema {
  return columns.map(({ name, type }) => ({ name, type }));
}

/** Throws when a list of column names names one twice. */
export function checkDistinct(names: string[], param: string): void {
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i)
      throw new ParamError(
        `column "${n}" is listed twice`,
        `${param}.${i}`,
        msg('node.column_listed_twice', { name: n }),
      );
  });
}
