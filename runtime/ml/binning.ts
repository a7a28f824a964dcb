/**
 * Quantile binning for histogram-based trees. Values are compared as float32 because the exported ONNX
 * tree ensemble does. A split's threshold is the float32 midpoint between the largest value on its left
 * and the smallest on its right, so no training value (and no category's encoded rate or count, which
 * recur exactly at scoring) ever sits on a threshold where rounding could send it either way.
 */
export interface FeatureBins {
  /** Ascending float32 upper edges; bin b holds values in (edges[b-1], edges[b]]; the last bin is open. */
  edges: Float32Array;
  /** Split thresholds: cuts[b] lies strictly between edges[b] and the next larger training value. */
  cuts: Float32Array;
}

export const MAX_BINS = 255;

/** Missing values are replaced by this before binning and scoring, so they form the lowest bin. */
export const MISSING = -3.0e38;

export function fitBins(values: Float64Array, maxBins = MAX_BINS): FeatureBins {
  const sorted = Float32Array.from(values).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  let edges: number[];
  if (distinct.length <= maxBins) edges = distinct.slice(0, -1);
  else {
    edges = [];
    for (let b = 1; b < maxBins; b++) {
      const v = sorted[Math.floor((b * sorted.length) / maxBins) - 1]!;
      if (edges.length === 0 || v > edges[edges.length - 1]!) edges.push(v);
    }
    if (edges[edges.length - 1] === sorted[sorted.length - 1]) edges.pop();
  }
  const cuts = edges.map((e) => {
    const next = distinct[upperIndex(distinct, e)]!;
    const mid = Math.fround(e / 2 + next / 2);
    return mid > e && mid < next ? mid : e;
  });
  return { edges: Float32Array.from(edges), cuts: Float32Array.from(cuts) };
}

/** Index of the first element greater than `v` in an ascending array. */
function upperIndex(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bin index of one value: the first edge it does not exceed (binary search). */
export function binOf(bins: FeatureBins, value: number): number {
  const x = Math.fround(value);
  const { edges } = bins;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function binColumn(bins: FeatureBins, values: Float64Array): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = binOf(bins, values[i]!);
  return out;
}
