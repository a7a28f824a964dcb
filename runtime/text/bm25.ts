// BM25 retrieval over character n-grams (see char-ngrams.ts), plus TF-IDF vectors for document similarity.
//
// Build once from a list of documents, then query with any text: the best documents with their BM25 score and the
// n-grams that matched. The index is a packed inverted index (typed arrays), so 10,000 documents of a few hundred
// characters build in well under a second and a query touches only the postings of its own n-grams.
// Pure TypeScript: runs in Node and in the browser worker.
//
//   const index = Bm25Index.build([{ id: 'a', text: '냉동 강낭콩' }, { id: 'b', text: 'frozen peas' }]);
//   index.query('강낭콩 냉동한 것', 5)  // → [{ index: 0, id: 'a', score: 3.1, matched: [' 냉동', '강낭콩', …] }]
//   index.scores('강낭콩')               // → Float64Array with every document's score (for your own aggregation)
//   cosine(index.vector('강낭콩'), index.vector('냉동 강낭콩'))  // TF-IDF cosine similarity, 0–1
//   index.cosineScores('강낭콩')         // → every document's TF-IDF cosine with the text, through the index

import { type NgramOptions, ngramCounts } from './char-ngrams.ts';

/** One document to index: a caller-chosen id and its text. */
export interface TextDoc {
  readonly id: string;
  readonly text: string;
  /**
   * Optional: the text as parts (it is then their words together; `text` is not read). Documents that repeat the
   * same long part (a heading shared by hundreds of lines) build much faster, as each distinct part is cut once.
   */
  readonly parts?: readonly string[];
}

export interface Bm25Options extends NgramOptions {
  /** Term-frequency saturation (default 1.2). */
  readonly k1?: number;
  /** Length normalisation, 0 = none … 1 = full (default 0.75). */
  readonly b?: number;
}

/** One retrieved document. */
export interface Bm25Hit {
  /** Position of the document in the list it was built from. */
  readonly index: number;
  readonly id: string;
  /** BM25 score (≥ 0, unbounded; compare within one query). */
  readonly score: number;
  /** The query's n-grams that occur in this document, highest IDF first (as cut: word-boundary spaces kept). */
  readonly matched: string[];
}

/** A sparse vector: n-gram ids of this index and their weights, ids ascending. */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

export interface QueryOptions {
  /** Only documents for which this returns true are returned (e.g. the lines of one HS chapter). */
  readonly filter?: (index: number) => boolean;
}

export class Bm25Index {
  /** Number of documents. */
  readonly size: number;
  readonly ids: readonly string[];
  private readonly ngramOptions: NgramOptions;
  private readonly k1: number;
  private readonly b: number;
  private readonly termIds: Map<string, number>;
  private readonly terms: string[];
  /** Postings of term t: docs/tfs[offsets[t] … offsets[t+1]), docs ascending. */
  private readonly offsets: Int32Array;
  private readonly docs: Int32Array;
  private readonly tfs: Float32Array;
  private readonly docLengths: Float32Array;
  private readonly avgLength: number;

  private constructor(
    ids: string[],
    opts: Bm25Options,
    termIds: Map<string, number>,
    terms: string[],
    offsets: Int32Array,
    docs: Int32Array,
    tfs: Float32Array,
    docLengths: Float32Array,
  ) {
    this.size = ids.length;
    this.ids = ids;
    this.ngramOptions = { min: opts.min, max: opts.max, wordBounded: opts.wordBounded };
    this.k1 = opts.k1 ?? 1.2;
    this.b = opts.b ?? 0.75;
    this.termIds = termIds;
    this.terms = terms;
    this.offsets = offsets;
    this.docs = docs;
    this.tfs = tfs;
    this.docLengths = docLengths;
    let total = 0;
    for (const l of docLengths) total += l;
    this.avgLength = ids.length > 0 ? total / ids.length || 1 : 1;
  }

