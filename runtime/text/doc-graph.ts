// Document association over character n-gram TF-IDF vectors (bm25.ts): each document's nearest neighbours by
// cosine, and clusters by spherical k-means. Pure TypeScript: runs in Node and in the browser worker.
//
//   const index = Bm25Index.build(docs);
//   const vectors = docs.map((_, i) => index.documentVector(i));
//   await nearestNeighbours(vectors, 5)      // → per document, the 5 most similar others with their cosine
//   await sphericalKMeans(vectors, 8, 42)    // → cluster of each document and its cosine to the centre

import type { SparseVector } from './bm25.ts';

export interface Neighbour {
  index: number;
  score: number;
}

/** What checking one candidate costs beside its dot product, in posting-list steps (measured, roughly). */
const VERIFY_COST = 30;

/** Floating-point room in the bounds, so rounding never drops a document that ties the k-th. */
const SLACK = 1e-9;

interface InvertedList {
  /** Number of n-gram ids (largest id + 1). */
  dims: number;
  /** Postings of n-gram t: positions offsets[t] … offsets[t + 1] − 1 of `docs` and `weights`, documents ascending. */
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
  /** Largest weight of each n-gram in any document. */
  maxWeight: Float64Array;
}

function invertedList(vectors: readonly SparseVector[]): InvertedList {
  let dims = 0;
  for (const v of vectors) for (const id of v.ids) if (id + 1 > dims) dims = id + 1;
  const offsets = new Int32Array(dims + 1);
  for (const v of vectors) for (const id of v.ids) offsets[id + 1]!++;
  for (let t = 0; t < dims; t++) offsets[t + 1]! += offsets[t]!;
  const fill = offsets.slice(0, dims);
  const docs = new Int32Array(offsets[dims]!);
  const weights = new Float64Array(offsets[dims]!);
  const maxWeight = new Float64Array(dims);
  vectors.forEach((v, d) => {
    for (let i = 0; i < v.ids.length; i++) {
      const t = v.ids[i]!;
      const at = fill[t]!++;
      docs[at] = d;
      weights[at] = v.weights[i]!;
      if (v.weights[i]! > maxWeight[t]!) maxWeight[t] = v.weights[i]!;
    }
  });
  return { dims, offsets, docs, weights, maxWeight };
}

/** Bands of document frequency, a quarter of a power of two wide (band of df ≤ band of any larger df). */
function dfBand(df: number): number {
  return Math.floor(4 * Math.log2(Math.max(1, df)));
}

/**
 * For each document e and band b, the norm of e's weights on n-grams of band ≥ b: norm[e · stride + b]. A small
 * table (documents × ≈ 4·log2 documents) that caps what the common n-grams can add to a cosine with e.
 */
function bandTails(
  vectors: readonly SparseVector[],
  offsets: Int32Array,
): { norm: Float64Array; stride: number; widest: Float64Array } {
  const stride = dfBand(vectors.length) + 2;
  const norm = new Float64Array(vectors.length * stride);
  const widest = new Float64Array(stride);
  vectors.forEach((v, e) => {
    const row = e * stride;
    for (let i = 0; i < v.ids.length; i++) {
      const t = v.ids[i]!;
      norm[row + dfBand(offsets[t + 1]! - offsets[t]!)]! += v.weights[i]! ** 2;
    }
    for (let b = stride - 2; b >= 0; b--) norm[row + b]! += norm[row + b + 1]!;
    for (let b = 0; b < stride; b++) {
      norm[row + b] = Math.sqrt(norm[row + b]!);
      if (norm[row + b]! > widest[b]!) widest[b] = norm[row + b]!;
    }
  });
  return { norm, stride, widest };
}

/** Documents by a key, largest first (a binary heap over `items`, which it reorders). */
class MaxHeap {
  size: number;
  constructor(
    private readonly items: number[],
    private readonly key: Float64Array,
  ) {
    this.size = items.length;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }
  pop(): number {
    const top = this.items[0]!;
    this.items[0] = this.items[--this.size]!;
    this.down(0);
    return top;
  }
  private down(i: number): void {
    const { items, key } = this;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) return;
      const c = l + 1 < this.size && key[items[l + 1]!]! > key[items[l]!]! ? l + 1 : l;
      if (key[items[c]!]! <= key[items[i]!]!) return;
      const swap = items[i]!;
      items[i] = items[c]!;
      items[c] = swap;
      i = c;
    }
  }
}

