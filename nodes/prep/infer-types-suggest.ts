import type { Engine } from '../../runtime/engine/engine.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { booleanSql, dateSql, LEADING_ZERO_RE, parseSql, textOf } from './infer-types-parse.ts';

export type SuggestedType = 'BIGINT' | 'DOUBLE' | 'DATE' | 'BOOLEAN' | 'VARCHAR';

export interface TypeSuggestion {
  column: string;
  /** The column's type now, as DuckDB reports it. */
  fromType: string;
  suggested: SuggestedType;
  /** Why, in Korean and English, for the studio to show beside the choice. */
  reason: { ko: string; en: string };
  total: number;
  /** Values that are not empty or blank. */
  nonBlank: number;
  /** Non-blank values that `prep.infer_types` will convert to `suggested` (the rest are reported as mismatches). */
  conforming: number;
}

export interface SuggestOptions {
  /** Share of non-blank values that must fit a type for it to be suggested (default 0.95). */
  minShare?: number;
}

interface Profile {
  total: number;
  nonBlank: number;
  integer: number;
  decimal: number;
  date: number;
  boolean: number;
  zeroOne: number;
  leadingZero: number;
}

const KEYS = ['nonBlank', 'integer', 'decimal', 'date', 'boolean', 'zeroOne', 'leadingZero'] as const;

function profileSql(t: string): Record<(typeof KEYS)[number], string> {
  return {
    nonBlank: `count(${t})`,
    integer: `count(${parseSql(t, 'BIGINT')})`,
    decimal: `count(${parseSql(t, 'DOUBLE')})`,
    date: `count(${dateSql(t)})`,
    // 0/1 alone read as numbers, not as yes/no.
    boolean: `count(${booleanSql(t)})`,
    zeroOne: `count(*) FILTER (WHERE ${t} IN ('0', '1'))`,
    leadingZero: `count(*) FILTER (WHERE regexp_full_match(${t}, ${literal(LEADING_ZERO_RE)}))`,
  };
}

function decide(
  p: Profile,
  minShare: number,
): { type: SuggestedType; conforming: number; reason: TypeSuggestion['reason'] } {
  const fits = (n: number) => p.nonBlank > 0 && n >= minShare * p.nonBlank;
  const pct = (n: number) => `${Math.round((100 * n) / Math.max(p.nonBlank, 1))}%`;
  if (p.nonBlank === 0) return { type: 'VARCHAR', conforming: 0, reason: { ko: '값이 없음', en: 'no values' } };
  if (p.leadingZero > 0 && fits(p.integer)) {
    return {
      type: 'VARCHAR',
      conforming: p.nonBlank,
      reason: { ko: '앞자리 0이 있는 코드 (예: HS 코드)', en: 'a code with leading zeros (e.g. an HS code)' },
    };
  }
  if (fits(p.boolean) && p.boolean > p.zeroOne) {
    return {
      type: 'BOOLEAN',
      conforming: p.boolean,
      reason: { ko: `참/거짓 ${pct(p.boolean)}`, en: `yes/no ${pct(p.boolean)}` },
    };
  }
  if (fits(p.integer)) {
    return {
      type: 'BIGINT',
      conforming: p.integer,
      reason: { ko: `정수 ${pct(p.integer)}`, en: `integers ${pct(p.integer)}` },
    };
  }
  if (fits(p.decimal)) {
    return {
      type: 'DOUBLE',
      conforming: p.decimal,
      reason: { ko: `숫자 ${pct(p.decimal)}`, en: `numbers ${pct(p.decimal)}` },
    };
  }
  if (fits(p.date)) {
    return { type: 'DATE', conforming: p.date, reason: { ko: `날짜 ${pct(p.date)}`, en: `dates ${pct(p.date)}` } };
  }
  return { type: 'VARCHAR', conforming: p.nonBlank, reason: { ko: '문자', en: 'text' } };
}

/**
 * Suggests a type per column of `relation` (a quoted table/view name or a parenthesized SELECT) from one
 * profiling query. The studio fills `prep.infer_types`'s `columns` param with the result; counts use the
 * same parsing as the node, so `conforming` is what the node will convert.
 */
export async function suggestTypes(
  engine: Engine,
  relation: string,
  columns: string[],
  options: SuggestOptions = {},
): Promise<TypeSuggestion[]> {
  if (columns.length === 0) return [];
  const minShare = options.minShare ?? 0.95;
  const types = new Map((await engine.describe(`SELECT * FROM ${relation}`)).map((c) => [c.name, c.type]));
  for (const c of columns) {
    if (!types.has(c)) throw new Error(`column "${c}" is not in the data`);
  }
  const texts = columns.map((c, i) => `${textOf(ident(c))} AS "t${i}"`);
  const aggs = columns.flatMap((_, i) =>
    Object.entries(profileSql(`"t${i}"`)).map(([key, sql]) => `${sql} AS "${key}_${i}"`),
  );
  const sql = `SELECT count(*) AS total, ${aggs.join(', ')} FROM (SELECT ${texts.join(', ')} FROM ${relation})`;
  const row = (await engine.query(sql)).rows[0] ?? {};
  return columns.map((column, i) => {
    const profile = { total: Number(row.total ?? 0) } as Profile;
    for (const key of KEYS) profile[key] = Number(row[`${key}_${i}`] ?? 0);
    const d = decide(profile, minShare);
    return {
      column,
      fromType: types.get(column)!,
      suggested: d.type,
      reason: d.reason,
      total: profile.total,
      nonBlank: profile.nonBlank,
      conforming: d.conforming,
    };
  });
}

/** The `columns` param of `prep.infer_types` from suggestions, leaving out columns that would stay as they are. */
export function typesParam(suggestions: TypeSuggestion[]): Record<string, string> {
  return Object.fromEntries(suggestions.filter((s) => s.suggested !== s.fromType).map((s) => [s.column, s.suggested]));
}

/** Names of the text columns of `relation`: the ones worth profiling. */
export async function textColumns(engine: Engine, relation: string): Promise<string[]> {
  return (await engine.describe(`SELECT * FROM ${relation}`)).filter((c) => c.type === 'VARCHAR').map((c) => c.name);
}
