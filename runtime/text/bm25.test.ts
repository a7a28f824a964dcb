import { describe, expect, it } from 'vitest';
import { Bm25Index, cosine } from './bm25.ts';
import { charNgrams, matchedPhrases, normalizeText } from './char-ngrams.ts';

describe('char n-grams', () => {
  it('normalises width, case and punctuation but keeps decimals', () => {
    expect(normalizeText('ＷＩＤＴＨ 83.5㎜, (Frozen)  강낭콩!')).toBe('width 83.5mm frozen 강낭콩');
    expect(normalizeText('1,400mg x 180')).toBe('1400mg x 180');
    expect(normalizeText(' ·-· ')).toBe('');
  });

  it('cuts 2–4-grams inside each word with boundary spaces', () => {
    // ' 냉동 ' has 5 characters: 4 bigrams, 3 trigrams, 2 four-grams
    expect(charNgrams('냉동')).toEqual([' 냉', '냉동', '동 ', ' 냉동', '냉동 ', ' 냉동 ']);
    expect(charNgrams('a', { min: 3, max: 4 })).toEqual([' a ']);
    expect(charNgrams('')).toEqual([]);
  });

  it('reports the matched phrases of the query, longest first', () => {
    const matched = new Set(charNgrams('강낭콩 냉동'));
    expect(matchedPhrases('냉동한 강낭콩류 500g', matched)).toEqual(['강낭콩', '냉동']);
  });
});

describe('Bm25Index', () => {
  const docs = [
    { id: 'bean', text: '냉동 채소 > 강낭콩' },
    { id: 'rice', text: '쌀 > 멥쌀 > 찐쌀' },
    { id: 'peg', text: 'polyethylene glycol 폴리에틸렌 글리콜' },
    { id: 'other', text: '기타' },
  ];
  const index = Bm25Index.build(docs);

  it('finds the document by a Korean word glued to a particle, and says which n-grams matched', () => {
    const hits = index.query('강낭콩을 냉동한 것', 2);
    expect(hits[0]?.id).toBe('bean');
    expect(hits[0]?.matched).toContain('강낭콩');
    expect(hits).toHaveLength(1); // nothing else shares an n-gram
  });

  it('matches English inside a longer chemical name and ranks by score', () => {
    const hits = index.query('Polyoxyethylene (polyethylene glycol)');
    expect(hits[0]?.id).toBe('peg');
    expect(hits[0]!.score).toBeGreaterThan(0);
  });

  it('rarer n-grams weigh more (BM25 idf) and the filter restricts the candidates', () => {
    expect(index.idf(' 쌀 ')).toBeGreaterThan(0);
    expect(index.documentFrequency('기타')).toBe(1);
    expect(index.query('강낭콩', 5, { filter: (d) => d !== 0 })).toEqual([]);
    expect(index.scores('찐쌀')[1]).toBeGreaterThan(0);
  });

  it('TF-IDF vectors: a document is most similar to itself; unrelated texts score 0', () => {
    const v = index.vector('냉동 채소 > 강낭콩');
    expect(cosine(v, index.documentVector(0))).toBeCloseTo(1, 6);
    expect(cosine(v, index.documentVector(1))).toBe(0);
    expect(cosine(index.vector(''), v)).toBe(0);
  });

  it('a document given as parts scores as its words together', () => {
    const whole = Bm25Index.build([...docs, { id: 'x', text: '냉동 채소 폴리에틸렌' }]);
    const parts = Bm25Index.build([...docs, { id: 'x', text: '', parts: ['냉동 채소', '폴리에틸렌'] }]);
    expect([...parts.scores('냉동 폴리에틸렌')]).toEqual([...whole.scores('냉동 폴리에틸렌')]);
    expect([...parts.cosineScores('채소')]).toEqual([...whole.cosineScores('채소')]);
  });

  it('cosineScores agrees with comparing the vectors one by one', () => {
    const all = index.cosineScores('폴리에틸렌 냉동 채소');
    for (let d = 0; d < docs.length; d++) {
      expect(all[d]).toBeCloseTo(cosine(index.vector('폴리에틸렌 냉동 채소'), index.documentVector(d)), 10);
    }
    expect(all[0]).toBeGreaterThan(0);
  });

  it('groups documents into a new index whose group holds each n-gram as often as its most frequent member', () => {
    // lines 0 and 1 form heading A, line 2 heading B (as tariff lines under their headings)
    const lines = Bm25Index.build([
      { id: 'a1', text: '냉동 새우' },
      { id: 'a2', text: '냉동 게 냉동' },
      { id: 'b1', text: '쌀' },
    ]);
    const headings = lines.grouped(Int32Array.from([0, 0, 1]), ['A', 'B']);
    expect(headings.size).toBe(2);
    expect(headings.documentFrequency(' 냉동 ')).toBe(1);
    expect(headings.query('새우', 2).map((h) => h.id)).toEqual(['A']);
    expect(headings.query('쌀', 2).map((h) => h.id)).toEqual(['B']);
    // ' 냉동 ' occurs twice in a2 and once in a1: the heading counts it twice (the most, not 3)
    const wholeA = Bm25Index.build([
      { id: 'A', text: '냉동 새우 게 냉동' },
      { id: 'B', text: '쌀' },
    ]);
    expect(headings.scores('냉동 게 새우')[0]).toBeCloseTo(wholeA.scores('냉동 게 새우')[0]!, 6);
  });
});
