import { describe, expect, it } from 'vitest';
import { type GbdtModel, gbdtRaw, type Tree, trainGbdt } from './gbdt.ts';
import { rng } from './rng.ts';
import { treeShap } from './tree-shap.ts';

/** Small planted data: the label depends on features 0 and 1 (an interaction), feature 2 is noise. */
function planted(n: number) {
  const r = rng(11);
  const cols = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => r()));
  const y = Float64Array.from({ length: n }, (_, i) => (cols[0]![i]! > 0.6 && cols[1]![i]! > 0.3 ? 1 : 0));
  return { cols, y };
}

/**
 * The value the path-dependent TreeSHAP attributes: E[f(x) | features in S known], where a split on an
 * unknown feature sends the row down both branches weighted by their training cover.
 */
function conditional(tree: Tree, x: number[], known: Set<number>, node = 0): number {
  const f = tree.feature[node]!;
  if (f < 0) return tree.value[node]!;
  const l = tree.left[node]!;
  const r = tree.right[node]!;
  if (known.has(f)) return conditional(tree, x, known, Math.fround(x[f]!) <= tree.threshold[node]! ? l : r);
  const c = tree.cover!;
  return (c[l]! * conditional(tree, x, known, l) + c[r]! * conditional(tree, x, known, r)) / c[node]!;
}

/** Shapley values by enumerating every coalition (3 features: 8 subsets), independent of the fast algorithm. */
function bruteShapley(model: GbdtModel, x: number[]): number[] {
  const m = model.featureCount;
  const v = (s: Set<number>) => model.baseScore + model.trees.reduce((a, t) => a + conditional(t, x, s), 0);
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  return Array.from({ length: m }, (_, i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      const s = new Set([...Array(m).keys()].filter((j) => mask & (1 << j)));
      const w = (fact(s.size) * fact(m - s.size - 1)) / fact(m);
      phi += w * (v(new Set([...s, i])) - v(s));
    }
    return phi;
  });
}

describe('exact TreeSHAP', () => {
  const { cols, y } = planted(600);
  const model = trainGbdt(cols, y, { rounds: 25, maxLeaves: 8, minChildSamples: 10, subsample: 1, colsample: 1 });
  const rows = [0, 1, 2, 3, 4, 5].map((i) => cols.map((c) => c[i]!));

  it('base value plus contributions is the raw score of every row', () => {
    for (const x of rows) {
      const s = treeShap(model, x);
      const sum = s.values.reduce((a, b) => a + b, s.base);
      expect(sum).toBeCloseTo(gbdtRaw(model, x), 9);
    }
  });

  it('equals the Shapley values computed by enumerating every coalition', () => {
    for (const x of rows) {
      const fast = Array.from(treeShap(model, x).values);
      const slow = bruteShapley(model, x);
      for (const [j, v] of fast.entries()) expect(v).toBeCloseTo(slow[j]!, 9);
    }
  });

  it('gives the noise feature almost nothing and the planted ones the weight', () => {
    const x = [0.9, 0.9, 0.5];
    const s = treeShap(model, x).values;
    expect(s[0]).toBeGreaterThan(0.3);
    expect(s[1]).toBeGreaterThan(0.1);
    expect(Math.abs(s[2]!)).toBeLessThan(0.1 * Math.abs(s[0]!));
  });
});
