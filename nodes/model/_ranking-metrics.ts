/** Top-k ranking metrics for recommenders, averaged over users with at least one held-out item. */

export interface RankingScores {
  precision: number;
  recall: number;
  ndcg: number;
  users: number;
}

/**
 * `ranked`: each user's recommended items, best first; `relevant`: each user's held-out items. Users without
 * held-out items are skipped; a user with relevant items but no recommendation counts as 0.
 */
export function rankingAtK(
  ranked: Map<string, readonly string[]>,
  relevant: Map<string, ReadonlySet<string>>,
  k: number,
): RankingScores {
  let precision = 0;
  let recall = 0;
  let ndcg = 0;
  let users = 0;
  for (const [user, truth] of relevant) {
    if (truth.size === 0) continue;
    users++;
    const top = (ranked.get(user) ?? []).slice(0, k);
    let hits = 0;
    let dcg = 0;
    top.forEach((item, i) => {
      if (truth.has(item)) {
        hits++;
        dcg += 1 / Math.log2(i + 2);
      }
    });
    let ideal = 0;
    for (let i = 0; i < Math.min(k, truth.size); i++) ideal += 1 / Math.log2(i + 2);
    precision += hits / k;
    recall += hits / truth.size;
    ndcg += dcg / ideal;
  }
  const d = Math.max(1, users);
  return { precision: precision / d, recall: recall / d, ndcg: ndcg / d, users };
}
