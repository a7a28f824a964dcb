/** Quotes an identifier for DuckDB: `my col` → `"my col"`, doubling embedded quotes. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string as a DuckDB string literal, doubling embedded quotes. */
export function stringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A JS value as a DuckDB literal. Numbers must be finite; dates travel as strings and are cast
 * by the caller (`DATE '2024-01-05'`) where the type matters.
 */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL number`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return stringLiteral(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  throw new Error(`cannot write a ${typeof value} as a SQL literal`);
}

/** A DuckDB type name is passed to CAST as SQL: allow only type syntax, never arbitrary text. */
export function typeName(type: string): string {
  const t = type.trim();
  if (!/^[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])*$/.test(t)) {
    throw new Error(`"${type}" is not a DuckDB type name`);
  }
  return t.toUpperCase();
}
