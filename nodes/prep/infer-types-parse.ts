import { isIntegerType, isNumericType } from '../../runtime/engine/normalize.ts';
import { literal, typeName } from '../../runtime/sql/quote.ts';

/**
 * How text becomes a typed value, shared by `prep.infer_types` (the cast) and `suggestTypes` (the
 * profile), so a suggestion's counts are exactly what the cast will convert. Every function returns SQL
 * that gives NULL where the text does not fit, never an error.
 */

/** Digits with optional sign and well-formed thousands separators: `1,200,000`, `-35`. */
export const INTEGER_RE = '^[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)$';
/** An integer part (as above) with optional fraction and exponent, or a bare fraction: `1,200.50`, `.5`, `1e6`. */
export const DECIMAL_RE = '^[+-]?(([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$';
/** Year first with `-`, `.` or `/`, Korean style allowed: `2024-01-05`, `2024.1.5`, `2024. 1. 5.`. */
export const DATE_RE = '^([0-9]{4})\\s*[-./]\\s*([0-9]{1,2})\\s*[-./]\\s*([0-9]{1,2})\\s*\\.?$';
/** Codes such as HS `010121` or `007`: digits only, starting with 0. They stay text. */
export const LEADING_ZERO_RE = '^0[0-9]+$';

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', '예', '네', 'o', '참'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', '아니오', '아니요', 'x', '거짓'];

/** The value as trimmed text; blank text counts as empty (NULL). */
export function textOf(column: string): string {
  return `NULLIF(trim(CAST(${column} AS VARCHAR)), '')`;
}

export type Kind = 'integer' | 'decimal' | 'date' | 'timestamp' | 'boolean' | 'text' | 'other';

export function kindOf(type: string): Kind {
  const t = type.toUpperCase();
  if (isIntegerType(t)) return 'integer';
  if (isNumericType(t)) return 'decimal';
  if (t === 'DATE') return 'date';
  if (t === 'TIMESTAMP' || t === 'DATETIME') return 'timestamp';
  if (t === 'BOOLEAN' || t === 'BOOL') return 'boolean';
  if (t === 'VARCHAR' || t === 'TEXT' || t === 'STRING') return 'text';
  return 'other';
}

const matches = (t: string, re: string) => `regexp_full_match(${t}, ${literal(re)})`;

/** `t` (trimmed text, NULL when blank) as a DATE, or NULL (also for 30 February). Also reads compact `20240105`. */
export function dateSql(t: string): string {
  // One regex normalizes every layout to Y-M-D for a single strptime format; in DuckDB this is cheaper than
  // trying several formats, because a failing strptime costs more than a regex.
  const dashed = `regexp_replace(${t}, ${literal(DATE_RE)}, '\\1-\\2-\\3')`;
  return `CAST(CASE WHEN ${matches(t, DATE_RE)} THEN try_strptime(${dashed}, '%Y-%m-%d') WHEN ${matches(t, '^[0-9]{8}$')} THEN try_strptime(${t}, '%Y%m%d') END AS DATE)`;
}

export function booleanSql(t: string): string {
  const words = (list: string[]) => list.map((w) => literal(w)).join(', ');
  return `CASE WHEN lower(${t}) IN (${words(TRUE_WORDS)}) THEN TRUE WHEN lower(${t}) IN (${words(FALSE_WORDS)}) THEN FALSE END`;
}

/** `t` (trimmed text) parsed as `type`; NULL when it does not fit. `type` must pass `typeName`. */
export function parseSql(t: string, type: string): string {
  const to = typeName(type);
  switch (kindOf(to)) {
    case 'integer':
      return `CASE WHEN ${matches(t, INTEGER_RE)} THEN TRY_CAST(replace(${t}, ',', '') AS ${to}) END`;
    case 'decimal':
      return `CASE WHEN ${matches(t, DECIMAL_RE)} THEN TRY_CAST(replace(${t}, ',', '') AS ${to}) END`;
    case 'date':
      return dateSql(t);
    case 'timestamp':
      return `coalesce(TRY_CAST(${t} AS TIMESTAMP), CAST(${dateSql(t)} AS TIMESTAMP))`;
    case 'boolean':
      return booleanSql(t);
    case 'text':
      return t;
    case 'other':
      return `TRY_CAST(${t} AS ${to})`;
  }
}
