import { literal, stringLiteral } from '../../../runtime/sql/quote.ts';
import {
  FINAL_COUNT,
  FINALS,
  INITIALS,
  MEDIALS,
  MEDIALS_TIMES_FINALS,
  RR_FINALS,
  RR_INITIALS,
  RR_MEDIALS,
  SYLLABLE_FIRST,
  SYLLABLE_LAST,
} from './hangul.ts';
import {
  ENCLOSED,
  type KeyMethod,
  type KeyOptions,
  LEGAL_FORMS_EN,
  LEGAL_FORMS_KO,
  NOT_WORD,
  PUNCTUATION,
  SPACES,
  WIDE_FROM,
  WIDE_TO,
} from './keys.ts';

/**
 * The keys of `keys.ts` as DuckDB SQL expressions over a VARCHAR expression `x` (core functions only, so
 * they run on DuckDB native and WASM alike). NULL in, NULL out. A value used several times is bound once
 * with `list_transform([value], lambda v: …)[1]`, which keeps the SQL from growing with each step.
 */

/** `body(v)` with `v` bound to the value of `expr` (evaluated once); lambdas nest at most two deep. */
function bind(expr: string, body: (v: string) => string): string {
  return `list_transform([${expr}], lambda __v: ${body('__v')})[1]`;
}

/** regexp_replace of every match (`all`) or of the first. */
const rx = (x: string, pattern: string, replacement: string, all = true) =>
  `regexp_replace(${x}, ${stringLiteral(pattern)}, ${stringLiteral(replacement)}${all ? ", 'g'" : ''})`;

/** Each character of `x` through `perChar(c)`, glued back together. */
function mapChars(x: string, perChar: (c: string) => string): string {
  return `array_to_string(list_transform(string_split(${x}, ''), lambda __c: ${perChar('__c')}), '')`;
}

/** Hangul syllable `c` through three lookup tables (initial, medial, final); other characters unchanged. */
function syllables(x: string, tables: [string[], string[] | null, string[] | null]): string {
  return mapChars(x, (c) => {
    const index = `(unicode(${c}) - ${SYLLABLE_FIRST})`;
    const parts = [`${literal(tables[0])}[${index} // ${MEDIALS_TIMES_FINALS} + 1]`];
    if (tables[1]) parts.push(`${literal(tables[1])}[(${index} % ${MEDIALS_TIMES_FINALS}) // ${FINAL_COUNT} + 1]`);
    if (tables[2]) parts.push(`${literal(tables[2])}[${index} % ${FINAL_COUNT} + 1]`);
    return `CASE WHEN unicode(${c}) BETWEEN ${SYLLABLE_FIRST} AND ${SYLLABLE_LAST} THEN ${parts.join(' || ')} ELSE ${c} END`;
  });
}

export function foldSql(x: string): string {
  let out = `translate(nfc_normalize(${x}), ${stringLiteral(WIDE_FROM)}, ${stringLiteral(WIDE_TO)})`;
  for (const [from, to] of ENCLOSED) out = `replace(${out}, ${stringLiteral(from)}, ${stringLiteral(to)})`;
  return `lower(${out})`;
}

export function plainKeySql(x: string): string {
  return rx(foldSql(x), NOT_WORD, '');
}

export function fingerprintKeySql(x: string): string {
  const words = `string_split_regex(${rx(foldSql(x), PUNCTUATION, '')}, ${stringLiteral(SPACES)})`;
  // An empty list joins to NULL on DuckDB 1.4 (to '' on 1.5): the key of a value without words is ''.
  return bind(`list_sort(list_distinct(list_filter(${words}, lambda __w: __w <> '')))`, (list) => {
    return `CASE WHEN len(${list}) = 0 THEN '' ELSE array_to_string(${list}, ' ') END`;
  });
}

export function ngramKeySql(x: string, n = 2): string {
  return bind(plainKeySql(x), (p) => {
    const grams = `list_transform(range(1, length(${p}) - ${n} + 2), lambda __i: substr(${p}, __i, ${n}))`;
    return `CASE WHEN length(${p}) <= ${n} THEN ${p} ELSE array_to_string(list_sort(list_distinct(${grams})), '') END`;
  });
}

export function jamoKeySql(x: string): string {
  return bind(plainKeySql(x), (p) => syllables(p, [INITIALS, MEDIALS, FINALS]));
}

export function normalizeCompanyNameSql(x: string): string {
  const noForms = rx(`replace(${foldSql(x)}, '.', '')`, LEGAL_FORMS_KO, ' ');
  return rx(`trim(${rx(noForms, NOT_WORD, ' ')})`, LEGAL_FORMS_EN, '', false);
}

export function companyKeySql(x: string): string {
  return `replace(${normalizeCompanyNameSql(x)}, ' ', '')`;
}

export function chosungKeySql(x: string): string {
  return bind(companyKeySql(x), (k) => syllables(k, [INITIALS, null, null]));
}

export function romanizedKeySql(x: string): string {
  return bind(companyKeySql(x), (k) => syllables(k, [RR_INITIALS, RR_MEDIALS, RR_FINALS]));
}

/** The SQL twin of `keyFunction(method, options)`. */
export function keySql(method: KeyMethod, x: string, options: KeyOptions = {}): string {
  switch (method) {
    case 'fingerprint':
      return fingerprintKeySql(x);
    case 'ngram':
      return ngramKeySql(x, options.ngram ?? 2);
    case 'jamo':
      return jamoKeySql(x);
    case 'chosung':
      return chosungKeySql(x);
    case 'romanized':
      return romanizedKeySql(x);
    case 'company':
      return companyKeySql(x);
  }
}
