// The trained half of HS code prediction: a hierarchical linear classifier, chapter (HS2) then heading (HS4)
// within the chapter, over hashed character 2–4-grams (the same n-grams as the retrieval, no Korean morphology).
//
// Why a classifier next to retrieval: retrieval scores each tariff text on its own; the classifier learns, from
// every line of the nomenclature and its recombined paths and English texts, which n-grams tell one chapter or
// heading from its neighbours (e.g. "냉동" says little, "새우" says Ch. 3 or 16). P(heading) = P(chapter) ×
// P(heading | chapter). Trained by `npm run train:hs` (bench/hs-train.ts); the weights ship pruned and quantised in
// _hs-data/hs-classifier.json and are loaded lazily like the nomenclature.

import { ngramCounts } from '../../runtime/text/char-ngrams.ts';

/** Hashed feature space: 2^18 buckets (fewer collisions than 2^16 among the ≈ 150,000 n-grams of the tariff). */
export const FEATURE_BITS = 18;
const DIM = 1 << FEATURE_BITS;

/** A sparse feature vector: bucket ids (ascending) and L2-normalised sublinear term frequencies. */
export interface Features {
  readonly ids: Int32Array;
  readonly values: Float32Array;
}

/** FNV-1a of the n-gram's UTF-16 code units, cut to the feature space. */
function bucket(ngram: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < ngram.length; i++) {
    h ^= ngram.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (DIM - 1);
}

/** The text's hashed char 2–4-grams, 1 + log(tf) each, L2-normalised (so long descriptions weigh like short names). */
export function hashedFeatures(text: string): Features {
  const acc = new Map<number, number>();
  for (const [g, c] of ngramCounts(text, { min: 2, max: 4 })) {
    const b = bucket(g);
    acc.set(b, (acc.get(b) ?? 0) + 1 + Math.log(c));
  }
  const entries = [...acc.entries()].sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return {
    ids: Int32Array.from(entries, ([i]) => i),
    values: Float32Array.from(entries, ([, v]) => v / norm),
  };
}

/**
 * The shipped classifier: per class, its strongest weights as packed int32 (bucket id × 256 + int8 weight + 128),
 * base64, with one scale per class; a bias per class. `chapters` are 2-digit codes, `headings` 4-digit codes.
 */
export interface HsClassifierAsset {
  readonly note: string;
  readonly kind: 'softmax' | 'complement-nb';
  readonly featureBits: number;
  readonly chapters: string[];
  readonly headings: string[];
  readonly chapter: PackedLinear;
  readonly heading: PackedLinear;
}

export interface PackedLinear {
  /** Per class: how many packed entries it has (they follow one another in `weights`). */
  readonly counts: number[];
  readonly scales: number[];
  readonly bias: number[];
  readonly weights: string;
}

/**
 * A linear model as feature → (class, weight) postings, in flat arrays (offsets per bucket, then classes and
 * weights): a query touches only its own n-grams' classes, and loading is two passes over the packed weights.
 */
class LinearScorer {
  private readonly offsets = new Int32Array(DIM + 1);
  private readonly classes: Int32Array;
  private readonly weights: Float32Array;
  private readonly bias: Float64Array;

  constructor(packed: PackedLinear) {
    const bytes = decodeBase64(packed.weights);
    const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    for (const word of words) this.offsets[(word >>> 8) + 1]!++;
    for (let i = 0; i < DIM; i++) this.offsets[i + 1]! += this.offsets[i]!;
    const fill = this.offsets.slice(0, DIM);
    this.classes = new Int32Array(words.length);
    this.weights = new Float32Array(words.length);
    let at = 0;
    packed.counts.forEach((n, c) => {
      const scale = packed.scales[c]!;
      for (let k = 0; k < n; k++, at++) {
        const word = words[at]!;
        const slot = fill[word >>> 8]!++;
        this.classes[slot] = c;
        this.weights[slot] = ((word & 0xff) - 128) * scale;
      }
    });
    this.bias = Float64Array.from(packed.bias);
  }

  scores(x: Features): Float64Array {
    const s = Float64Array.from(this.bias);
    for (let j = 0; j < x.ids.length; j++) {
      const id = x.ids[j]!;
      const v = x.values[j]!;
      for (let k = this.offsets[id]!; k < this.offsets[id + 1]!; k++)
        s[this.classes[k]!] = s[this.classes[k]!]! + v * this.weights[k]!;
    }
    return s;
  }
}

function decodeBase64(text: string): Uint8Array {
  // atob exists in Node ≥ 16 and every browser: one code path for both
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** Softmax in place over `idx` of `s` (the others untouched); returns nothing, writes probabilities into `out`. */
function softmaxOver(s: Float64Array, idx: readonly number[], out: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const i of idx) max = Math.max(max, s[i]!);
  let total = 0;
  for (const i of idx) {
    out[i] = Math.exp(s[i]! - max);
    total += out[i]!;
  }
  for (const i of idx) out[i] = out[i]! / total;
}

/** Chapter and heading probabilities for one text. */
export interface HsClassProbabilities {
  /** By position in `chapters`. */
  readonly chapter: Float64Array;
  /** By position in `headings`: P(chapter) × P(heading | chapter). */
  readonly heading: Float64Array;
}

export class HsClassifier {
  readonly chapters: string[];
  readonly headings: string[];
  private readonly chapterModel: LinearScorer;
  private readonly headingModel: LinearScorer;
  /** Per chapter: its headings' positions. Per heading: its chapter's position. */
  private readonly headingsOf: number[][];
  private readonly chapterOf: Int32Array;

  constructor(readonly asset: HsClassifierAsset) {
    if (asset.featureBits !== FEATURE_BITS) throw new Error('HS classifier file built for another feature space');
    this.chapters = asset.chapters;
    this.headings = asset.headings;
    this.chapterModel = new LinearScorer(asset.chapter);
    this.headingModel = new LinearScorer(asset.heading);
    const at2 = new Map(asset.chapters.map((c, i) => [c, i]));
    this.chapterOf = Int32Array.from(asset.headings, (h) => at2.get(h.slice(0, 2)) ?? -1);
    this.headingsOf = asset.chapters.map(() => []);
    this.chapterOf.forEach((c, h) => {
      if (c >= 0) this.headingsOf[c]!.push(h);
    });
  }

  predict(text: string): HsClassProbabilities {
    const x = hashedFeatures(text);
    const chapter = new Float64Array(this.chapters.length);
    softmaxOver(
      this.chapterModel.scores(x),
      this.chapters.map((_, i) => i),
      chapter,
    );
    const s4 = this.headingModel.scores(x);
    const within = new Float64Array(this.headings.length);
    for (const hs of this.headingsOf) if (hs.length > 0) softmaxOver(s4, hs, within);
    const heading = within.map((p, h) => p * (chapter[this.chapterOf[h]!] ?? 0));
    return { chapter, heading };
  }
}
