import type { Column } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';

/**
 * SQL building blocks for text cleaning. Every function takes a SQL expression and returns one; some use
 * their argument more than once, so callers pass a column reference, not a costly expression.
 */

/** A column as text: numbers and dates read as CSV-sniffed types are cleaned as their text. */
export function textOf(col: Column, qualifier = ''): string {
  const ref = `${qualifier}${ident(col.name)}`;
  return col.type === 'VARCHAR' ? ref : `CAST(${ref} AS VARCHAR)`;
}

/**
 * Whitespace as officers meet it: ASCII whitespace, every Unicode space separator (no-break space,
 * the full-width space U+3000 …) and the invisible zero-width space / BOM left by copy-paste.
 */
const WS = '[\\s\\p{Z}\\x{200B}\\x{FEFF}]';

export function trimSql(x: string): string {
  return `regexp_replace(${x}, '^${WS}+|${WS}+$', '', 'g')`;
}

export function collapseSpacesSql(x: string): string {
  return `regexp_replace(${x}, '${WS}+', ' ', 'g')`;
}

export function removeSpacesSql(x: string): string {
  return `regexp_replace(${x}, '${WS}+', '', 'g')`;
}

/** Unicode punctuation (P) and symbols (S): . , ( ) - / ₩ $ % + ※ ㈜ ㎏ … */
export function removePunctuationSql(x: string): string {
  return `regexp_replace(${x}, '[\\p{P}\\p{S}]+', '', 'g')`;
}

/**
 * Every run of letters starts upper case, the rest lower case (Python's str.title): `SAMSUNG CO.,LTD` →
 * `Samsung Co.,Ltd`. Hangul has no case: text without a cased letter is left alone, which skips the costly
 * part for most Korean values.
 */
export function titleSql(x: string): string {
  const pieces = `regexp_extract_all(lower(${x}), '\\p{L}+|[^\\p{L}]+')`;
  const titled = `array_to_string(list_transform(${pieces}, lambda __w: upper(left(__w, 1)) || substr(__w, 2)), '')`;
  return `CASE WHEN regexp_matches(${x}, '[\\p{Lu}\\p{Ll}\\p{Lt}]') THEN ${titled} ELSE ${x} END`;
}

/**
 * Rewrites a text code point by code point; `body` sees the code point as `__u` and returns text (chr()).
 * Splitting into code points first is 3× faster than testing unicode(character) in every branch.
 * `x` must not be '' (its one "character" has code point -1): callers test it with regexp_matches first,
 * which also spares the many values with nothing to rewrite.
 */
export function perCodePointSql(x: string, body: string): string {
  const codePoints = `list_transform(string_split(${x}, ''), lambda __ch: unicode(__ch))`;
  return `array_to_string(list_transform(${codePoints}, lambda __u: ${body}), '')`;
}

/** ＡＢＣ１２３ → ABC123, the full-width space → a space, ￠￡￢￣￤￥￦ → ¢£¬¯¦¥₩. */
export function fullToHalfSql(x: string): string {
  const specials = [0xa2, 0xa3, 0xac, 0xaf, 0xa6, 0xa5, 0x20a9].map((to, i) => `WHEN ${0xffe0 + i} THEN ${to}`);
  const body = `chr(CASE WHEN __u BETWEEN ${0xff01} AND ${0xff5e} THEN __u - ${0xfee0} WHEN __u = ${0x3000} THEN 32 ELSE CASE __u ${specials.join(' ')} ELSE __u END END)`;
  return `CASE WHEN regexp_matches(${x}, '[\\x{3000}\\x{FF01}-\\x{FF5E}\\x{FFE0}-\\x{FFE6}]') THEN ${perCodePointSql(x, body)} ELSE ${x} END`;
}

/** ABC123 → ＡＢＣ１２３ and a space → the full-width space U+3000 (printable ASCII only). */
export function halfToFullSql(x: string): string {
  const body = `chr(CASE WHEN __u BETWEEN 33 AND 126 THEN __u + ${0xfee0} WHEN __u = 32 THEN ${0x3000} ELSE __u END)`;
  return `CASE WHEN regexp_matches(${x}, '[ -~]') THEN ${perCodePointSql(x, body)} ELSE ${x} END`;
}
