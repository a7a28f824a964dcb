/**
 * How both engines hand values to JS, so that previews, tests and the command line see the same thing
 * whichever DuckDB ran the query:
 *
 * - BOOLEAN → boolean; integer types, FLOAT, DOUBLE, DECIMAL → number;
 *   BIGINT/HUGEINT/UBIGINT/UHUGEINT outside ±2^53 → decimal string (never a lossy number, never a bigint);
 * - VARCHAR → string; DATE → `YYYY-MM-DD`; TIME, TIMESTAMP, INTERVAL, UUID, BLOB and anything else →
 *   the text DuckDB itself gives for `CAST(x AS VARCHAR)`;
 * - LIST/ARRAY → array; STRUCT → object; NULL → null.
 */
export function normalizeInteger(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

const NUMERIC_TYPES = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'UHUGEINT',
  'FLOAT',
  'DOUBLE',
]);

export function isNumericType(type: string): boolean {
  const t = type.toUpperCase();
  return NUMERIC_TYPES.has(t) || t.startsWith('DECIMAL');
}

export function isIntegerType(type: string): boolean {
  const t = type.toUpperCase();
  return NUMERIC_TYPES.has(t) && t !== 'FLOAT' && t !== 'DOUBLE';
}

export function isTemporalType(type: string): boolean {
  const t = type.toUpperCase();
  return t === 'DATE' || t.startsWith('TIMESTAMP') || t.startsWith('TIME');
}

export function isTextType(type: string): boolean {
  return type.toUpperCase() === 'VARCHAR';
}
