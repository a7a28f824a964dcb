import { describe, expect, it } from 'vitest';
import { Bm25Index, type SparseVector } from './bm25.ts';
import { type Neighbour, nearestNeighbours, sphericalKMeans } from './doc-graph.ts';

/** A seeded generator, so every run checks the same corpora. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** The reference: every pair's cosine by a plain sparse merge, sorted best first, ties by lower index. */
function bruteForce(vectors: SparseVector[]): (k: number, minScore: number) => Neighbour[][] {
  const cosine = (a: SparseVector, b: SparseVector) => {
    let s = 0;
    for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
      if (a.ids[i] === b.ids[j]) s += a.weights[i++]! * b.weights[j++]!;
      else if (a.ids[i]! < b.ids[j]!) i++;
      else j++;
    }
    return s;
  };
  const ranked = vectors.map((a, d) =>
    vectors
      .map((b, e) => ({ index: e, score: cosine(a, b) }))
      .filter((nb) => nb.index !== d && nb.score > 0)
      .sort((x, y) => y.score - x.score || x.index - y.index),
  );
  return (k, minScore) => ranked.map((list) => list.filter((nb) => nb.score >= minScore).slice(0, k));
}

function expectSame(got: Neighbour[][], want: Neighbour[][]): void {
  expect(got.map((l) => l.map((nb) => nb.index))).toEqual(want.map((l) => l.map((nb) => nb.index)));
  got.forEach((l, d) => {
    l.forEach((nb, r) => {
      expect(nb.score).toBeCloseTo(Math.min(1, want[d]![r]!.score), 12);
    });
  });
}

/** L2-normalised sparse vector from (id → weight). */
function vector(entries: Map<number, number>): SparseVector {
  const e = [...entries].sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(e.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return { ids: Int32Array.from(e, ([id]) => id), weights: Float64Array.from(e, ([, w]) => w / norm) };
}

/**
 * Documents like invoices or rulings: 300 boilerplate n-grams in every document with small weights (their idf is
 * near 0), then a few of 40 "clauses" (each a block of 25 rarer n-grams) and a handful of n-grams of their own.
 */
function boilerplateCorpus(n: number, seed: number): SparseVector[] {
  const rand = lcg(seed);
  return Array.from({ length: n }, (_, d) => {
    const m = new Map<number, number>();
    for (let t = 0; t < 300; t++) m.set(t, 0.001 + 0.01 * rand());
    for (let c = 0; c < 2 + Math.floor(rand() * 4); c++) {
      const clause = Math.floor(rand() * 40);
      for (let t = 0; t < 25; t++) m.set(1000 + clause * 25 + t, 0.5 + rand());
    }
    for (let t = 0; t < 5; t++) m.set(5000 + d * 10 + t, 0.5 + rand());
    return vector(m);
  });
}

describe('nearestNeighbours', () => {
  it('gives the same k nearest as comparing every pair, on documents sharing boilerplate', async () => {
    const vectors = boilerplateCorpus(150, 3);
    const exact = bruteForce(vectors);
    for (const [k, minScore] of [
      [1, 0],
      [5, 0],
      [10, 0.2],
      [3, 0.6],
    ] as const)
      expectSame(await nearestNeighbours(vectors, k, minScore), exact(k, minScore));
  });

  it('gives the same k nearest on random sparse documents, with negative weights and on exact duplicates (ties by lower index)', async () => {
    const rand = lcg(9);
    const random = Array.from({ length: 120 }, () => {
      const m = new Map<number, number>();
      for (let i = 0; i < 30; i++) m.set(Math.floor(rand() * 400), rand());
      return vector(m);
    });
    expectSame(await nearestNeighbours(random, 5), bruteForce(random)(5, 0));
    // A negative weight (not TF-IDF, but possible from a caller) voids the bounds: the plain search must answer.
    const signed = random.map((v, d) => ({ ids: v.ids, weights: v.weights.map((w, i) => ((d + i) % 3 ? w : -w)) }));
    expectSame(await nearestNeighbours(signed, 5), bruteForce(signed)(5, 0));
    // 60 documents, 6 distinct texts: every document's 4 nearest are its copies at cosine 1, lowest index first.
    const copies = Array.from({ length: 60 }, (_, d) => random[d % 6]!);
    const got = await nearestNeighbours(copies, 4);
    expectSame(got, bruteForce(copies)(4, 0));
    expect(got[7]!.map((nb) => nb.index)).toEqual([1, 13, 19, 25]);
  });

  it('gives the same k nearest on TF-IDF vectors of texts that share a long preamble', async () => {
    const rand = lcg(21);
    const preamble =
      '이 사건 처분의 경위와 관계 법령은 별지 기재와 같고 원고의 청구를 기각한다 소송비용은 원고가 부담한다 '.repeat(5);
    const clauses = [
      '특수관계자 간 거래가격이 과세가격 결정에 영향을 받았다',
      '관세율표 해석에 관한 통칙에 따라 품목분류를 정하였다',
      '원산지 증명서의 발급 절차에 하자가 있어 협정관세 적용을 배제하였다',
      '사후 가격조정 금액을 과세가격에 가산하여 경정하였다',
      '통관보류 처분이 재량권을 일탈 남용하였는지 본다',
      '수입신고 수리 전 반출 승인의 요건을 갖추지 못하였다',
      '가산세 면제의 정당한 사유가 있는지 여부가 쟁점이다',
      '로열티가 수입물품의 거래조건으로 지급되었는지 본다',
    ];
    const docs = Array.from({ length: 80 }, (_, i) => ({
      id: `d${i}`,
      text: `${preamble} ${Array.from({ length: 2 }, () => clauses[Math.floor(rand() * clauses.length)]).join(' ')} 참고번호 ${String.fromCharCode(0xac00 + i * 7)}${String.fromCharCode(0xac00 + i * 13)}`,
    }));
    const index = Bm25Index.build(docs);
    const vectors = docs.map((_, i) => index.documentVector(i));
    const exact = bruteForce(vectors);
    expectSame(await nearestNeighbours(vectors, 5), exact(5, 0));
    expectSame(await nearestNeighbours(vectors, 3, 0.5), exact(3, 0.5));
  });
});

describe('sphericalKMeans', () => {
  it('separates two planted groups and yields to the caller while it works', async () => {
    // The same kind of documents twice over disjoint vocabularies: the two groups' cosines are 0.
    const a = boilerplateCorpus(40, 5);
    const b = a.map((v) => ({ ids: v.ids.map((id) => id + 100_000), weights: v.weights }));
    let breaths = 0;
    const { assignment } = await sphericalKMeans([...a, ...b], 2, 42, async () => {
      breaths++;
    });
    expect(new Set(assignment.slice(0, 40)).size).toBe(1);
    expect(new Set(assignment.slice(40)).size).toBe(1);
    expect(assignment[0]).not.toBe(assignment[40]);
    expect(breaths).toBeGreaterThan(1);
  });

  it('stops when its breather throws (a cancelled run)', async () => {
    const vectors = boilerplateCorpus(300, 7);
    let calls = 0;
    const stop = async () => {
      if (++calls === 3) throw new DOMException('cancelled', 'AbortError');
    };
    await expect(sphericalKMeans(vectors, 10, 42, stop)).rejects.toThrow('cancelled');
    expect(calls).toBe(3);
  });
});
