import { rankOrder } from '../../runtime/ml/metrics.ts';
import type { TrainedScreening } from '../../runtime/ml/screening.ts';

/**
 * Risk bands of one batch by rank: the top `focus` % high (focused control), the bottom `streamline` %
 * low (streamlined clearance), the rest medium. Ties keep input order.
 */
export function riskLevels(scores: number[], focus: number, streamline: number): string[] {
  const n = scores.length;
  const order = rankOrder(scores);
  const high = Math.ceil((n * focus) / 100);
  const low = Math.floor((n * streamline) / 100);
  const out = new Array<string>(n).fill('medium');
  order.forEach((row, rank) => {
    if (rank < high) out[row] = 'high';
    else if (rank >= n - low) out[row] = 'low';
  });
  return out;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');

/** One line the studio shows under the node: what was learnt, which learner won and by how much. */
export function screeningSummary(t: TrainedScreening, onnxBytes: number, k: number): string {
  const names = { gbdt: 'GBDT', mlp: 'MLP', ensemble: 'GBDT+MLP' } as const;
  const compared = t.report
    .map((r) => `${names[r.learner]} P@${k}% ${pct(r.precision)} AUC ${r.auc.toFixed(3)}`)
    .join(' · ');
  const top = t.importance
    .slice(0, 3)
    .map((i) => `${i.feature} ${pct(i.share)}`)
    .join(', ');
  return [
    `학습 ${t.trainedRows.toLocaleString('en-US')}건(적발률 ${pct(t.positiveRate)}), 선택: ${names[t.learner]}${t.trees ? ` (트리 ${t.trees}개)` : ''}`,
    compared ? `검증 구간 비교 · validation: ${compared}` : '',
    top ? `주요 특징 · top features: ${top}` : '',
    t.learner !== 'mlp' && t.importance.length === 0
      ? '어느 열도 적발과 비적발을 가르지 못해 모든 신고가 전체 적발률을 받습니다 · no column separates hits from non-hits: every declaration gets the overall rate'
      : '',
    `ONNX ${(onnxBytes / 1024).toFixed(0)} KB`,
  ]
    .filter(Boolean)
    .join(' | ');
}