/** The best `k` (document, score) offered: highest score first, ties by lower index. */
class TopK {
  private items: Neighbour[] = [];
  constructor(private readonly k: number) {}
  clear(): void {
    this.items.length = 0;
  }
  full(): boolean {
    return this.items.length >= this.k;
  }
  /** The k-th best score (only meaningful when full). */
  lowest(): number {
    return this.items[this.items.length - 1]!.score;
  }
  offer(index: number, score: number): void {
    const items = this.items;
    const last = items[items.length - 1];
    if (this.full() && last && !(score > last.score || (score === last.score && index < last.index))) return;
    if (this.full()) items.pop();
    let at = items.length;
    while (at > 0 && (items[at - 1]!.score < score || (items[at - 1]!.score === score && items[at - 1]!.index > index)))
      at--;
    items.splice(at, 0, { index, score });
  }
  sorted(): Neighbour[] {
    return this.items.slice();
  }
}

/**
 * The `k` most similar other documents of each document (cosine of L2-normalised vectors), best first (ties by
 * lower index), those below `minScore` or at 0 left out. Exact: the same lists as comparing every pair.
 *
 * Comparing every pair through an inverted list costs, per document, the length of the posting list of each of its
 * n-grams. On documents that share boilerplate (invoices, rulings) every n-gram of the boilerplate is in nearly every
 * document, so that is quadratic (2,000 such documents: 24–49 s, bench/RESULTS.md) although those n-grams weigh
 * almost nothing (idf ≈ 0).
 * Here each document d is scored term-at-a-time with a max-score bound (Turtle & Flood 1995; the prefix filter of
 * Bayardo, Ma & Srikant 2007, "Scaling up all pairs similarity search"), which needs weights ≥ 0:
 *
 * 1. d's n-grams are walked rarest first (short posting lists, heavy weights). Before n-gram j, `bound[j]` caps what
 *    the n-grams j… can still add to any cosine: min(Σ w · the n-gram's largest weight in any document,
 *    ‖d's rest‖ · the largest norm of any document over n-grams at least as common) — Cauchy–Schwarz.
 * 2. Partial sums are lower bounds of the cosines; every few passes the k leaders get their exact cosine, and the
 *    lowest of those (or `minScore`, if higher) is a threshold the k-th neighbour reaches. Once `bound[j]` is below
 *    it, a document not met yet cannot reach it: no new candidates.
 * 3. Each candidate e's upper bound is its partial sum + min(bound[j], ‖d's rest‖ · ‖e over n-grams at least as
 *    common‖); those at or above the threshold get an exact dot product, highest bound first, until the next bound
 *    is below the k-th cosine found. If checking them would cost more than walking the remaining posting lists (a
 *    small vocabulary shared by all), those are walked instead and the partial sums are the cosines.
 *
 * With a negative weight the bounds do not hold: every posting list is walked, as a plain inverted-list search.
 */
