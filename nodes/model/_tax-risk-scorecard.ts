import { fitLogistic, sigmoid, toSparse } from '../../runtime/ml/logistic.ts';
import { fitWoe, woeOf } from '../../runtime/ml/woe.ts';
import type { FeatureInfo } from './_tax-risk-features.ts';

export interface Scorecard {
  score: number[];
  grade: string[];
  /** Calibrated probability of an audit finding (supervised only). */
  probability: (number | null)[];
  reasons: (string | null)[][];
}

/** Grades on the 0–100 scale, where 50 is the base rate's odds and every 10 points double them. */
export function gradeOf(score: number): string {
  if (score < 30) return 'A';
  if (score < 45) return 'B';
  if (score < 55) return 'C';
  if (score < 70) return 'D';
  return 'E';
}

const clamp = (x: number) => Math.round(Math.min(100, Math.max(0, x)) * 10) / 10;

function fmt(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return String(Math.round(v * 1000) / 1000);
}

function reasonsOf(contrib: number[], info: FeatureInfo[], values: number[]): (string | null)[] {
  const top = contrib
    .map((c, j) => [c, j] as const)
    .filter(([c]) => c > 0)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, 3)
    .map(([, j]) => `${info[j]!.label.ko} ${fmt(values[j]!)} (${info[j]!.label.en})`);
  return [0, 1, 2].map((k) => top[k] ?? null);
}

/**
 * WoE-binned logistic scorecard. Points: 50 + 10·(logit − base logit)/ln 2 (10 points double the odds),
 * clamped to 0–100; reasons are the features whose β·WoE pushes the score up most.
 */
export function woeScorecard(
  columns: Float64Array[],
  info: FeatureInfo[],
  train: number[],
  y: number[],
  opts: { bins: number; l2: number; onIteration?: (it: number) => void },
): Scorecard {
  const n = columns[0]?.length ?? 0;
  const woes = columns.map((col) =>
    fitWoe(
      Float64Array.from(train, (i) => col[i]!),
      y,
      opts.bins,
    ),
  );
  const woeRow = (i: number) => columns.map((col, j) => woeOf(woes[j]!, col[i]!));
  const model = fitLogistic(toSparse(train.map(woeRow), columns.length), y, {
    l2: opts.l2,
    onIteration: opts.onIteration,
  });
  const rate = y.reduce((a, b) => a + b, 0) / y.length;
  const base = Math.log(rate / (1 - rate));
  const out: Scorecard = { score: [], grade: [], probability: [], reasons: [] };
  for (let i = 0; i < n; i++) {
    const contrib = woeRow(i).map((w, j) => model.coef[j]! * w);
    const logit = model.intercept + contrib.reduce((a, b) => a + b, 0);
    const score = clamp(50 + (10 * (logit - base)) / Math.LN2);
    out.score.push(score);
    out.grade.push(gradeOf(score));
    out.probability.push(sigmoid(logit));
    out.reasons.push(
      reasonsOf(
        contrib,
        info,
        columns.map((c) => c[i]!),
      ),
    );
  }
  return out;
}

function robustZ(col: Float64Array): Float64Array {
  const xs = Float64Array.from(col.filter((v) => Number.isFinite(v))).sort();
  const med = (a: Float64Array) => (a.length ? (a[(a.length - 1) >> 1]! + a[a.length >> 1]!) / 2 : 0);
  const m = med(xs);
  const dev = Float64Array.from(xs, (v) => Math.abs(v - m)).sort();
  const mean = dev.reduce((a, b) => a + b, 0) / Math.max(1, dev.length);
  const scale = 1.4826 * med(dev) || 1.2533 * mean;
  return Float64Array.from(col, (v) =>
    Number.isFinite(v) && scale > 0 ? Math.max(-5, Math.min(5, (v - m) / scale)) : 0,
  );
}

/**
 * Without audit labels: each directed feature's robust z (median/MAD, clipped to ±5, missing = 0) times
 * its risk direction, averaged; points = 50 + 10·composite / sd(composite), clamped to 0–100.
 */
export function zScorecard(columns: Float64Array[], info: FeatureInfo[]): Scorecard {
  const n = columns[0]?.length ?? 0;
  const used = info.map((f, j) => [f, j] as const).filter(([f]) => f.direction !== 0);
  const zs = columns.map((c, j) => (info[j]!.direction ? robustZ(c) : new Float64Array(c.length)));
  const contribs = Array.from({ length: n }, (_, i) => info.map((f, j) => f.direction * zs[j]![i]!));
  const comp = contribs.map((c) => c.reduce((a, b) => a + b, 0) / Math.max(1, used.length));
  const mean = comp.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const sd = Math.sqrt(comp.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n)) || 1;
  const out: Scorecard = { score: [], grade: [], probability: [], reasons: [] };
  for (let i = 0; i < n; i++) {
    const score = clamp(50 + (10 * comp[i]!) / sd);
    out.score.push(score);
    out.grade.push(gradeOf(score));
    out.probability.push(null);
    out.reasons.push(
      reasonsOf(
        contribs[i]!,
        info,
        columns.map((c) => c[i]!),
      ),
    );
  }
  return out;
}

/** Mid-rank percentile of each score within its peer group: 100 × (below + ties / 2) / group size. */
export function peerPercentile(score: number[], group: (string | null)[]): number[] {
  const byGroup = new Map<string, number[]>();
  group.forEach((g, i) => {
    const key = g ?? '';
    const list = byGroup.get(key) ?? [];
    list.push(score[i]!);
    byGroup.set(key, list);
  });
  return score.map((s, i) => {
    const peers = byGroup.get(group[i] ?? '')!;
    const below = peers.filter((p) => p < s).length;
    const ties = peers.filter((p) => p === s).length;
    return Math.round((1000 * (below + ties / 2)) / peers.length) / 10;
  });
}
