import { decomposeHangul, initialConsonants, romanize } from './hangul.ts';

/**
 * Clustering keys (OpenRefine's "key collision" methods, made Korean-aware): two values fall in one
 * cluster when their keys are equal. Every key here has a twin in `keys-sql.ts` that DuckDB computes
 * to the same string, so a cluster accepted in the studio can be re-applied to new data in SQL; the
 * patterns below are shared by both, and `keys-sql.test.ts` checks that they agree.
 */

export type KeyMethod = 'fingerprint' | 'ngram' | 'jamo' | 'chosung' | 'romanized' | 'company';

/** Full-width ASCII (U+FF01–FF5E) and the wide and no-break spaces, as `translate` tables. */
export const WIDE_FROM = `${String.fromCodePoint(...range(0xff01, 0xff5e))}\u3000\u00a0`;
export const WIDE_TO = `${String.fromCodePoint(...range(0x21, 0x7e))}  `;
/** Enclosed company marks spelled out, so the legal-form patterns see one spelling. */
export const ENCLOSED: [string, string][] = [
  ['㈜', '(주)'],
  ['㈱', '(株)'],
];

/** Korean (and Japanese/Chinese) legal forms, anywhere in the name. */
export const LEGAL_FORMS_KO =
  '\\( *(?:주|유|합|사|재|株|有) *\\)|주식회사|유한책임회사|유한회사|합자회사|합명회사|사단법인|재단법인|株式会社|有限会社';
/** English legal forms, as trailing words (never the first word): `Hanbit Trading Co., Ltd.` → `hanbit trading`. */
export const LEGAL_FORMS_EN =
  '( (?:co|ltd|coltd|limited|corp|corporation|inc|incorporated|llc|company|plc|pte|pvt|gmbh))+$';
export const NOT_WORD = '[^\\p{L}\\p{N}]+';
export const PUNCTUATION = '[^\\p{L}\\p{N} \\t\\r\\n]+';
export const SPACES = '[ \\t\\r\\n]+';

const re = (pattern: string, flags = 'gu') => new RegExp(pattern, flags);
const WIDE = new Map(Array.from(WIDE_FROM).map((ch, i) => [ch, WIDE_TO[i]!]));

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Code point order (DuckDB's VARCHAR order), not UTF-16 unit order. */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** NFC (macOS file names arrive decomposed), full-width forms to ASCII, ㈜ spelled out, lower case. */
export function fold(value: string): string {
  let out = '';
  for (const ch of value.normalize('NFC')) out += WIDE.get(ch) ?? ch;
  for (const [from, to] of ENCLOSED) out = out.replaceAll(from, to);
  return out.toLowerCase();
}

/** Letters and digits only: `한빛-무역 ` → `한빛무역`. */
export function plainKey(value: string): string {
  return fold(value).replace(re(NOT_WORD), '');
}

/** OpenRefine's fingerprint: punctuation dropped, then the distinct words sorted: `Trading, Hanbit` → `hanbit trading`. */
export function fingerprintKey(value: string): string {
  const words = fold(value)
    .replace(re(PUNCTUATION), '')
    .split(re(SPACES))
    .filter((w) => w !== '');
  return [...new Set(words)].sort(compareCodePoints).join(' ');
}

/** The distinct character n-grams of the letters and digits, sorted and joined: word order and spacing stop mattering. */
export function ngramKey(value: string, n = 2): string {
  const chars = Array.from(plainKey(value));
  if (chars.length <= n) return chars.join('');
  const grams = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) grams.add(chars.slice(i, i + n).join(''));
  return [...grams].sort(compareCodePoints).join('');
}

/** Letters and digits, Hangul split into jamo: `한빛 무역` → `ㅎㅏㄴㅂㅣㅊㅁㅜㅇㅕㄱ`. */
export function jamoKey(value: string): string {
  return decomposeHangul(plainKey(value));
}

/**
 * A company name without its legal form, in lower case with single spaces:
 * `(주)한빛무역`, `㈜한빛무역`, `한빛무역 주식회사` → `한빛무역`; `HANBIT TRADING CO., LTD.` → `hanbit trading`.
 * Periods are dropped (so `L.L.C.` is `llc`), other punctuation separates words.
 */
export function normalizeCompanyName(value: string): string {
  const words = fold(value).replaceAll('.', '').replace(re(LEGAL_FORMS_KO), ' ').replace(re(NOT_WORD), ' ').trim();
  return words.replace(re(LEGAL_FORMS_EN, 'u'), '');
}

/** The company name without legal form and spaces: `한빛 무역 주식회사` → `한빛무역`. */
export function companyKey(value: string): string {
  return normalizeCompanyName(value).replaceAll(' ', '');
}

/** 초성 of the company key: `(주)한빛무역` → `ㅎㅂㅁㅇ`; other letters stay. */
export function chosungKey(value: string): string {
  return initialConsonants(companyKey(value));
}

/** Romanized company key: `(주)한빛무역` and `Hanbit Muyeok Co., Ltd.` → `hanbitmuyeok`. */
export function romanizedKey(value: string): string {
  return romanize(companyKey(value));
}

export interface KeyOptions {
  /** n for the n-gram key (default 2). */
  ngram?: number;
}

/** The key function of a method. */
export function keyFunction(method: KeyMethod, options: KeyOptions = {}): (value: string) => string {
  switch (method) {
    case 'fingerprint':
      return fingerprintKey;
    case 'ngram':
      return (v) => ngramKey(v, options.ngram ?? 2);
    case 'jamo':
      return jamoKey;
    case 'chosung':
      return chosungKey;
    case 'romanized':
      return romanizedKey;
    case 'company':
      return companyKey;
  }
}
