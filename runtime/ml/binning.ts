/**
 * Quantile binning for histogram-based trees. Values are compared as float32 because the exported ONNX
 * tree ensemble does: a split `x <= threshold` uses the largest float32 value in the left bins as its
 * threshold, so the same rows go left in training, in JavaScript scoring and in onnxruntime.
 */
export interface FeatureBins {
  /** Ascending float32 upper edges; bin b holds values in (edges[b-1], edges[b]]; the last bin is open. */
  edges: Float32Array;
}

export const MAX_BINS = 255;

/** Missing values are replaced by this before binning and scoring, so they form the lowest bin. */
export const MISSING = -3.0e38;

export function fitBins(values: Float64Array, maxBins = MAX_BINS): FeatureBins {
  const sorted = Float32Array.from(values).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  if (distinct.length <= maxBins) return { edges: Float32Array.from(distinct.slice(0, -1)) };
  const edges: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / maxBins) - 1]!;
    if (edges.length === 0 || v > edges[edges.length - 1]!) edges.push(v);
  }
  if (edges[edges.length - 1] === sorted[sorted.length - 1]) edges.pop();
  return { edges: Float32Array.from(edges) };
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
