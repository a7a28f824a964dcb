import { describe, expect, it } from 'vitest';
import { decomposeHangul, FINALS, INITIALS, initialConsonants, MEDIALS, romanize, splitSyllable } from './hangul.ts';
import {
  chosungKey,
  companyKey,
  compareCodePoints,
  fingerprintKey,
  fold,
  jamoKey,
  keyFunction,
  ngramKey,
  normalizeCompanyName,
  plainKey,
  romanizedKey,
} from './keys.ts';

describe('Hangul decomposition', () => {
  it('splits syllables by the Unicode formula', () => {
    // 한 = U+D55C: 0xD55C − 0xAC00 = 10588 = 18 × 588 + 0 × 28 + 4 → ㅎ, ㅏ, ㄴ
    expect(splitSyllable('한')).toEqual({ initial: 18, medial: 0, final: 4 });
    // 빛 = U+BE5B: 4699 = 7 × 588 + 20 × 28 + 23 → ㅂ, ㅣ, ㅊ
    expect(splitSyllable('빛')).toEqual({ initial: 7, medial: 20, final: 23 });
    // 가 = U+AC00 is the first syllable; 힣 = U+D7A3 the last: 11171 = 18 × 588 + 20 × 28 + 27
    expect(splitSyllable('가')).toEqual({ initial: 0, medial: 0, final: 0 });
    expect(splitSyllable('힣')).toEqual({ initial: 18, medial: 20, final: 27 });
    expect(splitSyllable('a')).toBeNull();
    expect(splitSyllable('ㄱ')).toBeNull();
  });

  it('uses the right compatibility jamo in each table', () => {
    // Initial and medial compatibility jamo decompose (NFKD) to the conjoining jamo U+1100 + i and U+1161 + m.
    expect(INITIALS.map((j) => j.normalize('NFKD'))).toEqual(INITIALS.map((_, i) => String.fromCodePoint(0x1100 + i)));
    expect(MEDIALS.map((j) => j.normalize('NFKD'))).toEqual(MEDIALS.map((_, m) => String.fromCodePoint(0x1161 + m)));
    // Finals: the consonant block U+3131–U+314E in order, without ㄸ ㅃ ㅉ (never a final).
    const consonants = Array.from({ length: 0x314e - 0x3131 + 1 }, (_, i) => String.fromCodePoint(0x3131 + i));
    expect(FINALS.slice(1)).toEqual(consonants.filter((c) => !'ㄸㅃㅉ'.includes(c)));
    // and 가 + final f is U+AC00 + f, whose NFD ends in the trailing jamo U+11A7 + f.
    for (let f = 1; f < FINALS.length; f++) {
      const syllable = String.fromCodePoint(0xac00 + f);
      expect(syllable.normalize('NFD').codePointAt(2)).toBe(0x11a7 + f);
      expect(decomposeHangul(syllable)).toBe(`ㄱㅏ${FINALS[f]}`);
    }
  });

  it('decomposes, takes initials and romanizes text', () => {
    expect(decomposeHangul('한빛 무역')).toBe('ㅎㅏㄴㅂㅣㅊ ㅁㅜㅇㅕㄱ');
    expect(decomposeHangul('값닭')).toBe('ㄱㅏㅄㄷㅏㄺ');
    expect(decomposeHangul('ABC 1')).toBe('ABC 1');
    expect(initialConsonants('한빛무역')).toBe('ㅎㅂㅁㅇ');
    expect(initialConsonants('관세청 ㄱㄴ')).toBe('ㄱㅅㅊ ㄱㄴ');
    expect(romanize('한빛무역')).toBe('hanbitmuyeok');
    expect(romanize('서울 부산')).toBe('seoul busan');
    expect(romanize('관세청')).toBe('gwansecheong');
    expect(romanize('대한민국')).toBe('daehanminguk');
    expect(romanize('의료기기')).toBe('uiryogigi');
    expect(romanize('꽃')).toBe('kkot');
    expect(romanize('닭')).toBe('dak');
    expect(romanize('ㄱ1a')).toBe('ㄱ1a');
    // Syllable by syllable: no sound change across syllables (the standard gives silla, jongno).
    expect(romanize('신라')).toBe('sinra');
    expect(romanize('종로')).toBe('jongro');
  });
});

