/** A column as DuckDB reports it: `type` is a DuckDB logical type name such as `VARCHAR` or `DECIMAL(18,3)`. */
export interface Column {
  name: string;
  type: string;
}

export type Schema = Column[];

/**
 * A JS value as both engines hand it out (see `engine/normalize.ts`): numbers for every numeric type
 * that fits a double exactly, strings for the rest and for temporal values in DuckDB's own text form.
 */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export type Row = Record<string, Value>;

/** A small result read back from an engine: previews, profiles, test assertions. */
export interface ResultTable {
  columns: Column[];
  rows: Row[];
}
