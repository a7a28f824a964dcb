import type { GbdtModel, Tree } from './gbdt.ts';

/**
 * Exact TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature attribution for tree
 * ensembles", Algorithm 2; the polynomial-time path bookkeeping of the `shap` package's tree_shap.h).
 * For one row it returns each feature's contribution to the raw score (log-odds) and the base value,
 * the cover-weighted mean raw score: base + Σ contributions = the raw score exactly.
 */
export interface ShapResult {
  base: number;
  values: Float64Array;
}

interface Path {
  feature: number[];
  zero: number[];
  one: number[];
  weight: number[];
}

function copyPath(p: Path, length: number): Path {
  return {
    feature: p.feature.slice(0, length),
    zero: p.zero.slice(0, length),
    one: p.one.slice(0, length),
    weight: p.weight.slice(0, length),
  };
}

function extend(p: Path, depth: number, zero: number, one: number, feature: number) {
  p.feature[depth] = feature;
  p.zero[depth] = zero;
  p.one[depth] = one;
  p.weight[depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[i + 1] = p.weight[i + 1]! + (one * p.weight[i]! * (i + 1)) / (depth + 1);
    p.weight[i] = (zero * p.weight[i]! * (depth - i)) / (depth + 1);
  }
}

function unwind(p: Path, depth: number, index: number) {
  const one = p.one[index]!;
  const zero = p.zero[index]!;
  let next = p.weight[depth]!;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[i]!;
      p.weight[i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (p.weight[i]! * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[i] = (p.weight[i]! * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[i] = p.feature[i + 1]!;
    p.zero[i] = p.zero[i + 1]!;
    p.one[i] = p.one[i + 1]!;
  }
}

function unwoundSum(p: Path, depth: number, index: number): number {
  const one = p.one[index]!;
  const zero = p.zero[index]!;
  let next = p.weight[depth]!;
  let total = 0;
  if (one !== 0) {
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = next / ((i + 1) * one);
      total += tmp;
      next = p.weight[i]! - tmp * zero * (depth - i);
    }
  } else {
    for (let i = depth - 1; i >= 0; i--) total += p.weight[i]! / (zero * (depth - i));
  }
  return total * (depth + 1);
}

function coverOf(tree: Tree, node: number): number {
  const c = tree.cover?.[node];
  if (c === undefined) throw new Error('the trees carry no node cover: retrain the model to explain it');
  return c;
}

function recurse(
  tree: Tree,
  x: ArrayLike<number>,
  phi: Float64Array,
  node: number,
  parent: Path,
  depth: number,
  zero: number,
  one: number,
  feature: number,
) {
  const p = copyPath(parent, depth + 1);
  extend(p, depth, zero, one, feature);
  const split = tree.feature[node]!;
  if (split < 0) {
    const v = tree.value[node]!;
    for (let i = 1; i <= depth; i++) {
      const w = unwoundSum(p, depth, i);
      phi[p.feature[i]!] = phi[p.feature[i]!]! + w * (p.one[i]! - p.zero[i]!) * v;
    }
    return;
  }
  // The branch this row takes (compared in float32, as the model scores) is "hot", the other "cold".
  const goesLeft = Math.fround(x[split]!) <= tree.threshold[node]!;
  const hot = goesLeft ? tree.left[node]! : tree.right[node]!;
  const cold = goesLeft ? tree.right[node]! : tree.left[node]!;
  const w = coverOf(tree, node);
  let inZero = 1;
  let inOne = 1;
  let d = depth;
  let k = 0;
  while (k <= d && p.feature[k] !== split) k++;
  if (k <= d) {
    inZero = p.zero[k]!;
    inOne = p.one[k]!;
    unwind(p, d, k);
    d -= 1;
  }
  recurse(tree, x, phi, hot, p, d + 1, (coverOf(tree, hot) / w) * inZero, inOne, split);
  recurse(tree, x, phi, cold, p, d + 1, (coverOf(tree, cold) / w) * inZero, 0, split);
}

/** Cover-weighted mean leaf value of a tree: its contribution when no feature is known. */
function expectedValue(tree: Tree, node = 0): number {
  if (tree.feature[node]! < 0) return tree.value[node]!;
  const w = coverOf(tree, node);
  const l = tree.left[node]!;
  const r = tree.right[node]!;
  return (coverOf(tree, l) * expectedValue(tree, l) + coverOf(tree, r) * expectedValue(tree, r)) / w;
}

/** Base values per model, computed once: Σ over trees of their expected value, plus the starting score. */
const bases = new WeakMap<GbdtModel, number>();

export function shapBase(model: GbdtModel): number {
  let b = bases.get(model);
  if (b === undefined) {
    b = model.baseScore + model.trees.reduce((s, t) => s + expectedValue(t), 0);
    bases.set(model, b);
  }
  return b;
}

/** Exact SHAP values of one row (float features in the model's order) on the raw (log-odds) score. */
export function treeShap(model: GbdtModel, x: ArrayLike<number>): ShapResult {
  const phi = new Float64Array(model.featureCount);
  const empty: Path = { feature: [], zero: [], one: [], weight: [] };
  for (const tree of model.trees) recurse(tree, x, phi, 0, empty, 0, 1, 1, -1);
  return { base: shapBase(model), values: phi };
}
