import { isNumericType } from '../../runtime/engine/normalize.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { HS_CHAPTERS } from './code-lists/hs-chapters.ts';
import { ISO_3166_ALPHA2 } from './code-lists/iso-3166-alpha2.ts';
import { ISO_4217 } from './code-lists/iso-4217.ts';
import type { Rule } from './validate-rules.ts';

/** A failure as SQL: a condition that is true when the row breaks the rule, and the message it adds. */
export interface Failure {
  when: string;
  ko: string;
  en: string;
}

/** Context for rules that need more than the row: windows computed by the node, the codes input. */
export interface RuleContext {
  /** The name of the inner column holding rule i's duplicate flag. */
  dupFlag(i: number): string;
  /** The `codes` input relation, when connected. */
  codes?: string;
}

const text = (c: string) => `CAST(${ident(c)} AS VARCHAR)`;
/**
 * `IN (…)` for a list of values. A long list becomes a one-column subquery: DuckDB then hash-joins it
 * instead of comparing every row with every value (about 15× faster for the 249 country codes).
 */
const inList = (list: readonly string[]) => {
  const values = list.map((v) => literal(v)).join(', ');
  return list.length > 16 ? `SELECT unnest([${values}])` : values;
};
/** An HS code with the usual separators removed: `8517.12-0000` → `8517120000`. */
const hsDigits = (sql: string) => `regexp_replace(CAST(${sql} AS VARCHAR), '[.\\s-]', '', 'g')`;
const HS_PATTERN = { '6_or_10': '[0-9]{6}([0-9]{4})?', '6': '[0-9]{6}', '10': '[0-9]{10}' } as const;

/** The ways a row can break rule `r` (an HS code can fail on length, chapter or existence). */
export function failures(r: Rule, i: number, schema: Schema, ctx: RuleContext): Failure[] {
  if (r.rule === 'unique') {
    const cols = r.columns.join(', ');
    return [{ when: ctx.dupFlag(i), ko: `중복: ${cols}`, en: `duplicate: ${cols}` }];
  }
  const c = r.column;
  const x = ident(c);
  switch (r.rule) {
    case 'required':
      return [
        { when: `${x} IS NULL OR trim(${text(c)}) = ''`, ko: `필수값 누락: ${c}`, en: `missing required value: ${c}` },
      ];
    case 'range': {
      const parts = [
        ...(r.min === undefined ? [] : [`${x} < ${literal(r.min)}`]),
        ...(r.max === undefined ? [] : [`${x} > ${literal(r.max)}`]),
      ];
      const span = `${r.min ?? ''}~${r.max ?? ''}`;
      return [{ when: parts.join(' OR '), ko: `범위 벗어남: ${c} (${span})`, en: `out of range: ${c} (${span})` }];
    }
    case 'regex':
      return [
        {
          when: `NOT regexp_full_match(${text(c)}, ${literal(r.pattern)})`,
          ko: `형식 불일치: ${c}`,
          en: `does not match the pattern: ${c}`,
        },
      ];
    case 'allowed': {
      const col = schema.find((s) => s.name === c)!;
      // Numbers compare as numbers against a number column; anything else compares as text.
      const numeric = isNumericType(col.type) && r.values.every((v) => typeof v === 'number');
      const list = numeric ? r.values.map(literal).join(', ') : inList(r.values.map(String));
      return [
        {
          when: `${numeric ? x : text(c)} NOT IN (${list})`,
          ko: `허용되지 않은 값: ${c}`,
          en: `value not allowed: ${c}`,
        },
      ];
    }
    case 'max_length':
      return [
        {
          when: `length(${text(c)}) > ${r.max}`,
          ko: `길이 초과: ${c} (최대 ${r.max}자)`,
          en: `too long: ${c} (max ${r.max} characters)`,
        },
      ];
    case 'country':
      return [
        {
          when: `${text(c)} NOT IN (${inList(ISO_3166_ALPHA2)})`,
          ko: `국가코드 오류: ${c}`,
          en: `not an ISO 3166 country code: ${c}`,
        },
      ];
    case 'currency':
      return [
        {
          when: `${text(c)} NOT IN (${inList(ISO_4217)})`,
          ko: `통화코드 오류: ${c}`,
          en: `not an ISO 4217 currency code: ${c}`,
        },
      ];
    case 'hs_code':
      return hsFailures(r, ctx);
  }
}

function hsFailures(r: Extract<Rule, { rule: 'hs_code' }>, ctx: RuleContext): Failure[] {
  const c = r.column;
  const n = hsDigits(ident(c));
  const shape = `regexp_full_match(${n}, ${literal(HS_PATTERN[r.digits])})`;
  const digits = r.digits === '6_or_10' ? '6 또는 10' : r.digits;
  const out: Failure[] = [
    {
      when: `NOT ${shape}`,
      ko: `HS 코드 자릿수 오류: ${c} (${digits}자리)`,
      en: `HS code is not ${digits.replace('또는', 'or')} digits: ${c}`,
    },
    {
      when: `${shape} AND left(${n}, 2) NOT IN (${inList(HS_CHAPTERS)})`,
      ko: `HS 코드 류 오류: ${c} (01~97류, 77류 제외)`,
      en: `HS code chapter is not 01–97 (77 is reserved): ${c}`,
    },
  ];
  if (r.knownIn !== undefined && ctx.codes) {
    // A listed code matches itself; a 6-digit code matches any longer code under it (a 10-digit HSK list);
    // a 10-digit code matches its 6-digit subheading (an HS6 list).
    const listed = `(SELECT ${hsDigits(ident(r.knownIn))} AS s FROM ${ctx.codes})`;
    const known = `(${n} IN (SELECT s FROM ${listed}) OR ${n} IN (SELECT left(s, 6) FROM ${listed}) OR left(${n}, 6) IN (SELECT s FROM ${listed}))`;
    out.push({
      when: `${shape} AND NOT ${known}`,
      ko: `HS 부호표에 없는 코드: ${c}`,
      en: `HS code not in the code table: ${c}`,
    });
  }
  return out;
}
