// Document association over character n-gram TF-IDF vectors (bm25.ts): each document's nearest neighbours by
// cosine, and clusters by spherical k-means. Pure TypeScript: runs in Node and in the browser worker.
//
//   const index = Bm25Index.build(docs);
//   const vectors = docs.map((_, i) => index.documentVector(i));
//   await nearestNeighbours(vectors, 5)      // → per document, the 5 most similar others with their cosine
//   sphericalKMeans(vectors, 8, 42)          // → cluster of each document and its cosine to the centre

import type { SparseVector } from './bm25.ts';

export interface Neighbour {
  index: number;
  score: number;
}

/**
 * The `k` most similar other documents of each document (cosine of L2-normalised vectors), best first, those
 * below `minScore` left out. Dot products accumulate through an inverted list of the vectors, so a pair that
 * shares no n-gram costs nothing.
 */
export async function nearestNeighbours(
  vectors: readonly SparseVector[],
  k: number,
  minScore = 0,
  /** Awaited between documents: lets the caller yield to the event loop and stop on cancel. */
  breathe?: () => Promise<void>,
): Promise<Neighbour[][]> {
  const n = vectors.length;
  let dims = 0;
  for (const v of vectors) for (const id of v.ids) if (id + 1 > dims) dims = id + 1;
  // Inverted list: n-gram id → (document, weight), documents ascending.
  const counts = new Int32Array(dims + 1);
  for (const v of vectors) for (const id of v.ids) counts[id + 1]!++;
  for (let t = 0; t < dims; t++) counts[t + 1]! += counts[t]!;
  const fill = counts.slice(0, dims);
  const docs = new Int32Array(counts[dims]!);
  const weights = new Float64Array(counts[dims]!);
  vectors.forEach((v, d) => {
    for (let i = 0; i < v.ids.length; i++) {
      const at = fill[v.ids[i]!]!++;
      docs[at] = d;
      weights[at] = v.weights[i]!;
    }
  });
  const acc = new Float64Array(n);
  const out: Neighbour[][] = [];
  for (let d = 0; d < n; d++) {
    await breathe?.();
    acc.fill(0);
    const v = vectors[d]!;
    for (let i = 0; i < v.ids.length; i++) {
      const t = v.ids[i]!;
      const w = v.weights[i]!;
      for (let p = counts[t]!; p < counts[t + 1]!; p++) acc[docs[p]!]! += w * weights[p]!;
    }
    const best: Neighbour[] = [];
    for (let e = 0; e < n; e++) {
      if (e === d || acc[e]! <= 0 || acc[e]! < minScore) continue;
      if (best.length < k || acc[e]! > best[best.length - 1]!.score) {
        best.push({ index: e, score: Math.min(1, acc[e]!) });
        best.sort((a, b) => b.score - a.score || a.index - b.index);
        if (best.length > k) best.pop();
      }
    }
    out.push(best);
  }
  return out;
}

/** A small seeded generator (mulberry32) so clusters are the same on every run. */
function random(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dotDense(v: SparseVector, c: Float32Array): number {
  let s = 0;
  for (let i = 0; i < v.ids.length; i++) s += v.weights[i]! * c[v.ids[i]!]!;
  return s;
}

export interface Clustering {
  /** Cluster of each document, 0-based. */
  assignment: number[];
  /** Cosine of each document to its cluster's centre. */
  similarity: number[];
  /** Centres (L2-normalised, dense over the n-gram ids). */
  centres: Float32Array[];
}

/**
 * Spherical k-means (cosine k-means, Dhillon & Modha 2001): k-means++ seeding by cosine distance, then
 * assign-to-nearest-centre / re-normalise the mean until nothing moves (at most `iterations` rounds).
 */
export function sphericalKMeans(vectors: readonly SparseVector[], k: number, seed = 42, iterations = 25): Clustering {
  const n = vectors.length;
  const kk = Math.max(1, Math.min(k, n));
  let dims = 0;
  for (const v of vectors) for (const id of v.ids) if (id + 1 > dims) dims = id + 1;
  const rand = random(seed);
  const toDense = (v: SparseVector) => {
    const c = new Float32Array(dims);
    for (let i = 0; i < v.ids.length; i++) c[v.ids[i]!] = v.weights[i]!;
    return c;
  };
  const centres: Float32Array[] = [toDense(vectors[Math.floor(rand() * n)]!)];
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  while (centres.length < kk) {
    const last = centres[centres.length - 1]!;
    let total = 0;
    for (let d = 0; d < n; d++) {
      const dist = Math.max(0, 1 - dotDense(vectors[d]!, last));
      if (dist < nearest[d]!) nearest[d] = dist;
      total += nearest[d]! ** 2;
    }
    let r = rand() * total;
    let pick = n - 1;
    for (let d = 0; d < n; d++) {
      r -= nearest[d]! ** 2;
      if (r <= 0) {
        pick = d;
        break;
      }
    }
    centres.push(toDense(vectors[pick]!));
  }
  const assignment = new Array<number>(n).fill(-1);
  const similarity = new Array<number>(n).fill(0);
  for (let round = 0; round < iterations; round++) {
    let moved = 0;
    for (let d = 0; d < n; d++) {
      let best = 0;
      let bestSim = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < centres.length; c++) {
        const s = dotDense(vectors[d]!, centres[c]!);
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      if (assignment[d] !== best) moved++;
      assignment[d] = best;
      similarity[d] = bestSim;
    }
    if (moved === 0) break;
    for (const c of centres) c.fill(0);
    for (let d = 0; d < n; d++) {
      const v = vectors[d]!;
      const c = centres[assignment[d]!]!;
      for (let i = 0; i < v.ids.length; i++) c[v.ids[i]!]! += v.weights[i]!;
    }
    for (const c of centres) {
      let norm = 0;
      for (const x of c) norm += x * x;
      norm = Math.sqrt(norm) || 1;
      for (let i = 0; i < c.length; i++) c[i]! /= norm;
    }
  }
  return { assignment, similarity, centres };
}
