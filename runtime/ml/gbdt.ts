import { binColumn, type FeatureBins, fitBins, MAX_BINS } from './binning.ts';
import { rng } from './rng.ts';

/**
 * Histogram-based gradient-boosted trees for a binary label (log loss), grown leaf-wise like LightGBM.
 * Plain TypeScript, deterministic for a seed; exported to ONNX by `onnx-export.ts`.
 */
export interface GbdtOptions {
  rounds: number;
  learningRate: number;
  maxLeaves: number;
  maxDepth: number;
  minChildSamples: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Share of rows sampled per tree (bagging). */
  subsample: number;
  /** Share of features offered per tree. */
  colsample: number;
  seed: number;
  /**
   * Per-row weight of the loss (DATE-style revenue weighting: a fraud with more duty at stake counts
   * more). Gradients, hessians and the starting score are weighted; absent = every row 1.
   */
  weight?: Float64Array;
}

export const GBDT_DEFAULTS: GbdtOptions = {
  rounds: 300,
  learningRate: 0.05,
  maxLeaves: 31,
  maxDepth: 8,
  minChildSamples: 20,
  lambda: 1,
  subsample: 0.8,
  colsample: 0.8,
  seed: 42,
};

/** A tree as flat nodes; a leaf has feature -1. Splits send `x <= threshold` left. */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
  /** Training rows (of the tree's sample) that reached each node: what exact TreeSHAP weighs paths by. */
  cover?: number[];
}

export interface GbdtModel {
  kind: 'gbdt';
  baseScore: number;
  trees: Tree[];
  featureCount: number;
  /** Total split gain per feature: a global importance. */
  gain: number[];
  /** With a validation set: the round count with the lowest held-out log loss (trees beyond it are dropped). */
  bestRound?: number;
}

/** Held-out rows watched while training: training stops when their log loss stops improving. */
export interface Validation {
  columns: Float64Array[];
  label: Float64Array;
  /** Weights of the held-out rows' log loss (the same weighting as training). */
  weight?: Float64Array;
  /** Rounds without improvement before stopping. */
  patience: number;
}

export interface TrainHooks {
  /** Called after each round with the round number (1-based); return false to stop. */
  onRound?(round: number): boolean | undefined;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  hist: Float64Array;
  best: Split | null;
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
  gl: number;
  hl: number;
}

const STRIDE = MAX_BINS + 1;

export function trainGbdt(
  columns: Float64Array[],
  label: Float64Array,
  options: Partial<GbdtOptions> = {},
  hooks: TrainHooks = {},
  valid?: Validation,
): GbdtModel {
  const o = { ...GBDT_DEFAULTS, ...options };
  const w = o.weight;
  const watch = valid ? watcher(valid, baseOf(label, w)) : null;
  const n = label.length;
  const f = columns.length;
  const bins: FeatureBins[] = columns.map((c) => fitBins(c));
  const binned = columns.map((c, j) => binColumn(bins[j]!, c));
  // Row-major copy for histograms: one row's bins are adjacent, so each row is read once per histogram.
  const rowMajor = new Uint8Array(n * f);
  for (let j = 0; j < f; j++) {
    const col = binned[j]!;
    for (let i = 0; i < n; i++) rowMajor[i * f + j] = col[i]!;
  }
  const random = rng(o.seed);
  const baseScore = baseOf(label, w);
  const raw = new Float64Array(n).fill(baseScore);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const trees: Tree[] = [];
  const gain = new Array<number>(f).fill(0);
  const rows = new Uint32Array(n);

  for (let round = 1; round <= o.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-raw[i]!));
      const wi = w ? w[i]! : 1;
      grad[i] = (p - label[i]!) * wi;
      hess[i] = Math.max(p * (1 - p) * wi, 1e-12);
    }
    let m = 0;
    for (let i = 0; i < n; i++) if (o.subsample >= 1 || random() < o.subsample) rows[m++] = i;
    const allowed = columns.map(() => o.colsample >= 1 || random() < o.colsample);
    if (!allowed.some(Boolean)) allowed[Math.floor(random() * f)] = true;
    const tree = growTree(binned, rowMajor, bins, rows.subarray(0, m), grad, hess, allowed, o, gain);
    trees.push(tree);
    for (let i = 0; i < n; i++) raw[i] = raw[i]! + leafValueBinned(tree, binned, i);
    if (hooks.onRound?.(round) === false) break;
    if (watch?.add(tree, round) === 'stop') break;
  }
  if (watch)
    return { kind: 'gbdt', baseScore, trees: trees.slice(0, watch.best), featureCount: f, gain, bestRound: watch.best };
  return { kind: 'gbdt', baseScore, trees, featureCount: f, gain };
}