export async function nearestNeighbours(
  vectors: readonly SparseVector[],
  k: number,
  minScore = 0,
  /** Awaited between documents: lets the caller yield to the event loop and stop on cancel. */
  breathe?: () => Promise<void>,
): Promise<Neighbour[][]> {
  const n = vectors.length;
  if (k < 1) return vectors.map(() => []);
  const list = invertedList(vectors);
  const { offsets, docs, weights, maxWeight } = list;
  const meanLength = docs.length / Math.max(1, n);
  const negative = vectors.some((v) => v.weights.some((w) => w < 0));
  const tails = bandTails(vectors, offsets);
  // Each document's n-grams rarest first (ties by id): the posting lists read in that order, with no sort per
  // document. terms[offsets[d] … offsets[d + 1] − 1] are d's.
  const byRank = Int32Array.from({ length: list.dims }, (_, t) => t).sort(
    (a, b) => offsets[a + 1]! - offsets[a]! - (offsets[b + 1]! - offsets[b]!) || a - b,
  );
  const rarestFirst = { offsets: new Int32Array(n + 1), terms: new Int32Array(docs.length) };
  vectors.forEach((v, d) => {
    rarestFirst.offsets[d + 1] = rarestFirst.offsets[d]! + v.ids.length;
  });
  const next = rarestFirst.offsets.slice(0, n);
  for (const t of byRank) for (let p = offsets[t]!; p < offsets[t + 1]!; p++) rarestFirst.terms[next[docs[p]!]!++] = t;
  const acc = new Float64Array(n);
  const met = new Int32Array(n).fill(-1); // met[e] === d: e is a candidate of d
  const candidates = new Int32Array(n);
  const exact = new Float64Array(n); // exact[e]: cosine of d and e, known when scored[e] === d
  const scored = new Int32Array(n).fill(-1);
  const dense = new Float64Array(list.dims);
  const upper = new Float64Array(n);
  // Per n-gram: its band of document frequency, and the largest norm of any document over n-grams that common.
  const bandOf = new Int32Array(list.dims);
  const widest = new Float64Array(list.dims);
  for (let t = 0; t < list.dims; t++) {
    bandOf[t] = dfBand(offsets[t + 1]! - offsets[t]!);
    widest[t] = tails.widest[bandOf[t]!]!;
  }
  // Per-document work arrays, sized for the longest document.
  const longest = vectors.reduce((x, v) => Math.max(x, v.ids.length), 0);
  const scratch = {
    bound: new Float64Array(longest + 1),
    restNorm: new Float64Array(longest + 1),
    restPostings: new Float64Array(longest + 1),
  };
  const top = new TopK(k);
  const out: Neighbour[][] = [];
  /** Adds n-gram t (weight w in document d) to the partial sums; returns the new number of candidates. */
  const walk = (t: number, w: number, d: number, count: number): number => {
    for (let p = offsets[t]!; p < offsets[t + 1]!; p++) {
      const e = docs[p]!;
      if (met[e] !== d) {
        met[e] = d;
        acc[e] = 0;
        candidates[count++] = e;
      }
      acc[e]! += w * weights[p]!;
    }
    return count;
  };
  for (let d = 0; d < n; d++) {
    await breathe?.();
    const v = vectors[d]!;
    const m = v.ids.length;
    // Rarest n-gram first (global rank: document frequency, then id); bound[j] caps what the n-grams j… can add.
    const order = rarestFirst.terms.subarray(rarestFirst.offsets[d]!, rarestFirst.offsets[d + 1]!);
    for (let i = 0; i < m; i++) dense[v.ids[i]!] = v.weights[i]!;
    const { bound, restNorm, restPostings } = scratch;
    bound[m] = restNorm[m] = restPostings[m] = 0;
    let byMax = 0;
    let squares = 0;
    for (let j = m - 1; j >= 0; j--) {
      const t = order[j]!;
      const w = dense[t]!;
      byMax += w * maxWeight[t]!;
      squares += w * w;
      restNorm[j] = Math.sqrt(squares);
      restPostings[j] = restPostings[j + 1]! + offsets[t + 1]! - offsets[t]!;
      bound[j] = negative ? Number.POSITIVE_INFINITY : Math.min(byMax, restNorm[j]! * widest[t]!) + SLACK;
    }
    // 1–2. Gather candidates until no unseen document can reach the threshold.
    let count = 0;
    let threshold = minScore;
    let work = 0;
    let j = 0;
    for (; j < m; j++) {
      if (bound[j]! < threshold) break;
      const t = order[j]!;
      count = walk(t, dense[t]!, d, count);
      work += offsets[t + 1]! - offsets[t]!;
      // Raise the threshold once the postings walked since pay for a few passes over the candidates: the k leaders by
      // partial sum (or cosine, once known) get their exact cosine, and the lowest of those k is the threshold.
      if (work >= 4 * count && count > k) {
        work = 0;
        top.clear();
        for (let c = 0; c < count; c++) {
          const e = candidates[c]!;
          const known = scored[e] === d ? exact[e]! : acc[e]!;
          // Only values above the threshold can raise it (if fewer than k are, it stays).
          if (e !== d && known > threshold) top.offer(e, known);
        }
        let lowest = Number.POSITIVE_INFINITY;
        for (const { index: e } of top.sorted()) {
          if (scored[e] !== d) {
            scored[e] = d;
            exact[e] = dot(vectors[e]!, dense);
          }
          lowest = Math.min(lowest, exact[e]!);
        }
        if (top.full() && lowest > threshold) threshold = lowest;
      }
    }
    // 3. The candidates that can still reach the threshold, by upper bound: partial sum + what the n-grams j… can
    // add, also ≤ ‖d's rest‖ · ‖e's n-grams at least as common‖ (Cauchy–Schwarz), or the cosine once known.
    const ranked: number[] = [];
    if (j < m) {
      const band = bandOf[order[j]!]!;
      for (let c = 0; c < count; c++) {
        const e = candidates[c]!;
        if (e === d) continue;
        upper[e] =
          scored[e] === d
            ? exact[e]!
            : acc[e]! + Math.min(bound[j]!, restNorm[j]! * tails.norm[e * tails.stride + band]! + SLACK);
        if (upper[e]! >= threshold) ranked.push(e);
      }
      // When checking them one by one would cost more than walking the rest of the posting lists (a small
      // vocabulary every document uses), walk those: the partial sums become the cosines.
      if (ranked.length * (meanLength + VERIFY_COST) > restPostings[j]!)
        for (; j < m; j++) count = walk(order[j]!, dense[order[j]!]!, d, count);
    }
    // Exact cosines, highest bound first, while one can still enter the top k.
    top.clear();
    if (j === m) {
      // Every n-gram walked: the partial sums are the cosines.
      for (let c = 0; c < count; c++) {
        const e = candidates[c]!;
        if (e !== d && acc[e]! > 0 && acc[e]! >= minScore) top.offer(e, acc[e]!);
      }
    } else {
      // Highest bound first, from a heap: the loop usually stops long before the last candidate.
      const heap = new MaxHeap(ranked, upper);
      while (heap.size > 0) {
        const e = heap.pop();
        if (top.full() && upper[e]! < top.lowest()) break;
        const score = scored[e] === d ? exact[e]! : dot(vectors[e]!, dense);
        if (score > 0 && score >= minScore) top.offer(e, score);
      }
    }
    for (let i = 0; i < m; i++) dense[v.ids[i]!] = 0;
    out.push(top.sorted().map((nb) => ({ index: nb.index, score: Math.min(1, nb.score) })));
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

/** Dot product of a sparse vector with a dense one (one function per array type keeps each call site fast). */
function dot(v: SparseVector, c: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.ids.length; i++) s += v.weights[i]! * c[v.ids[i]!]!;
  return s;
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

/** How many documents are compared between two calls of `breathe` in the clustering. */
const BREATHE_EVERY = 64;

/**
 * Spherical k-means (cosine k-means, Dhillon & Modha 2001): k-means++ seeding by cosine distance, then
 * assign-to-nearest-centre / re-normalise the mean until nothing moves (at most `iterations` rounds).
 */
export async function sphericalKMeans(
  vectors: readonly SparseVector[],
  k: number,
  seed = 42,
  /** Awaited every few dozen documents of each round: lets the caller yield to the event loop and stop on cancel. */
  breathe?: () => Promise<void>,
  iterations = 25,
): Promise<Clustering> {
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
      if (d % BREATHE_EVERY === 0) await breathe?.();
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
  // Elkan-style bounds, in cosine: a unit document's similarity to a centre that moved by δ changes by at most δ. So
  // `own` (a lower bound on the similarity to its centre) and `upper` (per centre, an upper bound on the similarity
  // to it) tell which centres cannot win a document and need no dot product. Same result as the plain rounds.
  const own = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const upper = new Float64Array(n * kk).fill(Number.POSITIVE_INFINITY);
  const SLACK = 1e-6; // float32 centres: bounds kept a hair loose so that rounding never skips a real move
  for (let round = 0; round < iterations; round++) {
    let moved = 0;
    for (let d = 0; d < n; d++) {
      if (d % BREATHE_EVERY === 0) await breathe?.();
      const row = d * kk;
      const current = assignment[d]!;
      let best = current;
      let bestSim = Number.NEGATIVE_INFINITY;
      if (current >= 0) {
        let rival = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < kk; c++) if (c !== current && upper[row + c]! > rival) rival = upper[row + c]!;
        if (own[d]! >= rival) continue;
        bestSim = dotDense(vectors[d]!, centres[current]!);
        own[d] = bestSim - SLACK;
        upper[row + current] = bestSim + SLACK;
        if (own[d]! >= rival) continue;
      }
      for (let c = 0; c < kk; c++) {
        if (c === current || upper[row + c]! <= bestSim) continue;
        const sim = dotDense(vectors[d]!, centres[c]!);
        upper[row + c] = sim + SLACK;
        // ties go to the lower-numbered centre, as a plain pass in order would
        if (sim > bestSim || (sim === bestSim && c < best)) {
          bestSim = sim;
          best = c;
        }
      }
      if (assignment[d] !== best) moved++;
      assignment[d] = best;
      similarity[d] = bestSim;
      own[d] = bestSim - SLACK;
    }
    if (moved === 0) break;
    const before = centres.map((c) => c.slice());
    for (const c of centres) c.fill(0);
    for (let d = 0; d < n; d++) {
      const v = vectors[d]!;
      const c = centres[assignment[d]!]!;
      for (let i = 0; i < v.ids.length; i++) c[v.ids[i]!]! += v.weights[i]!;
    }
    const shift = centres.map((c, j) => {
      let norm = 0;
      for (const x of c) norm += x * x;
      norm = Math.sqrt(norm) || 1;
      let moved2 = 0;
      const old = before[j]!;
      for (let i = 0; i < c.length; i++) {
        c[i]! /= norm;
        moved2 += (c[i]! - old[i]!) ** 2;
      }
      return Math.sqrt(moved2);
    });
    for (let d = 0; d < n; d++) {
      own[d] = own[d]! - shift[assignment[d]!]!;
      for (let c = 0; c < kk; c++) upper[d * kk + c] = upper[d * kk + c]! + shift[c]!;
    }
  }
  // a document skipped in the last rounds still holds its similarity to an earlier place of its centre
  for (let d = 0; d < n; d++) if (assignment[d]! >= 0) similarity[d] = dotDense(vectors[d]!, centres[assignment[d]!]!);
  return { assignment, similarity, centres };
}
