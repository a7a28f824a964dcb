// Character n-grams for Korean, English and mixed text.
//
// Why characters and not words: Korean glues particles and endings to words (강낭콩을, 강낭콩류의), and no
// morphological analyser ships with the studio. Overlapping 2–4-character pieces of each word match across those
// endings, across spelling variants (polyethylene / 폴리에틸렌 글리콜 spacing) and inside chemical names, with no
// dictionary. Pure TypeScript: runs in Node and in the browser worker.

/** How text is cut into n-grams. */
export interface NgramOptions {
  /** Shortest n-gram, in characters (default 2). */
  readonly min?: number;
  /** Longest n-gram, in characters (default 4). */
  readonly max?: number;
  /**
   * Take n-grams inside each word only, with a space marking the word's start and end (default true), like
   * scikit-learn's `char_wb`. A word shorter than `min` still yields itself padded (" a ") so that one-letter
   * words and single Hangul syllables are not lost.
   */
  readonly wordBounded?: boolean;
}

const DEFAULT_MIN = 2;
const DEFAULT_MAX = 4;

/**
 * Puts text into one comparable form: Unicode NFKC (full-width Ｗ → W, ㎜ → mm, compatibility jamo), lower case,
 * every character that is not a letter or a digit becomes a space, runs of spaces collapse. Hangul syllables,
 * Latin, digits and other scripts' letters are kept; decimal points inside numbers are kept (0.5 stays "0.5"), thousands commas dropped (1,400 → 1400).
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/gu, '$1') // 1,400 → 1400
    .replace(/(?<!\d)\.|\.(?!\d)|[^\p{L}\p{N}.]/gu, ' ') // a point stays only between digits (0.5)
    .replace(/ {2,}/gu, ' ')
    .trim();
}

/** The words of normalised text (split on spaces). */
export function words(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * Every character n-gram of `text` (normalised first), in order of appearance, repeats included.
 * E.g. charNgrams('냉동 강낭콩', { min: 2, max: 3 }) → [' 냉', '냉동', '동 ', ' 냉동', '냉동 ', ' 강', …].
 */
export function charNgrams(text: string, options: NgramOptions = {}): string[] {
  const out: string[] = [];
  forEachNgram(text, options, (g) => out.push(g));
  return out;
}

/** Counts of each n-gram of `text` (see charNgrams). */
export function ngramCounts(text: string, options: NgramOptions = {}): Map<string, number> {
  const counts = new Map<string, number>();
  forEachNgram(text, options, (g) => counts.set(g, (counts.get(g) ?? 0) + 1));
  return counts;
}

const SURROGATE = /[\uD800-\uDFFF]/u;

/** Calls `visit` with every n-gram of `text`, in order (the one loop behind charNgrams and ngramCounts). */
function forEachNgram(text: string, options: NgramOptions, visit: (ngram: string) => void): void {
  const min = options.min ?? DEFAULT_MIN;
  const max = options.max ?? DEFAULT_MAX;
  const wordBounded = options.wordBounded ?? true;
  const norm = normalizeText(text);
  if (norm === '') return;
  const pieces = wordBounded ? words(norm).map((w) => ` ${w} `) : [` ${norm} `];
  for (const piece of pieces) {
    // Text outside the Basic Multilingual Plane is split by code point, so such a character is one character, not
    // two halves; everything else (Hangul, Latin, CJK) is cut with plain substrings, which is much faster.
    const chars = SURROGATE.test(piece) ? Array.from(piece) : null;
    const length = chars ? chars.length : piece.length;
    if (length < min) {
      visit(piece);
      continue;
    }
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= length; i++) visit(chars ? chars.slice(i, i + n).join('') : piece.substring(i, i + n));
    }
  }
}

/** An n-gram as a person reads it: the word-boundary spaces dropped (" 냉동" → "냉동"). */
export function displayNgram(ngram: string): string {
  return ngram.trim();
}

/**
 * The phrases of `text` that matched: in each word, the runs of characters covered by a matched n-gram of at
 * least `minLength` characters, longest first, repeats dropped, at most `limit`. E.g. text '냉동 강낭콩류' with
 * matched {' 냉동', '강낭콩'} → ['강낭콩', '냉동']. Same options as the n-grams were cut with.
 */
export function matchedPhrases(
  text: string,
  matched: ReadonlySet<string>,
  options: NgramOptions & { readonly limit?: number; readonly minLength?: number } = {},
): string[] {
  const min = Math.max(options.min ?? DEFAULT_MIN, options.minLength ?? 2);
  const max = options.max ?? DEFAULT_MAX;
  const limit = options.limit ?? 5;
  const phrases = new Set<string>();
  for (const w of words(normalizeText(text))) {
    const chars = Array.from(` ${w} `);
    const covered = new Array<boolean>(chars.length).fill(false);
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= chars.length; i++) {
        if (matched.has(chars.slice(i, i + n).join(''))) covered.fill(true, i, i + n);
      }
    }
    let run = '';
    for (let i = 0; i <= chars.length; i++) {
      if (i < chars.length && covered[i]) run += chars[i];
      else {
        const phrase = run.trim();
        if (Array.from(phrase).length >= 2) phrases.add(phrase);
        run = '';
      }
    }
  }
  return [...phrases].sort((a, b) => b.length - a.length).slice(0, limit);
}
