import { literal } from '../../runtime/sql/quote.ts';
import { perCodePointSql } from './text-sql.ts';

/**
 * NFKC for Korean customs text, without an extension (DuckDB only has `nfc_normalize`).
 *
 * Covered exactly: every character in the blocks below whose Unicode NFKC form differs from itself is
 * replaced by that form, then the whole text goes through NFC (`nfc_normalize`), which also composes
 * conjoining jamo into syllables and maps CJK compatibility ideographs (U+F900–FAFF) to unified ones.
 * Within these blocks the result equals Unicode NFKC; characters outside them are left as NFC leaves them.
 *
 * - U+00A0–00BE: no-break space → space, ª º ¹ ² ³ µ ¼ ½ ¾ (not the spacing accents ¨ ¯ ´ ¸, see below)
 * - U+2000–218F: typographic spaces → space, ‥ … ‼ ⁇, super/subscripts ⁰¹²…₀₁₂, letterlike symbols
 *   (℃ → °C, № → No, ™ → TM, ℡ → TEL, ℓ → l), Roman numerals Ⅻ → XII, fractions ⅓ → 1⁄3
 * - U+2460–24FF: ① → 1, ⑩ → 10, ⑴ → (1), ⒈ → 1., ⒜ → (a), Ⓐ → A, ⓐ → a
 * - U+3000: the ideographic (full-width) space → space
 * - U+3131–318E: compatibility jamo ㄱ ㅏ → conjoining jamo ᄀ ᅡ (as NFKC does), so ㅎㅏ becomes 하
 * - U+3200–33FF: ㈜ → (주), ㈀ → (ᄀ), ㉮ → 가, ㉠ → ᄀ, ㉑ → 21, ㊱ → 36, ㈱ → (株), ㋀ → 1月, and units
 *   ㎏ → kg, ㎡ → m2, ㎖ → ml, ㏄ → cc, ㎞ → km, ㏊ → ha, ㍱ → hPa, squared katakana ㌔ → キロ
 * - U+FF00–FFEF: full-width ＡＢＣ１２３！ → ABC123!, ￦ → ₩, half-width katakana ｶ → カ, half-width Hangul
 *   jamo ﾡ → ᄀ
 *
 * Left out on purpose: spacing accents (¨ ¯ ´ ¸ ‗ ‾ ￣), whose NFKC form is a space plus a combining mark,
 * and every block not listed (e.g. mathematical alphanumerics, Arabic presentation forms, ligatures ﬁ).
 */
export const NFKC_BLOCKS: readonly (readonly [number, number])[] = [
  [0x00a0, 0x00be],
  [0x2000, 0x218f],
  [0x2460, 0x24ff],
  [0x3000, 0x3000],
  [0x3131, 0x318e],
  [0x3200, 0x33ff],
  [0xff00, 0xffef],
];

/** A character's NFKC form when this module maps it, else undefined. */
export function nfkcOf(cp: number): string | undefined {
  const ch = String.fromCodePoint(cp);
  const mapped = ch.normalize('NFKC');
  if (mapped === ch || /^ \p{M}/u.test(mapped)) return undefined;
  return mapped;
}

interface Block {
  lo: number;
  hi: number;
  /** 1-based position of `lo`'s entry in the table list. */
  base: number;
}

function build(): { table: string; blocks: Block[] } {
  const entries: (string | null)[] = [];
  const blocks: Block[] = [];
  for (const [lo, hi] of NFKC_BLOCKS) {
    blocks.push({ lo, hi, base: entries.length + 1 });
    for (let cp = lo; cp <= hi; cp++) entries.push(nfkcOf(cp) ?? null);
  }
  return { table: `[${entries.map(literal).join(',')}]`, blocks };
}

const { table, blocks } = build();

/**
 * The lookup list (one entry per code point of every block, NULL where unchanged). The node selects it as
 * a column and the per-character lambda reads that column: a list literal written inside the lambda is
 * rebuilt for every character, ten times slower.
 */
export const NFKC_TABLE_SQL = table;

/** `x` in NFKC as covered above; `tableColumn` is the quoted column holding `NFKC_TABLE_SQL`. */
export function nfkcSql(x: string, tableColumn: string): string {
  const branches = blocks
    .map((b) => `WHEN __u BETWEEN ${b.lo} AND ${b.hi} THEN coalesce(${tableColumn}[__u - ${b.lo - b.base}], chr(__u))`)
    .join(' ');
  // ASCII and Hangul syllables are by far the most common characters: let them through first.
  const body = `CASE WHEN __u < 160 OR __u BETWEEN ${0xac00} AND ${0xd7a3} THEN chr(__u) ${branches} ELSE chr(__u) END`;
  const gate = blocks.map((b) => (b.lo === b.hi ? hex(b.lo) : `${hex(b.lo)}-${hex(b.hi)}`)).join('');
  return `nfc_normalize(CASE WHEN regexp_matches(${x}, '[${gate}]') THEN ${perCodePointSql(x, body)} ELSE ${x} END)`;
}

function hex(cp: number): string {
  return `\\x{${cp.toString(16).toUpperCase()}}`;
}
