import { companyKeySql, plainKeySql } from './keys-sql.ts';

/**
 * String similarities (0 = nothing alike, 1 = equal) as DuckDB SQL over two VARCHAR expressions,
 * for `prep.fuzzy_join`. An empty or missing string on either side scores 0: it is no evidence.
 *
 * DuckDB's `levenshtein` and `jaro_winkler_similarity` compare UTF-8 bytes, so a Hangul syllable (three
 * bytes) would count as three letters that often share their first two. Each pair is therefore first
 * recoded: every distinct character of the pair becomes one byte (chr(1), chr(2)…, in order of first
 * appearance), which keeps exactly which characters are equal and makes the byte functions count
 * characters. A pair with more than 127 distinct characters between them (long free text, not names)
 * has the rest recoded to two-byte characters, so its score is then approximate.
 */

export type Similarity = 'jaro_winkler' | 'levenshtein' | 'jaccard' | 'exact';
export type Normalization = 'none' | 'basic' | 'company';

/** The comparable form of a value: as text, and optionally folded (`basic`) or stripped of legal forms (`company`). */
export function normalizeSql(x: string, how: Normalization): string {
  const text = `CAST(${x} AS VARCHAR)`;
  if (how === 'basic') return plainKeySql(text);
  if (how === 'company') return companyKeySql(text);
  return text;
}

/** `f(a', b')` with a', b' the pair recoded to one byte per distinct character. */
function onCharacters(a: string, b: string, f: (x: string, y: string) => string): string {
  const recode = (s: string) =>
    `array_to_string(list_transform(string_split(${s}, ''), lambda __ch: chr(list_position(__al, __ch))), '')`;
  return `list_transform([list_distinct(string_split(${a} || ${b}, ''))], lambda __al: ${f(recode(a), recode(b))})[1]`;
}

/** The distinct character bigrams of `s`; a one-character string is its own gram. */
function bigrams(s: string): string {
  return `list_distinct(CASE WHEN length(${s}) < 2 THEN [${s}] ELSE list_transform(range(1, length(${s})), lambda __i: substr(${s}, __i, 2)) END)`;
}

/** Similarity of `a` and `b` (column references: each is read several times). */
export function similaritySql(method: Similarity, a: string, b: string): string {
  let score: string;
  switch (method) {
    case 'exact':
      score = `CASE WHEN ${a} = ${b} THEN 1.0 ELSE 0.0 END`;
      break;
    case 'jaro_winkler':
      score = onCharacters(a, b, (x, y) => `jaro_winkler_similarity(${x}, ${y})`);
      break;
    case 'levenshtein':
      score = `1.0 - ${onCharacters(a, b, (x, y) => `levenshtein(${x}, ${y})`)} / greatest(length(${a}), length(${b}))`;
      break;
    case 'jaccard': {
      const both = `len(list_intersect(${bigrams(a)}, ${bigrams(b)}))`;
      score = `${both} / (len(${bigrams(a)}) + len(${bigrams(b)}) - ${both})`;
      break;
    }
  }
  return `CASE WHEN ${a} IS NULL OR ${b} IS NULL OR ${a} = '' OR ${b} = '' THEN 0.0 ELSE CAST(${score} AS DOUBLE) END`;
}
