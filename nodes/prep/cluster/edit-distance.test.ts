import { describe, expect, it } from 'vitest';
import { levenshtein, nearPairs } from './edit-distance.ts';
import { jamoKey } from './keys.ts';

/** A small deterministic generator (mulberry32), so the random cases are the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('levenshtein', () => {
  it('counts edits by code point', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3); // k→s, e→i, +g
    expect(levenshtein('한빛무역', '한빗무역')).toBe(1);
    expect(levenshtein('한빛무역', '한빛무역상사')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('가', 'a')).toBe(1); // one character, though three bytes
    expect(levenshtein('😀a', 'a')).toBe(1);
    // jamo: 빛 → 빗 changes only the final ㅊ → ㅅ
    expect(levenshtein(jamoKey('한빛'), jamoKey('한빗'))).toBe(1);
    expect(levenshtein(jamoKey('한빛'), jamoKey('안빛'))).toBe(1);
  });

  it('stops at the limit', () => {
    expect(levenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(levenshtein('abc', 'abcdefg', 2)).toBe(3);
    expect(levenshtein('abc', 'abd', 2)).toBe(1);
  });
});

describe('nearPairs', () => {
  it('finds the pairs within k', () => {
    const strings = ['한빛무역', '한빗무역', '한빛무역상사', '바다상사', '바다상사', 'abc', 'ab', 'x'];
    // 0–1: 1 edit; 0–2: 2 (상사 added); 1–2: 3; 5–6: 1; 6–7: 2; 5–7: 3. Equal strings 3–4 are not reported.
    expect(nearPairs(strings, 1)).toEqual([
      { a: 0, b: 1, distance: 1 },
      { a: 5, b: 6, distance: 1 },
    ]);
    expect(nearPairs(strings, 2)).toEqual([
      { a: 0, b: 1, distance: 1 },
      { a: 0, b: 2, distance: 2 },
      { a: 5, b: 6, distance: 1 },
      { a: 6, b: 7, distance: 2 },
    ]);
  });

  it('misses no pair that comparing every pair finds', () => {
    const next = random(42);
    const alphabet = 'abcㄱㅏ';
    for (let trial = 0; trial < 20; trial++) {
      const set = new Set<string>();
      while (set.size < 100) {
        let s = '';
        for (let i = Math.floor(next() * 9); i > 0; i--) s += alphabet[Math.floor(next() * alphabet.length)];
        set.add(s);
      }
      const strings = [...set];
      for (const k of [1, 2, 3]) {
        const want = [];
        for (let a = 0; a < strings.length; a++) {
          for (let b = a + 1; b < strings.length; b++) {
            const distance = levenshtein(strings[a]!, strings[b]!);
            if (distance <= k) want.push({ a, b, distance });
          }
        }
        expect(nearPairs(strings, k)).toEqual(want);
      }
    }
  });

  it('stays fast on 20,000 company names that share their endings', () => {
    const next = random(7);
    const syllables = Array.from({ length: 600 }, () => String.fromCodePoint(0xac00 + Math.floor(next() * 11172)));
    const endings = ['무역', '상사', '물산', '전자', '산업', '통상', '식품', '화학'];
    const names = new Set<string>();
    while (names.size < 20000) {
      let s = '';
      for (let i = 2 + Math.floor(next() * 3); i > 0; i--) s += syllables[Math.floor(next() * syllables.length)];
      names.add(jamoKey(s + endings[Math.floor(next() * endings.length)]));
    }
    const started = performance.now();
    nearPairs([...names], 1);
    // Comparing all 200 million pairs would take minutes; the piece index takes well under a second.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a distance it cannot index', () => {
    expect(() => nearPairs(['a'], 0)).toThrow(/1 to 20/);
  });
});
