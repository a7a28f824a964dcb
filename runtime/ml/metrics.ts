/**
 * Ranking metrics of the KCS evaluation protocol. Rows are ranked by score, highest first; ties keep
 * input order, so a constant score selects the first rows (no hidden luck in the figures).
 */
export interface TopMetrics {
  k: number;
  selected: number;
  precision: number;
  recall: number;
  /** Share of all revenue (e.g. recovered duty) found in the selection; NaN without a revenue column. */
  revenue: number;
}

export function rankOrder(score: ArrayLike<number>): Uint32Array {
  const idx = Uint32Array.from({ length: score.length }, (_, i) => i);
  return idx.sort((a, b) => score[b]! - score[a]! || a - b);
}

/** k in percent (1 = top 1 %); at least one row is selected. */
export function topK(
  score: ArrayLike<number>,
  label: ArrayLike<number>,
  ks: number[],
  revenue?: ArrayLike<number>,
): TopMetrics[] {
  const order = rankOrder(score);
  const n = order.length;
  let positives = 0;
  let revenueTotal = 0;
  for (let i = 0; i < n; i++) {
    positives += label[i]! > 0 ? 1 : 0;
    revenueTotal += revenue ? revenue[i]! || 0 : 0;
  }
  return ks.map((k) => {
    const selected = Math.max(1, Math.floor((n * k) / 100));
    let hits = 0;
    let rev = 0;
    for (let t = 0; t < selected && t < n; t++) {
      const i = order[t]!;
      hits += label[i]! > 0 ? 1 : 0;
      rev += revenue ? revenue[i]! || 0 : 0;
    }
    return {
      k,
      selected,
      precision: hits / selected,
      recall: positives ? hits / positives : Number.NaN,
      revenue: revenue && revenueTotal ? rev / revenueTotal : Number.NaN,
    };
  });
}

/** Area under the ROC curve by the rank-sum (Mann–Whitney) formula, ties counted as half. */
export function auc(score: ArrayLike<number>, label: ArrayLike<number>): number {
  const idx = Uint32Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[a]! - score[b]!);
  let rankSum = 0;
  let pos = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && score[idx[j + 1]!] === score[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) {
      if (label[idx[t]!]! > 0) {
        rankSum += avgRank;
        pos++;
      }
    }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (!pos || !neg) return Number.NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