describe('clustering keys', () => {
  it('folds width, case, ㈜ and decomposed Hangul', () => {
    expect(fold('ＨＡＮＢＩＴ　１２３')).toBe('hanbit 123');
    expect(fold('㈜한빛')).toBe('(주)한빛');
    expect(fold('한빛'.normalize('NFD'))).toBe('한빛');
    expect(plainKey(' 한빛-무역 (Seoul) ')).toBe('한빛무역seoul');
  });

  it('fingerprint: punctuation out, distinct words sorted', () => {
    expect(fingerprintKey('Hanbit Trading Co., Ltd.')).toBe('co hanbit ltd trading');
    expect(fingerprintKey('  TRADING, hanbit hanbit ')).toBe('hanbit trading');
    expect(fingerprintKey('한빛 무역')).toBe('무역 한빛');
    expect(fingerprintKey('무역  한빛')).toBe('무역 한빛');
    expect(fingerprintKey('U.S.A.')).toBe('usa');
    expect(fingerprintKey('...')).toBe('');
  });

  it('n-gram: distinct letter n-grams sorted and glued', () => {
    // hanbit → ha an nb bi it → sorted an bi ha it nb
    expect(ngramKey('Han-bit', 2)).toBe('anbihaitnb');
    expect(ngramKey('한빛무역', 2)).toBe('무역빛무한빛');
    expect(ngramKey('한빛무역', 1)).toBe('무빛역한');
    expect(ngramKey('한빛무역', 3)).toBe('빛무역한빛무');
    expect(ngramKey('ab', 3)).toBe('ab');
    // abab → ab ba ab → {ab, ba}; spacing does not count
    expect(ngramKey('abab')).toBe('abba');
    expect(ngramKey('ab ab')).toBe('abba');
  });

  it('jamo: letters and digits, Hangul split', () => {
    expect(jamoKey('한빛 무역!')).toBe('ㅎㅏㄴㅂㅣㅊㅁㅜㅇㅕㄱ');
    expect(jamoKey('HS 8517')).toBe('hs8517');
  });

  it('company: Korean and English legal forms, spacing and width', () => {
    const hanbit = [
      '(주)한빛무역',
      '㈜한빛무역',
      '한빛무역 주식회사',
      '한빛 무역',
      '주식회사 한빛무역',
      '한빛무역(주)',
      '( 주 ) 한빛무역',
    ];
    for (const name of hanbit) expect(companyKey(name)).toBe('한빛무역');
    const english = [
      'Hanbit Trading Co., Ltd.',
      'HANBIT TRADING CO LTD',
      'Hanbit Trading Co.,Ltd',
      'Hanbit Trading Co.Ltd.',
    ];
    for (const name of english) expect(companyKey(name)).toBe('hanbittrading');
    expect(normalizeCompanyName('Hanbit Trading Co., Ltd.')).toBe('hanbit trading');
    expect(normalizeCompanyName('ＨＡＮＢＩＴ　Ｃｏｒｐ．')).toBe('hanbit');
    expect(normalizeCompanyName('Kim & Lee L.L.C.')).toBe('kim lee');
    expect(normalizeCompanyName('Acme Inc.')).toBe('acme');
    expect(normalizeCompanyName('Acme Corporation')).toBe('acme');
    expect(normalizeCompanyName('바다상사(유)')).toBe('바다상사');
    expect(normalizeCompanyName('유한회사 바다상사')).toBe('바다상사');
    expect(normalizeCompanyName('사단법인 한국무역협회')).toBe('한국무역협회');
    expect(normalizeCompanyName('トヨタ㈱')).toBe('トヨタ');
    // Legal-form words are stripped only at the end and never the first word.
    expect(normalizeCompanyName('Company')).toBe('company');
    expect(normalizeCompanyName('Coca Cola Company')).toBe('coca cola');
    expect(normalizeCompanyName('Incheon Logistics')).toBe('incheon logistics');
  });

  it('chosung and romanized keys start from the company key', () => {
    expect(chosungKey('(주)한빛무역')).toBe('ㅎㅂㅁㅇ');
    expect(chosungKey('한빗 무역')).toBe('ㅎㅂㅁㅇ');
    expect(chosungKey('Hanbit 무역')).toBe('hanbitㅁㅇ');
    expect(romanizedKey('(주)한빛무역')).toBe('hanbitmuyeok');
    expect(romanizedKey('Hanbit Muyeok Co., Ltd.')).toBe('hanbitmuyeok');
    expect(romanizedKey('한빛무역')).toBe(romanizedKey('HANBIT MUYEOK'));
  });

  it('picks the key function by method', () => {
    expect(keyFunction('company')('㈜한빛무역')).toBe('한빛무역');
    expect(keyFunction('ngram', { ngram: 1 })('abba')).toBe('ab');
    expect(keyFunction('fingerprint')('b a')).toBe('a b');
  });

  it('orders by code point like DuckDB', () => {
    // U+FF5E (a BMP character above the surrogates) sorts before U+1F600 by code point, not by UTF-16 unit.
    expect(compareCodePoints('\uff5e', '😀')).toBeLessThan(0);
    expect('\uff5e' < '😀').toBe(false);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
  });
});