  /** Indexes `docs` (their order gives each hit's `index`). */
  static build(docs: readonly TextDoc[], options: Bm25Options = {}): Bm25Index {
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    // One flat list of (term, doc, tf) triples, then a counting sort by term: far cheaper than an array per term.
    let tripleTerms = new Int32Array(1 << 16);
    let tripleTfs = new Float32Array(1 << 16);
    let tripleDocs = new Int32Array(1 << 16);
    const docLengths = new Float32Array(docs.length);
    let count = 0;
    const idOf = (g: string) => {
      let t = termIds.get(g);
      if (t === undefined) {
        t = terms.length;
        termIds.set(g, t);
        terms.push(g);
      }
      return t;
    };
    // Each distinct part is cut once into (term id, count) arrays; a document adds up its parts' arrays in `acc`.
    const cutText = (text: string) => {
      const counts = ngramCounts(text, options);
      return { ids: Int32Array.from(counts.keys(), idOf), tfs: Float32Array.from(counts.values()) };
    };
    const partCache = new Map<string, { ids: Int32Array; tfs: Float32Array }>();
    const cut = (part: string) => {
      let c = partCache.get(part);
      if (!c) {
        c = cutText(part);
        partCache.set(part, c);
      }
      return c;
    };
    let acc = new Float32Array(1 << 16);
    const touched: number[] = [];
    docs.forEach((doc, d) => {
      touched.length = 0;
      for (const c of doc.parts ? doc.parts.map(cut) : [cutText(doc.text)]) {
        if (terms.length > acc.length) {
          const grown = new Float32Array(Math.max(terms.length, acc.length * 2));
          grown.set(acc);
          acc = grown;
        }
        for (let j = 0; j < c.ids.length; j++) {
          const t = c.ids[j]!;
          if (acc[t] === 0) touched.push(t);
          acc[t]! += c.tfs[j]!;
        }
      }
      let length = 0;
      for (const t of touched) {
        if (count === tripleTerms.length) {
          const grownTerms = new Int32Array(count * 2);
          grownTerms.set(tripleTerms);
          tripleTerms = grownTerms;
          const grownTfs = new Float32Array(count * 2);
          grownTfs.set(tripleTfs);
          tripleTfs = grownTfs;
          const grownDocs = new Int32Array(count * 2);
          grownDocs.set(tripleDocs);
          tripleDocs = grownDocs;
        }
        tripleTerms[count] = t;
        tripleTfs[count] = acc[t]!;
        tripleDocs[count] = d;
        count++;
        length += acc[t]!;
        acc[t] = 0;
      }
      docLengths[d] = length;
    });
    const offsets = new Int32Array(terms.length + 1);
    for (let i = 0; i < count; i++) offsets[tripleTerms[i]! + 1]!++;
    for (let t = 0; t < terms.length; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, terms.length);
    const packedDocs = new Int32Array(count);
    const packedTfs = new Float32Array(count);
    // Triples come in document order, so each term's postings come out ascending by document.
    for (let i = 0; i < count; i++) {
      const at = fill[tripleTerms[i]!]!++;
      packedDocs[at] = tripleDocs[i]!;
      packedTfs[at] = tripleTfs[i]!;
    }
    return new Bm25Index(
      docs.map((d) => d.id),
      options,
      termIds,
      terms,
      offsets,
      packedDocs,
      packedTfs,
      docLengths,
    );
  }

