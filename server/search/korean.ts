/**
 * Korean-aware matching, the same rules as the SQL functions of migration 0006 (`cas_search_fold`,
 * `cas_chosung`): text is folded to lower case, NFC and no spaces; a query of initial consonants only
 * ("ㅅㅇㅅㄱ") is matched against the title's 초성 ("수입신고" → "ㅅㅇㅅㄱ"), any other against the text.
 */
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
/** Syllables per initial consonant: 21 vowels × 28 finals. */
const PER_INITIAL = 588;

export function fold(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

export function chosung(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out +=
      code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST
        ? INITIALS[Math.floor((code - SYLLABLE_FIRST) / PER_INITIAL)]
        : ch;
  }
  return out;
}

/** Compatibility jamo consonants (ㄱ…ㅎ), as typed on a Korean keyboard before a vowel. */
const CONSONANTS_ONLY = /^[ㄱ-ㅎ]+$/;

export function isChosungQuery(folded: string): boolean {
  return CONSONANTS_ONLY.test(folded);
}

/** Whether `title`/`body` match the folded query under the rules above. */
export function matches(query: string, title: string, body = ''): boolean {
  const q = fold(query);
  if (!q) return false;
  if (isChosungQuery(q)) return chosung(fold(title)).includes(q);
  return fold(`${title} ${body}`).includes(q);
}
