/**
 * Korean particles that depend on the word before them: 을/를, 이/가, 은/는, 과/와, 으로/로.
 * A word ending in a Hangul syllable with a final consonant takes the first form; digits and Latin letters
 * are read aloud to decide (e.g. "3" → 삼 → 을, "sum" → 썸 → 을); anything unknown gets the "을(를)" form.
 */
const PAIRS: Record<string, [string, string]> = {
  을: ['을', '를'],
  를: ['을', '를'],
  이: ['이', '가'],
  가: ['이', '가'],
  은: ['은', '는'],
  는: ['은', '는'],
  과: ['과', '와'],
  와: ['과', '와'],
  으로: ['으로', '로'],
  로: ['으로', '로'],
};

// Digits 0–9 read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구 — which end in a consonant (ㄹ after 일/칠/팔 counts for 으로/로).
const DIGIT_BATCHIM = [true, true, false, true, false, false, true, true, true, false];
const DIGIT_RIEUL = [false, true, false, false, false, false, false, true, true, false];
// Latin letters whose English name ends in a consonant sound as Koreans read it (엘, 엠, 엔, 알).
const LATIN_BATCHIM = new Set(['l', 'm', 'n', 'r']);

function finalSound(word: string): 'none' | 'rieul' | 'other' | 'unknown' {
  const last = [...word.trim().replace(/[\s)\]›"'’”.,]+$/u, '')].pop();
  if (!last) return 'unknown';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? 'none' : jong === 8 ? 'rieul' : 'other';
  }
  if (/[0-9]/.test(last)) {
    const d = Number(last);
    return DIGIT_RIEUL[d] ? 'rieul' : DIGIT_BATCHIM[d] ? 'other' : 'none';
  }
  if (/[a-z]/i.test(last)) return LATIN_BATCHIM.has(last.toLowerCase()) ? (last === 'l' ? 'rieul' : 'other') : 'none';
  return 'unknown';
}

/** `word` followed by the particle `particle` in the form its last sound asks for. */
export function withJosa(word: string, particle: string): string {
  const pair = PAIRS[particle];
  if (!pair) return word + particle;
  const sound = finalSound(word);
  if (sound === 'unknown') return `${word}${pair[0]}(${pair[1]})`;
  if (particle === '으로' || particle === '로') return word + (sound === 'other' ? pair[0] : pair[1]);
  return word + (sound === 'none' ? pair[1] : pair[0]);
}