/** Log-odds of the (weighted) share of positives: every tree starts from it. */
function baseOf(label: Float64Array, weight?: Float64Array): number {
  let positives = 0;
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const wi = weight ? weight[i]! : 1;
    positives += label[i]! * wi;
    total += wi;
  }
  const prior = Math.min(Math.max(positives / Math.max(total, 1e-12), 1e-6), 1 - 1e-6);
  return Math.log(prior / (1 - prior));
}

/** Tracks the held-out log loss tree by tree (each tree adds its leaf value to the rows' raw scores). */
function watcher(v: Validation, base: number) {
  const n = v.label.length;
  const raw = new Float64Array(n).fill(base);
  const x = new Float64Array(v.columns.length);
  let best = 0;
  let bestLoss = Number.POSITIVE_INFINITY;
  return {
    get best() {
      return best;
    },
    add(tree: Tree, round: number): 'go' | 'stop' {
      let loss = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < x.length; j++) x[j] = v.columns[j]![i]!;
        raw[i] = raw[i]! + leafOf(tree, x);
        const p = 1 / (1 + Math.exp(-raw[i]!));
        const wi = v.weight ? v.weight[i]! : 1;
        loss -= wi * (v.label[i]! > 0 ? Math.log(Math.max(p, 1e-15)) : Math.log(Math.max(1 - p, 1e-15)));
      }
      if (clearlyAbove(bestLoss, loss)) {
        bestLoss = loss;
        best = round;
      }
      return round - best >= v.patience ? 'stop' : 'go';
    },
  };
}

function leafOf(tree: Tree, x: ArrayLike<number>): number {
  let k = 0;
  while (tree.feature[k]! >= 0)
    k = Math.fround(x[tree.feature[k]!]!) <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
  return tree.value[k]!;
}

function growTree(
  binned: Uint8Array[],
  rowMajor: Uint8Array,
  bins: FeatureBins[],
  rows: Uint32Array,
  grad: Float64Array,
  hess: Float64Array,
  allowed: boolean[],
  o: GbdtOptions,
  gain: number[],
): Tree & { splitBin: number[]; cover: number[] } {
  const features = Int32Array.from(allowed.flatMap((a, j) => (a ? [j] : [])));
  const tree = {
    feature: [-1],
    threshold: [0],
    left: [-1],
    right: [-1],
    value: [0],
    splitBin: [-1],
    cover: [rows.length],
  };
  const root: Leaf = {
    node: 0,
    start: 0,
    end: rows.length,
    depth: 0,
    hist: histogram(rowMajor, binned.length, rows, 0, rows.length, grad, hess, features),
    best: null,
  };
  root.best = bestSplit(root.hist, binned.length, bins, allowed, o);
  const leaves: Leaf[] = [root];
  while (leaves.length < o.maxLeaves) {
    let pick = -1;
    for (let k = 0; k < leaves.length; k++) {
      const b = leaves[k]!.best;
      if (b && (pick < 0 || clearlyAbove(b.gain, leaves[pick]!.best!.gain))) pick = k;
    }
    if (pick < 0) break;
    const leaf = leaves[pick]!;
    const s = leaf.best!;
    gain[s.feature] = (gain[s.feature] ?? 0) + s.gain;
    const col = binned[s.feature]!;
    let mid = leaf.start;
    for (let i = leaf.start; i < leaf.end; i++) {
      const r = rows[i]!;
      if (col[r]! <= s.bin) {
        rows[i] = rows[mid]!;
        rows[mid++] = r;
      }
    }
    const leftId = tree.feature.length;
    for (const _ of [0, 1]) {
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(0);
      tree.splitBin.push(-1);
    }
    tree.cover.push(mid - leaf.start, leaf.end - mid);
    tree.feature[leaf.node] = s.feature;
    tree.threshold[leaf.node] = bins[s.feature]!.cuts[s.bin]!;
    tree.splitBin[leaf.node] = s.bin;
    tree.left[leaf.node] = leftId;
    tree.right[leaf.node] = leftId + 1;
    const leftSmaller = mid - leaf.start <= leaf.end - mid;
    const small = leftSmaller ? [leaf.start, mid] : [mid, leaf.end];
    const smallHist = histogram(rowMajor, binned.length, rows, small[0]!, small[1]!, grad, hess, features);
    const bigHist = leaf.hist;
    for (let k = 0; k < bigHist.length; k++) bigHist[k] = bigHist[k]! - smallHist[k]!;
    const lHist = leftSmaller ? smallHist : bigHist;
    const rHist = leftSmaller ? bigHist : smallHist;
    const depth = leaf.depth + 1;
    const children: Leaf[] = [
      { node: leftId, start: leaf.start, end: mid, depth, hist: lHist, best: null },
      { node: leftId + 1, start: mid, end: leaf.end, depth, hist: rHist, best: null },
    ];
    for (const c of children) c.best = depth < o.maxDepth ? bestSplit(c.hist, binned.length, bins, allowed, o) : null;
    leaves.splice(pick, 1, ...children);
  }
  for (const leaf of leaves) {
    let g = 0;
    let h = 0;
    for (let i = leaf.start; i < leaf.end; i++) {
      g += grad[rows[i]!]!;
      h += hess[rows[i]!]!;
    }
    tree.value[leaf.node] = (-g / (h + o.lambda)) * o.learningRate;
  }
  return tree;
}

