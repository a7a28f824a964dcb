/**
 * Weight-of-evidence binning for scorecards. Oriented to risk: WoE = ln(share of bads / share of goods),
 * so a bin where audits found more problems has a positive WoE and a positive logistic coefficient
 * makes the score rise with it. Counts are smoothed by `smoothing` per bin so an empty cell stays finite.
 */
export interface WoeBins {
  /** Ascending upper edges: bin b holds values ≤ edges[b] (and > edges[b-1]); the last bin is open. */
  edges: number[];
  woe: number[];
  /** WoE of missing values (NaN); 0 (neutral) when training had none. */
  missingWoe: number;
  /** Goods and bads per bin, missing last when present. */
  goods: number[];
  bads: number[];
  /** Information value Σ (bad share − good share)·WoE. */
  iv: number;
}

/** Equal-frequency cut points over the non-missing values, at most maxBins − 1 of them. */
export function quantileEdges(values: Float64Array, maxBins: number): number[] {
  const sorted = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
  const edges: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const v = sorted[Math.ceil((b * sorted.length) / maxBins) - 1];
    if (v !== undefined && (edges.length === 0 || v > edges[edges.length - 1]!)) edges.push(v);
  }
  // An edge at the maximum would leave the last bin empty.
  if (edges.length && edges[edges.length - 1] === sorted[sorted.length - 1]) edges.pop();
  return edges;
}

export function binIndex(edges: number[], value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function fitWoe(values: Float64Array, label: ArrayLike<number>, maxBins = 5, smoothing = 0.5): WoeBins {
  const edges = quantileEdges(values, maxBins);
  const k = edges.length + 1;
  const goods = new Array<number>(k + 1).fill(0);
  const bads = new Array<number>(k + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = Number.isNaN(values[i]!) ? k : binIndex(edges, values[i]!);
    if (label[i]! > 0) bads[b]!++;
    else goods[b]!++;
  }
  const hasMissing = goods[k]! + bads[k]! > 0;
  if (!hasMissing) {
    goods.pop();
    bads.pop();
  }
  const cells = goods.length;
  const G = goods.reduce((a, b) => a + b, 0) + smoothing * cells;
  const B = bads.reduce((a, b) => a + b, 0) + smoothing * cells;
  const woeAll = goods.map((g, b) => Math.log((bads[b]! + smoothing) / B / ((g + smoothing) / G)));
  const iv = woeAll.reduce((s, w, b) => s + ((bads[b]! + smoothing) / B - (goods[b]! + smoothing) / G) * w, 0);
  return {
    edges,
    woe: woeAll.slice(0, k),
    missingWoe: hasMissing ? woeAll[k]! : 0,
    goods,
    bads,
    iv,
  };
}

export function woeOf(bins: WoeBins, value: number): number {
  return Number.isNaN(value) ? bins.missingWoe : bins.woe[binIndex(bins.edges, value)]!;
}
