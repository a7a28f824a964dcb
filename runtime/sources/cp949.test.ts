import { describe, expect, it } from 'vitest';
import { Cp949Decoder, createDecoder } from './cp949.ts';

describe('Cp949Decoder', () => {
  it('decodes KS X 1001 Hangul and ASCII', () => {
    // 품 C7B0, 목 B8F1 (KS X 1001 table)
    expect(new Cp949Decoder().decode(Uint8Array.from([0xc7, 0xb0, 0xb8, 0xf1, 0x2c, 0x41]))).toBe('품목,A');
  });

  it('decodes the CP949 extension syllables that a strict EUC-KR decoder misses', () => {
    // From the Windows-949 table: 갂 8141 (first slot), 똠 8C63, 햏 C164, 힣 C652 (last syllable)
    const bytes = Uint8Array.from([0x81, 0x41, 0x8c, 0x63, 0xc1, 0x64, 0xc6, 0x52]);
    expect(new Cp949Decoder().decode(bytes)).toBe('갂똠햏힣');
  });

  it('decodes the symbols CP949 adds to row A2', () => {
    expect(new Cp949Decoder().decode(Uint8Array.from([0xa2, 0xe6, 0xa2, 0xe7]))).toBe('€®');
  });

  it('keeps a lead byte across streamed chunks', () => {
    const d = new Cp949Decoder();
    expect(d.decode(Uint8Array.from([0x31, 0xc7]), { stream: true })).toBe('1');
    expect(d.decode(Uint8Array.from([0xb0, 0x32]), { stream: true })).toBe('품2');
    expect(d.decode(Uint8Array.from([0xb8]), { stream: true })).toBe('');
    expect(d.decode()).toBe('\ufffd');
  });

  it('replaces a bad pair and keeps an ASCII byte that follows a lone lead byte', () => {
    expect(new Cp949Decoder().decode(Uint8Array.from([0x81, 0x30, 0x80, 0x41]))).toBe('\ufffd0\ufffdA');
  });

  it('is what createDecoder gives for every euc-kr label, and TextDecoder otherwise', () => {
    expect(createDecoder('EUC-KR')).toBeInstanceOf(Cp949Decoder);
    expect(createDecoder('cp949')).toBeInstanceOf(Cp949Decoder);
    expect(createDecoder('utf-16le')).toBeInstanceOf(TextDecoder);
    expect(() => createDecoder('no-such-encoding')).toThrow();
  });
});