  /**
   * A new index whose documents are groups of this index's documents (`groupOf[d]` = the group of document d,
   * 0 … ids.length − 1): each n-gram counts in a group as often as in its most frequent member (the union of the
   * members' texts, one repeat per member not added up). Built from the postings, with no text cut again: e.g. HS
   * headings from their tariff lines.
   */
  grouped(groupOf: Int32Array, ids: readonly string[]): Bm25Index {
    const offsets = new Int32Array(this.terms.length + 1);
    const docs: number[] = [];
    const tfs: number[] = [];
    const docLengths = new Float32Array(ids.length);
    const best = new Float32Array(ids.length);
    const seen: number[] = [];
    for (let t = 0; t < this.terms.length; t++) {
      seen.length = 0;
      for (let p = this.offsets[t]!; p < this.offsets[t + 1]!; p++) {
        const g = groupOf[this.docs[p]!]!;
        if (best[g] === 0) seen.push(g);
        best[g] = Math.max(best[g]!, this.tfs[p]!);
      }
      seen.sort((a, b) => a - b);
      for (const g of seen) {
        docs.push(g);
        tfs.push(best[g]!);
        docLengths[g]! += best[g]!;
        best[g] = 0;
      }
      offsets[t + 1] = docs.length;
    }
    return new Bm25Index(
      [...ids],
      { ...this.ngramOptions, k1: this.k1, b: this.b },
      this.termIds,
      this.terms,
      offsets,
      Int32Array.from(docs),
      Float32Array.from(tfs),
      docLengths,
    );
  }

  /** Number of documents containing `ngram` (as cut, e.g. ' 냉동'). */
  documentFrequency(ngram: string): number {
    const t = this.termIds.get(ngram);
    return t === undefined ? 0 : this.offsets[t + 1]! - this.offsets[t]!;
  }

  /** BM25 inverse document frequency of `ngram`: ln(1 + (N − df + ½)/(df + ½)); an unseen n-gram gets the highest. */
  idf(ngram: string): number {
    return this.idfOf(this.documentFrequency(ngram));
  }

  private idfOf(df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The known n-gram ids of `text` with their counts in the text. */
  private queryTerms(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const [g, qtf] of ngramCounts(text, this.ngramOptions)) {
      const t = this.termIds.get(g);
      if (t !== undefined) out.push([t, qtf]);
    }
    return out;
  }

