import type { Column } from '../../runtime/schema/types.ts';

/** A DuckDB type for a column of JS values: the first kind of non-null value decides, mixed kinds become text. */
export function inferColumnType(values: readonly unknown[]): string {
  let kind: string | undefined;
  let integral = true;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const k = v instanceof Date ? 'date' : typeof v === 'bigint' ? 'number' : typeof v;
    if (kind && kind !== k) return 'VARCHAR';
    kind = k;
    if (k === 'number' && !(typeof v === 'bigint' || (Number.isInteger(v) && Number.isSafeInteger(v))))
      integral = false;
  }
  if (kind === 'number') return integral ? 'BIGINT' : 'DOUBLE';
  if (kind === 'boolean') return 'BOOLEAN';
  if (kind === 'date') return 'TIMESTAMP';
  return 'VARCHAR';
}

/** DuckDB's text form of a timestamp, in UTC. */
function timestampText(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** Columns and values ready for `engine.createTable`: dates as timestamp text, objects as JSON, mixed as text. */
export function toEngineColumns(names: string[], data: unknown[][]): { columns: Column[]; data: unknown[][] } {
  const columns = names.map((name, i) => ({ name, type: inferColumnType(data[i] ?? []) }));
  const converted = data.map((values, i) => {
    const type = columns[i]!.type;
    return values.map((v) => {
      if (v === null || v === undefined) return null;
      if (typeof v === 'number' && !Number.isFinite(v)) return null;
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : timestampText(v);
      if (typeof v === 'bigint') return type === 'VARCHAR' ? String(v) : Number(v);
      if (type === 'VARCHAR' && typeof v === 'object') return JSON.stringify(v);
      if (type === 'VARCHAR') return String(v);
      return v;
    });
  });
  return { columns, data: converted };
}
