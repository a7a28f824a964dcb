/**
 * Hangul syllables by the Unicode formula: a syllable U+AC00 + (initial × 21 + medial) × 28 + final,
 * with 19 initials, 21 medials and 28 finals (final 0 = none). Tables hold compatibility jamo (ㄱ, ㅏ)
 * so decomposed text stays readable. `keys-sql.ts` builds the same lookups in SQL from these tables.
 */

export const SYLLABLE_FIRST = 0xac00;
export const SYLLABLE_LAST = 0xd7a3;
export const MEDIALS_TIMES_FINALS = 21 * 28;
export const FINAL_COUNT = 28;

export const INITIALS = Array.from('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ');
export const MEDIALS = Array.from('ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ');
export const FINALS = ['', ...Array.from('ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ')];

/** Space-separated table; `-` stands for an empty string (ㅇ as an initial, no final). */
const table = (letters: string) => letters.split(' ').map((l) => (l === '-' ? '' : l));

/**
 * Revised Romanization of Korean (2000), letter by letter in the same order as the tables above.
 * A final takes its representative sound (ㅅ, ㅆ, ㅈ, ㅊ, ㅌ, ㅎ → t; ㄲ, ㅋ, ㄳ, ㄺ → k; ㄼ, ㄽ, ㄾ, ㅀ → l).
 */
export const RR_INITIALS = table('g kk n d tt r m b pp s ss - j jj ch k t p h');
export const RR_MEDIALS = table('a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i');
export const RR_FINALS = table('- k k k n n n t l k m l l l p l m p p t t ng t t k t p t');

export interface Syllable {
  initial: number;
  medial: number;
  final: number;
}

/** The table indexes of a precomposed Hangul syllable, or null for any other character. */
export function splitSyllable(ch: string): Syllable | null {
  const code = ch.codePointAt(0) ?? -1;
  if (code < SYLLABLE_FIRST || code > SYLLABLE_LAST) return null;
  const index = code - SYLLABLE_FIRST;
  return {
    initial: Math.floor(index / MEDIALS_TIMES_FINALS),
    medial: Math.floor((index % MEDIALS_TIMES_FINALS) / FINAL_COUNT),
    final: index % FINAL_COUNT,
  };
}

/** Maps each Hangul syllable through `f`; every other character passes unchanged. */
function mapSyllables(text: string, f: (s: Syllable) => string): string {
  let out = '';
  for (const ch of text) {
    const s = splitSyllable(ch);
    out += s ? f(s) : ch;
  }
  return out;
}

/** `한빛` → `ㅎㅏㄴㅂㅣㅊ` (compatibility jamo; compound finals such as ㄳ stay one letter). */
export function decomposeHangul(text: string): string {
  return mapSyllables(text, (s) => INITIALS[s.initial]! + MEDIALS[s.medial]! + FINALS[s.final]!);
}

/** Initial consonants (초성): `한빛무역` → `ㅎㅂㅁㅇ`. */
export function initialConsonants(text: string): string {
  return mapSyllables(text, (s) => INITIALS[s.initial]!);
}

/**
 * Revised Romanization syllable by syllable, without the sound changes between syllables
 * (신라 stays `sinra`, not `silla`): enough to make `한빛무역` and `Hanbit Muyeok` meet.
 */
export function romanize(text: string): string {
  return mapSyllables(text, (s) => RR_INITIALS[s.initial]! + RR_MEDIALS[s.medial]! + RR_FINALS[s.final]!);
}