  /** Every document's BM25 score for `text` (0 for documents sharing no n-gram). */
  scores(text: string): Float64Array {
    const out = new Float64Array(this.size);
    const { k1, b, avgLength } = this;
    for (const [t] of this.queryTerms(text)) {
      const start = this.offsets[t]!;
      const end = this.offsets[t + 1]!;
      const idf = this.idfOf(end - start);
      for (let p = start; p < end; p++) {
        const d = this.docs[p]!;
        const tf = this.tfs[p]!;
        out[d]! += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * this.docLengths[d]!) / avgLength));
      }
    }
    return out;
  }

  /**
   * Every document's TF-IDF cosine similarity with `text` (0–1; same weighting as `vector`), computed through the
   * inverted index: far faster than comparing `vector(text)` with each `documentVector`. Short documents that the
   * text covers well score high, where BM25 favours documents sharing many n-grams.
   */
  cosineScores(text: string): Float64Array {
    const norms = this.documentNorms();
    const query = this.vector(text);
    const out = new Float64Array(this.size);
    for (let q = 0; q < query.ids.length; q++) {
      const t = query.ids[q]!;
      const start = this.offsets[t]!;
      const end = this.offsets[t + 1]!;
      const w = query.weights[q]! * this.idfOf(end - start);
      for (let p = start; p < end; p++) out[this.docs[p]!]! += w * (1 + Math.log(this.tfs[p]!));
    }
    for (let d = 0; d < out.length; d++) out[d] = norms[d]! > 0 ? out[d]! / norms[d]! : 0;
    return out;
  }

  private norms: Float64Array | undefined;

  /** Each document's TF-IDF vector length (built on first use). */
  private documentNorms(): Float64Array {
    if (this.norms) return this.norms;
    const norms = new Float64Array(this.size);
    for (let t = 0; t < this.terms.length; t++) {
      const start = this.offsets[t]!;
      const end = this.offsets[t + 1]!;
      const idf = this.idfOf(end - start);
      for (let p = start; p < end; p++) norms[this.docs[p]!]! += ((1 + Math.log(this.tfs[p]!)) * idf) ** 2;
    }
    this.norms = norms.map(Math.sqrt);
    return this.norms;
  }

  /** The `k` best documents for `text`, best first; documents sharing no n-gram with the text are never returned. */
  query(text: string, k = 10, options: QueryOptions = {}): Bm25Hit[] {
    const all = this.scores(text);
    const candidates: number[] = [];
    for (let d = 0; d < all.length; d++) {
      if (all[d]! > 0 && (options.filter === undefined || options.filter(d))) candidates.push(d);
    }
    candidates.sort((x, y) => all[y]! - all[x]! || x - y);
    return candidates.slice(0, k).map((d) => ({
      index: d,
      id: this.ids[d]!,
      score: all[d]!,
      matched: this.matchedNgrams(text, d),
    }));
  }

  /** The n-grams of `text` that occur in document `index`, highest IDF (rarest) first. */
  matchedNgrams(text: string, index: number): string[] {
    const found: Array<[string, number]> = [];
    for (const [t] of this.queryTerms(text)) {
      if (this.postingOf(t, index) >= 0) found.push([this.terms[t]!, this.offsets[t + 1]! - this.offsets[t]!]);
    }
    found.sort((x, y) => x[1] - y[1]);
    return found.map(([g]) => g);
  }

  /** Position of document `d` in term t's postings, or −1 (binary search: postings are ascending). */
  private postingOf(t: number, d: number): number {
    let lo = this.offsets[t]!;
    let hi = this.offsets[t + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.docs[mid]!;
      if (v === d) return mid;
      if (v < d) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The L2-normalised TF-IDF vector of `text` over this index's n-grams (sublinear tf: 1 + ln tf; idf as above).
   * N-grams the index has never seen are left out. Compare two with `cosine`.
   */
  vector(text: string): SparseVector {
    const entries = this.queryTerms(text).map(([t, tf]): [number, number] => [
      t,
      (1 + Math.log(tf)) * this.idfOf(this.offsets[t + 1]! - this.offsets[t]!),
    ]);
    entries.sort((x, y) => x[0] - y[0]);
    let norm = 0;
    for (const [, w] of entries) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    return {
      ids: Int32Array.from(entries, ([t]) => t),
      weights: Float64Array.from(entries, ([, w]) => w / norm),
    };
  }

  /** The TF-IDF vector of indexed document `index` (same weighting as `vector`). */
  documentVector(index: number): SparseVector {
    const forward = this.forwardIndex();
    const start = forward.offsets[index]!;
    const end = forward.offsets[index + 1]!;
    const ids = forward.terms.slice(start, end);
    const weights = new Float64Array(end - start);
    let norm = 0;
    for (let p = start; p < end; p++) {
      const t = forward.terms[p]!;
      const w = (1 + Math.log(forward.tfs[p]!)) * this.idfOf(this.offsets[t + 1]! - this.offsets[t]!);
      weights[p - start] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { ids, weights };
  }

  private forward: { offsets: Int32Array; terms: Int32Array; tfs: Float32Array } | undefined;

  /** Document → its n-grams (ids ascending), built from the postings on first use only. */
  private forwardIndex(): { offsets: Int32Array; terms: Int32Array; tfs: Float32Array } {
    if (this.forward) return this.forward;
    const offsets = new Int32Array(this.size + 1);
    for (const d of this.docs) offsets[d + 1]!++;
    for (let d = 0; d < this.size; d++) offsets[d + 1]! += offsets[d]!;
    const fill = offsets.slice(0, this.size);
    const terms = new Int32Array(this.docs.length);
    const tfs = new Float32Array(this.docs.length);
    for (let t = 0; t < this.terms.length; t++) {
      for (let p = this.offsets[t]!; p < this.offsets[t + 1]!; p++) {
        const d = this.docs[p]!;
        const at = fill[d]!++;
        terms[at] = t;
        tfs[at] = this.tfs[p]!;
      }
    }
    this.forward = { offsets, terms, tfs };
    return this.forward;
  }

  /** The n-gram text of a vector id (for showing a vector's heaviest n-grams as keywords). */
  ngramOf(id: number): string {
    return this.terms[id] ?? '';
  }
}

/** Cosine similarity of two L2-normalised sparse vectors (0 … 1 for non-negative weights). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}