/** Per feature and bin: sum of gradients, sum of hessians, row count (interleaved). */
function histogram(
  rowMajor: Uint8Array,
  f: number,
  rows: Uint32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  features: Int32Array,
): Float64Array {
  const hist = new Float64Array(f * STRIDE * 3);
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const g = grad[r]!;
    const h = hess[r]!;
    const base = r * f;
    for (let t = 0; t < features.length; t++) {
      const j = features[t]!;
      const k = (j * STRIDE + rowMajor[base + j]!) * 3;
      hist[k] = hist[k]! + g;
      hist[k + 1] = hist[k + 1]! + h;
      hist[k + 2] = hist[k + 2]! + 1;
    }
  }
  return hist;
}

function bestSplit(
  hist: Float64Array,
  f: number,
  bins: FeatureBins[],
  allowed: boolean[],
  o: GbdtOptions,
): Split | null {
  let best: Split | null = null;
  for (let j = 0; j < f; j++) {
    if (!allowed[j]) continue;
    const nb = bins[j]!.edges.length + 1;
    if (nb < 2) continue;
    const base = j * STRIDE * 3;
    let g = 0;
    let h = 0;
    let c = 0;
    for (let b = 0; b < nb; b++) {
      g += hist[base + b * 3]!;
      h += hist[base + b * 3 + 1]!;
      c += hist[base + b * 3 + 2]!;
    }
    const parent = (g * g) / (h + o.lambda);
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let b = 0; b < nb - 1; b++) {
      gl += hist[base + b * 3]!;
      hl += hist[base + b * 3 + 1]!;
      cl += hist[base + b * 3 + 2]!;
      if (cl < o.minChildSamples) continue;
      if (c - cl < o.minChildSamples) break;
      const gr = g - gl;
      const hr = h - hl;
      const gainHere = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
      if (gainHere > 1e-9 && (!best || clearlyAbove(gainHere, best.gain)))
        best = { gain: gainHere, feature: j, bin: b, gl, hl };
    }
  }
  return best;
}

/**
 * Gains equal up to rounding (two features that split the rows the same way, such as a category's rate
 * and its count) go to the first candidate: the last bits of a sum differ between JavaScript engines,
 * and a tie must not be broken by them, or the studio and the server would train different trees.
 */
function clearlyAbove(gain: number, best: number): boolean {
  return gain > best + Math.abs(best) * 1e-9 + 1e-12;
}

function leafValueBinned(tree: Tree & { splitBin: number[] }, binned: Uint8Array[], row: number): number {
  let k = 0;
  while (tree.feature[k]! >= 0)
    k = binned[tree.feature[k]!]![row]! <= tree.splitBin[k]! ? tree.left[k]! : tree.right[k]!;
  return tree.value[k]!;
}

/** Raw score (log-odds) of one row of float features, comparing in float32 as ONNX does. */
export function gbdtRaw(model: GbdtModel, x: ArrayLike<number>, rounds = model.trees.length): number {
  let s = model.baseScore;
  for (let t = 0; t < rounds; t++) {
    const tree = model.trees[t]!;
    let k = 0;
    while (tree.feature[k]! >= 0)
      k = Math.fround(x[tree.feature[k]!]!) <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
    s += tree.value[k]!;
  }
  return s;
}

/** Probabilities for column-major features, optionally using only the first `rounds` trees. */
export function gbdtPredict(model: GbdtModel, columns: Float64Array[], rounds = model.trees.length): Float64Array {
  const n = columns[0]?.length ?? 0;
  const out = new Float64Array(n);
  const x = new Float64Array(columns.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) x[j] = columns[j]![i]!;
    out[i] = 1 / (1 + Math.exp(-gbdtRaw(model, x, rounds)));
  }
  return out;
}

/** Drops the bookkeeping only training needs, keeping the model JSON small. */
export function compactTrees(model: GbdtModel, rounds: number): GbdtModel {
  const trees = model.trees
    .slice(0, rounds)
    .map(({ feature, threshold, left, right, value, cover }) => ({ feature, threshold, left, right, value, cover }));
  return { ...model, trees };
}
