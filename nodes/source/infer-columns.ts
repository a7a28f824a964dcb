import type { Column } from '../../runtime/schema/types.ts';

/** Column-major data ready for `engine.createTable`. */
export interface TypedColumns {
  columns: Column[];
  data: unknown[][];
}

type Kind = 'int' | 'double' | 'bool' | 'date' | 'timestamp' | 'text';

/**
 * Types JS values read by a JS parser (XLSX cells, JSON, hyparquet rows), one column at a time:
 * only integers → BIGINT; numbers → DOUBLE; booleans → BOOLEAN; dates at UTC midnight → DATE, other
 * dates → TIMESTAMP; anything else, or a mix, → VARCHAR (numbers and dates then become their text).
 * Text is never parsed, so a code stored as text (HS `010121`, office `030`) keeps its leading zeros.
 * Nested objects and arrays become JSON text. Null and undefined are missing values and do not vote.
 */
export function inferColumns(names: string[], values: unknown[][]): TypedColumns {
  const columns: Column[] = [];
  const data: unknown[][] = [];
  names.forEach((name, i) => {
    const raw = values[i] ?? [];
    const kinds = new Set<Kind>();
    for (const v of raw) if (v !== null && v !== undefined) kinds.add(kindOf(v));
    const type = typeFor(kinds);
    columns.push({ name, type });
    data.push(raw.map((v) => convert(v, type)));
  });
  return { columns, data };
}

/** Unique, non-empty column names: blanks become `column<N>` (1-based), repeats get `_2`, `_3`… */
export function uniqueNames(raw: unknown[]): string[] {
  const seen = new Set<string>();
  return raw.map((value, i) => {
    const base =
      value === null || value === undefined || String(value).trim() === '' ? `column${i + 1}` : String(value).trim();
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}_${n}`;
    seen.add(name);
    return name;
  });
}

function kindOf(v: unknown): Kind {
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 'int' : 'double';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return 'text';
    return v.getTime() % 86_400_000 === 0 ? 'date' : 'timestamp';
  }
  return 'text';
}

function typeFor(kinds: Set<Kind>): string {
  if (kinds.size === 0) return 'VARCHAR';
  if (only(kinds, ['int'])) return 'BIGINT';
  if (only(kinds, ['int', 'double'])) return 'DOUBLE';
  if (only(kinds, ['bool'])) return 'BOOLEAN';
  if (only(kinds, ['date'])) return 'DATE';
  if (only(kinds, ['date', 'timestamp'])) return 'TIMESTAMP';
  return 'VARCHAR';
}

function only(kinds: Set<Kind>, allowed: Kind[]): boolean {
  for (const k of kinds) if (!allowed.includes(k)) return false;
  return true;
}

function convert(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'BIGINT':
      // Beyond 2^53 a bigint travels as text and DuckDB casts it exactly.
      return typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v;
    case 'DOUBLE':
      return Number(v);
    case 'BOOLEAN':
      return v;
    case 'DATE':
      return (v as Date).toISOString().slice(0, 10);
    case 'TIMESTAMP':
      return timestampText(v as Date);
    default:
      return toText(v);
  }
}

function toText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return String(v);
    return kindOf(v) === 'date' ? v.toISOString().slice(0, 10) : timestampText(v);
  }
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  return JSON.stringify(v, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
}

/** `YYYY-MM-DD HH:MM:SS[.mmm]` in UTC, the way DuckDB prints a TIMESTAMP. */
function timestampText(d: Date): string {
  const iso = d.toISOString(); // 2024-01-05T10:20:30.123Z
  const ms = iso.slice(19, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms === '.000' ? '' : ms}`;
}
