import { kmeans, kmeansBestK, nearest, robustScale } from './kmeans.ts';

/**
 * Clusters risk profiles (one row of features per key, with inspection counts) and rates each cluster
 * by its members' hits: the KCS "AI clearance screening, 1st" model without its SQL plumbing.
 */
export interface RiskProfile {
  rows: number;
  inspected: number;
  hits: number;
  /** Raw features; with a label the smoothed hit rate is inserted as the second one. */
  features: number[];
}

export interface ClusterModel {
  prior: number;
  smoothing: number;
  centroids: number[][];
  centre: number[];
  spread: number[];
  /** Median of each raw feature over the history: fills a missing feature. */
  fill: number[];
  silhouette: number;
  clusters: {
    rate: number;
    lift: number;
    grade: string;
    profiles: number;
    rows: number;
    inspected: number;
    hits: number;
  }[];
}

const GRADES = ['A', 'B', 'C', 'D', 'E'];

/** With a label, the smoothed hit rate goes in as the second feature. */
function withRate(p: RiskProfile, prior: number, m: number, hasLabel: boolean): number[] {
  if (!hasLabel) return p.features;
  const [first, ...rest] = p.features;
  return [first!, (p.hits + prior * m) / (p.inspected + m), ...rest];
}

export function fitClusters(
  history: RiskProfile[],
  hasLabel: boolean,
  k: number,
  smoothing: number,
  seed: number,
  onStep?: (f: number) => void,
): { model: ClusterModel; assignment: Int32Array } {
  const inspected = history.reduce((s, p) => s + p.inspected, 0);
  const prior = inspected ? history.reduce((s, p) => s + p.hits, 0) / inspected : 0;
  const raw = history.map((p) => withRate(p, prior, smoothing, hasLabel));
  const dims = raw[0]?.length ?? 0;
  const fill = Array.from({ length: dims }, (_, j) => {
    const col = raw
      .map((r) => r[j]!)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    return col.length ? col[Math.floor(col.length / 2)]! : 0;
  });
  const filled = raw.map((r) => r.map((v, j) => (Number.isFinite(v) ? v : fill[j]!)));
  const { scaled, centre, spread } = robustScale(filled);
  const fit =
    k > 0
      ? { ...kmeans(scaled, k, seed), silhouette: Number.NaN }
      : kmeansBestK(scaled, 5, 20, seed, (d, t) => onStep?.(d / t));
  const stats = fit.centroids.map(() => ({ profiles: 0, rows: 0, inspected: 0, hits: 0 }));
  history.forEach((p, i) => {
    const c = stats[fit.assignment[i]!]!;
    c.profiles++;
    c.rows += p.rows;
    c.inspected += p.inspected;
    c.hits += p.hits;
  });
  const rates = stats.map((c) => (c.hits + prior * smoothing) / (c.inspected + smoothing));
  const order = rates.map((r, c) => ({ r, c })).sort((a, b) => a.r - b.r || a.c - b.c);
  const grade = new Array<string>(rates.length);
  order.forEach(({ c }, rank) => {
    // Spread ranks over A–E so the lowest-rate cluster is A and the highest E, whatever k is.
    grade[c] = GRADES[rates.length > 1 ? Math.round((rank * 4) / (rates.length - 1)) : 2]!;
  });
  const clusters = stats.map((c, i) => ({
    ...c,
    rate: rates[i]!,
    lift: prior ? rates[i]! / prior : Number.NaN,
    grade: grade[i]!,
  }));
  return {
    model: { prior, smoothing, centroids: fit.centroids, centre, spread, fill, silhouette: fit.silhouette, clusters },
    assignment: fit.assignment,
  };
}

/** Cluster of a profile never seen in the history: its own features with the overall hit rate. */
export function assignUnseen(model: ClusterModel, p: RiskProfile, hasLabel: boolean): number {
  const raw = withRate({ ...p, hits: 0, inspected: 0 }, model.prior, model.smoothing, hasLabel);
  const x = raw.map((v, j) => ((Number.isFinite(v) ? v : model.fill[j]!) - model.centre[j]!) / model.spread[j]!);
  return nearest(model.centroids, x);
}
