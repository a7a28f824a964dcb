import { permutation, rng } from './rng.ts';

/** k-means (k-means++ seeding, Lloyd iterations) on row-major points, deterministic for a seed. */
export interface KMeansResult {
  k: number;
  centroids: number[][];
  assignment: Int32Array;
  /** Mean silhouette on the sample it was measured on; NaN when k < 2. */
  silhouette: number;
}

function dist2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j]! - b[j]!) ** 2;
  return s;
}

export function nearest(centroids: number[][], x: ArrayLike<number>): number {
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  for (let c = 0; c < centroids.length; c++) {
    const d = dist2(centroids[c]!, x);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

export function kmeans(points: number[][], k: number, seed: number, iterations = 50): Omit<KMeansResult, 'silhouette'> {
  const random = rng(seed);
  const n = points.length;
  const kk = Math.min(k, n);
  const centroids: number[][] = [[...points[Math.floor(random() * n)]!]];
  const d = points.map((p) => dist2(p, centroids[0]!));
  while (centroids.length < kk) {
    const total = d.reduce((s, x) => s + x, 0);
    let r = random() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= d[i]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    centroids.push([...points[pick]!]);
    for (let i = 0; i < n; i++) d[i] = Math.min(d[i]!, dist2(points[i]!, centroids[centroids.length - 1]!));
  }
  const assignment = new Int32Array(n);
  const dims = points[0]?.length ?? 0;
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const c = nearest(centroids, points[i]!);
      if (c !== assignment[i] || it === 0) moved++;
      assignment[i] = c;
    }
    const sums = centroids.map(() => new Array<number>(dims).fill(0));
    const counts = new Array<number>(centroids.length).fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignment[i]!;
      counts[c]!++;
      for (let j = 0; j < dims; j++) sums[c]![j]! += points[i]![j]!;
    }
    for (let c = 0; c < centroids.length; c++) {
      if (counts[c]) centroids[c] = sums[c]!.map((s) => s / counts[c]!);
    }
    if (moved === 0) break;
  }
  return { k: centroids.length, centroids, assignment };
}

/** Mean silhouette of up to `sampleSize` points (the full measure is quadratic). */
export function silhouette(
  points: number[][],
  assignment: Int32Array,
  k: number,
  seed: number,
  sampleSize = 1500,
): number {
  if (k < 2) return Number.NaN;
  const order = permutation(points.length, rng(seed));
  const sample = Array.from(order.subarray(0, Math.min(sampleSize, points.length)));
  let total = 0;
  let counted = 0;
  for (const i of sample) {
    const sum = new Array<number>(k).fill(0);
    const cnt = new Array<number>(k).fill(0);
    for (const j of sample) {
      if (i === j) continue;
      sum[assignment[j]!]! += Math.sqrt(dist2(points[i]!, points[j]!));
      cnt[assignment[j]!]!++;
    }
    const own = assignment[i]!;
    if (!cnt[own]) continue;
    const a = sum[own]! / cnt[own]!;
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && cnt[c]) b = Math.min(b, sum[c]! / cnt[c]!);
    if (!Number.isFinite(b)) continue;
    total += (b - a) / Math.max(a, b) || 0;
    counted++;
  }
  return counted ? total / counted : Number.NaN;
}

/** Tries k in [from, to] and keeps the best silhouette. */
export function kmeansBestK(
  points: number[][],
  from: number,
  to: number,
  seed: number,
  onStep?: (done: number, total: number) => void,
): KMeansResult {
  let best: KMeansResult | null = null;
  const upper = Math.min(to, points.length - 1);
  for (let k = Math.max(2, from); k <= upper; k++) {
    const r = kmeans(points, k, seed);
    const s = silhouette(points, r.assignment, r.k, seed);
    if (!best || s > best.silhouette) best = { ...r, silhouette: s };
    onStep?.(k - from + 1, upper - from + 1);
  }
  if (best) return best;
  const r = kmeans(points, Math.max(1, Math.min(from, points.length)), seed);
  return { ...r, silhouette: Number.NaN };
}

/** Median/IQR scaling per column, so one wide feature cannot dominate the distances. */
export function robustScale(points: number[][]): { scaled: number[][]; centre: number[]; spread: number[] } {
  const dims = points[0]?.length ?? 0;
  const centre: number[] = [];
  const spread: number[] = [];
  for (let j = 0; j < dims; j++) {
    const col = points.map((p) => p[j]!).sort((a, b) => a - b);
    const q = (f: number) => col[Math.min(col.length - 1, Math.floor(f * (col.length - 1)))]!;
    centre.push(q(0.5));
    spread.push(q(0.75) - q(0.25) || 1);
  }
  return { scaled: points.map((p) => p.map((v, j) => (v - centre[j]!) / spread[j]!)), centre, spread };
}
