/** Text encodings the studio can read; `euc-kr` means the WHATWG euc-kr, i.e. Windows code page 949. */
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'euc-kr' | 'utf-16le' | 'utf-16be';

export interface EncodingGuess {
  encoding: DetectedEncoding;
  /** 0…1: 1 for a byte-order mark or certain evidence, low when the sample fits no encoding well. */
  confidence: number;
}

/** How many bytes callers should pass: enough for a few hundred lines of a typical CSV. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

/**
 * Guesses the encoding of a text file from its first bytes (a sample may end mid-character):
 * BOM → that encoding; NUL bytes in alternate positions → UTF-16 without BOM; valid UTF-8 → UTF-8
 * (plain ASCII included: it reads the same either way); otherwise CP949 when the high bytes pair up as
 * CP949 double-byte characters (Hangul syllables are KS X 1001 lead 0xB0–0xC8 / trail 0xA1–0xFE, the CP949
 * extension lead 0x81–0xFE / trail 0x41–0x5A, 0x61–0x7A, 0x81–0xFE); failing all, UTF-8 with low confidence
 * so that DuckDB reports the undecodable lines instead of us silently producing mojibake.
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8-bom', confidence: 1 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', confidence: 1 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', confidence: 1 };

  const utf16 = guessUtf16(sample);
  if (utf16) return utf16;

  if (isValidUtf8(sample)) return { encoding: 'utf-8', confidence: 1 };

  const cp949 = scoreCp949(sample);
  if (cp949.pairs > 0 && cp949.invalid / (cp949.pairs + cp949.invalid) <= 0.02) {
    // Mostly Hangul syllables is the usual shape of Korean text; hanja and extension syllables lower it a bit.
    return { encoding: 'euc-kr', confidence: round(0.7 + 0.3 * (cp949.hangul / cp949.pairs)) };
  }
  return { encoding: 'utf-8', confidence: 0.2 };
}

/** Valid UTF-8, tolerating one incomplete sequence at the very end (the sample was cut there). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes.subarray(0, completeUtf8Length(bytes)));
    return true;
  } catch {
    return false;
  }
}

/** Length of `bytes` without a trailing, incomplete UTF-8 sequence (at most 3 bytes are dropped). */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? n - back : n;
  }
  return n;
}

function guessUtf16(sample: Uint8Array): EncodingGuess | undefined {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const units = n / 2;
  // ASCII-range text in UTF-16 has a zero in every other byte; real UTF-8/CP949 text has none.
  if (oddZeros / units > 0.3 && evenZeros / units < 0.05) return { encoding: 'utf-16le', confidence: 0.8 };
  if (evenZeros / units > 0.3 && oddZeros / units < 0.05) return { encoding: 'utf-16be', confidence: 0.8 };
  return undefined;
}

interface Cp949Score {
  /** Well-formed double-byte characters. */
  pairs: number;
  /** Of which Hangul syllables from KS X 1001 (lead 0xB0–0xC8, trail 0xA1–0xFE). */
  hangul: number;
  /** High bytes that do not start a well-formed pair. */
  invalid: number;
}

function scoreCp949(bytes: Uint8Array): Cp949Score {
  const score: Cp949Score = { pairs: 0, hangul: 0, invalid: 0 };
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (i + 1 >= bytes.length) break; // cut mid-character at the end of the sample
    const trail = bytes[i + 1]!;
    if (lead >= 0x81 && lead <= 0xfe && isCp949Trail(trail)) {
      score.pairs++;
      if (lead >= 0xb0 && lead <= 0xc8 && trail >= 0xa1 && trail <= 0xfe) score.hangul++;
      i += 2;
    } else {
      score.invalid++;
      i++;
    }
  }
  return score;
}

function isCp949Trail(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x81 && b <= 0xfe);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
