import { describe, expect, it } from 'vitest';
import { detectEncoding, isValidUtf8 } from './detect-encoding.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
// CP949 bytes worked out from the KS X 1001 table: 품 C7B0, 목 B8F1, 서 BCAD, 울 BFEF, 부 BACE, 산 BBEA.
const CP949_HEADER = [0xc7, 0xb0, 0xb8, 0xf1, 0x2c, 0xbc, 0xad, 0xbf, 0xef]; // "품목,서울"
const CP949_LINE = [0x0a, 0x31, 0x2c, 0xba, 0xce, 0xbb, 0xea, 0x0a]; // "\n1,부산\n"

describe('detectEncoding', () => {
  it('reads plain ASCII and Korean UTF-8 as UTF-8', () => {
    expect(detectEncoding(utf8('id,name\n1,kim\n'))).toEqual({ encoding: 'utf-8', confidence: 1 });
    expect(detectEncoding(utf8('품목,서울\n1,부산\n'))).toEqual({ encoding: 'utf-8', confidence: 1 });
  });

  it('does not count a character cut at the end of the sample as invalid', () => {
    const bytes = utf8('가나다'); // 9 bytes, 3 per syllable
    expect(detectEncoding(bytes.subarray(0, 7))).toEqual({ encoding: 'utf-8', confidence: 1 });
    expect(detectEncoding(bytes.subarray(0, 8))).toEqual({ encoding: 'utf-8', confidence: 1 });
    expect(isValidUtf8(bytes.subarray(0, 7))).toBe(true);
  });

  it('still rejects a broken sequence in the middle', () => {
    expect(isValidUtf8(Uint8Array.from([0x61, 0xc3, 0x28, 0x62]))).toBe(false);
    expect(isValidUtf8(Uint8Array.from([0x61, 0xe2, 0x28, 0xa1, 0x62]))).toBe(false);
  });

  it('recognises byte-order marks', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8-bom', confidence: 1 });
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]))).toEqual({ encoding: 'utf-16le', confidence: 1 });
    expect(detectEncoding(Uint8Array.from([0xfe, 0xff, 0x00, 0x61]))).toEqual({ encoding: 'utf-16be', confidence: 1 });
  });

  it('recognises UTF-16 without a BOM from its zero bytes', () => {
    const le = Uint8Array.from([0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0, 0x31, 0, 0x2c, 0, 0x32, 0]); // "a,b\n1,2"
    expect(detectEncoding(le).encoding).toBe('utf-16le');
    const be = Uint8Array.from([0, 0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0, 0x31, 0, 0x2c, 0, 0x32]);
    expect(detectEncoding(be).encoding).toBe('utf-16be');
  });

  it('recognises CP949 Korean, also when cut mid-character', () => {
    const bytes = Uint8Array.from([...CP949_HEADER, ...CP949_LINE]);
    // every double-byte character is a KS X 1001 Hangul syllable: 0.7 + 0.3 × 6/6
    expect(detectEncoding(bytes)).toEqual({ encoding: 'euc-kr', confidence: 1 });
    expect(detectEncoding(bytes.subarray(0, CP949_HEADER.length - 1)).encoding).toBe('euc-kr');
  });

  it('counts CP949 extension syllables as CP949 with a little less confidence', () => {
    // 갂 = 81 41 (extension), 가 = B0 A1 (KS X 1001): 0.7 + 0.3 × 1/2
    expect(detectEncoding(Uint8Array.from([0x81, 0x41, 0x2c, 0xb0, 0xa1]))).toEqual({
      encoding: 'euc-kr',
      confidence: 0.85,
    });
  });

  it('falls back to UTF-8 with low confidence for bytes that fit neither', () => {
    const junk = Uint8Array.from([0x61, 0x80, 0x80, 0x62, 0xff, 0x41, 0x80, 0x63]);
    const guess = detectEncoding(junk);
    expect(guess.encoding).toBe('utf-8');
    expect(guess.confidence).toBeLessThan(0.5);
  });
});
