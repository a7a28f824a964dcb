import type { Value } from '../schema/types.ts';
import { BIG_INTEGER_TYPES, type DuckType } from './duckdb-types.ts';
import { normalizeInteger } from './normalize.ts';

/**
 * Just enough of apache-arrow's shapes to read results. Structural on purpose: in Node, duckdb-wasm's CJS bundle
 * carries its own apache-arrow copy (stack-notes pitfall 13), so nothing here may depend on arrow's classes.
 */
export interface ArrowVectorLike {
  readonly length: number;
  get(index: number): unknown;
}
export interface ArrowTypeLike {
  readonly typeId: number;
  readonly bitWidth?: number;
  readonly isSigned?: boolean;
  readonly precision?: number;
  readonly scale?: number;
  readonly children?: readonly ArrowFieldLike[];
}
export interface ArrowFieldLike {
  readonly name: string;
  readonly type: ArrowTypeLike;
}
export interface ArrowBatchLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly ArrowFieldLike[] };
  getChildAt(index: number): ArrowVectorLike | null;
}

/**
 * One Arrow value as the normalized JS value of DuckDB type `type` (see `normalize.ts`). The value was read through
 * the column's `carrierType`, so leaves are booleans, numbers, bigints or strings, lists are vectors and structs rows.
 */
export function arrowToValue(v: unknown, type: DuckType): Value {
  if (v === null || v === undefined) return null;
  switch (type.kind) {
    case 'list': {
      const vec = v as ArrowVectorLike;
      return Array.from({ length: vec.length }, (_, i) => arrowToValue(vec.get(i), type.child));
    }
    case 'struct': {
      const row = (v as { toJSON(): Record<string, unknown> }).toJSON();
      const out: Record<string, Value> = {};
      for (const [name, child] of type.fields) out[name] = arrowToValue(row[name], child);
      return out;
    }
    case 'leaf':
      return leafValue(v, type);
    default:
      return String(v);
  }
}

function leafValue(v: unknown, type: Extract<DuckType, { kind: 'leaf' }>): Value {
  if (typeof v === 'bigint') return normalizeInteger(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return BIG_INTEGER_TYPES.has(type.name) ? normalizeInteger(BigInt(v)) : v;
  if (v instanceof Uint32Array && (type.name === 'DECIMAL' || type.name === 'HUGEINT')) return decimalValue(v, type);
  return String(v);
}

/** An Arrow Decimal128 value (four little-endian 32-bit words, two's complement) scaled to a number. */
function decimalValue(words: Uint32Array, type: Extract<DuckType, { kind: 'leaf' }>): Value {
  let unscaled = 0n;
  for (let i = words.length - 1; i >= 0; i--) unscaled = (unscaled << 32n) | BigInt(words[i]!);
  if (words.length > 0 && words[words.length - 1]! >= 0x80000000) unscaled -= 1n << BigInt(32 * words.length);
  const scale = Number(/,\s*(\d+)\s*\)/.exec(type.text)?.[1] ?? 0);
  if (type.name === 'HUGEINT') return normalizeInteger(unscaled);
  if (scale === 0) return Number(unscaled);
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const sign = unscaled < 0n ? '-' : '';
  return Number(`${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

// Arrow's `Type` enum values (format spec, stable across arrow-js versions).
const INT = 2;
const FLOAT = 3;
const UTF8 = 5;
const BOOL = 6;
const DECIMAL = 7;
const LIST = 12;
const STRUCT = 13;
const LARGE_UTF8 = 20;

/**
 * A best-effort DuckDB type for an Arrow field, for the statements `DESCRIBE` cannot bind (PRAGMA, CALL,
 * EXPLAIN, DDL/DML row counts, several statements at once): exact for booleans, integers, floats, text,
 * decimals, lists and structs of those; anything else is reported under Arrow's own type name, as text.
 */
export function duckTypeFromArrow(type: ArrowTypeLike): DuckType {
  const leaf = (text: string, name = text): DuckType => ({ kind: 'leaf', name, text });
  switch (type.typeId) {
    case INT: {
      const base = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' }[type.bitWidth ?? 32] ?? 'BIGINT';
      return leaf(type.isSigned === false ? `U${base}` : base);
    }
    case FLOAT:
      return leaf(type.precision === 1 ? 'FLOAT' : 'DOUBLE');
    case UTF8:
    case LARGE_UTF8:
      return leaf('VARCHAR');
    case BOOL:
      return leaf('BOOLEAN');
    case DECIMAL: // DuckDB exports HUGEINT as DECIMAL(38,0): the likelier meaning of that Arrow type
      return type.precision === 38 && type.scale === 0
        ? leaf('HUGEINT')
        : leaf(`DECIMAL(${type.precision},${type.scale})`, 'DECIMAL');
    case LIST:
      return { kind: 'list', child: duckTypeFromArrow(type.children![0]!.type), size: '' };
    case STRUCT:
      return { kind: 'struct', fields: (type.children ?? []).map((f) => [f.name, duckTypeFromArrow(f.type)]) };
    default:
      return leaf(String(type));
  }
}
