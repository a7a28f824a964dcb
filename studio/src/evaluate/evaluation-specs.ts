import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../../../runtime/schema/types.ts';
import type { Lang } from '../i18n/lang-store.ts';

type Label = { ko: string; en: string };

/** Words of the evaluation pictures and cards, Korean first (an officer's words, not the columns' names). */
export const EVAL_TEXT = {
  roc: { ko: 'ROC 곡선', en: 'ROC curve' },
  pr: { ko: '정밀도–재현율(PR) 곡선', en: 'Precision–recall curve' },
  atK: { ko: '상위 k% 선별 성과', en: 'Results in the top k%' },
  confusion: { ko: '혼동행렬', en: 'Confusion matrix' },
  fpr: { ko: '정상 중 선별 비율(위양성률)', en: 'False positive rate' },
  tpr: { ko: '적발 중 선별 비율(재현율)', en: 'True positive rate (recall)' },
  recall: { ko: '재현율', en: 'Recall' },
  precision: { ko: '적중률(정밀도)', en: 'Precision' },
  revenue: { ko: '추징세액 비율', en: 'Revenue share' },
  lift: { ko: '향상도', en: 'Lift' },
  auc: { ko: 'AUC (순위 정확도)', en: 'AUC' },
  topK: { ko: '상위 k% (선별 비율)', en: 'Top k% selected' },
  value: { ko: '값', en: 'Value' },
  metric: { ko: '지표', en: 'Metric' },
  actual: { ko: '실제', en: 'Actual' },
  predicted: { ko: '모델 판정', en: 'Model says' },
  count: { ko: '건수', en: 'Count' },
  fraud: { ko: '적발', en: 'Fraud' },
  clean: { ko: '정상', en: 'Clean' },
  selected: { ko: '선별', en: 'Selected' },
  passed: { ko: '통과', en: 'Passed' },
  random: { ko: '무작위 선별', en: 'Random' },
  rows: { ko: '평가 건수', en: 'Rows evaluated' },
  positives: { ko: '적발 건수', en: 'Frauds' },
  threshold: { ko: '임계값', en: 'threshold' },
  cutAtK: { ko: '상위 {k}% 선별 · 점수 ≥ {t}', en: 'top {k}% selected · score ≥ {t}' },
  loading: { ko: '평가 그림을 그리는 중…', en: 'Drawing the evaluation…' },
  noRows: { ko: '평가할 행이 없습니다 (점수와 정답이 모두 있는 행이 없음).', en: 'No rows to evaluate.' },
} satisfies Record<string, Label>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
// Four pictures side by side in the inspector (about 1,100 px wide at 1440).
const SIZE = { width: 190, height: 150 };
const PERCENT = { format: '.0%' };
const UNIT = { domain: [0, 1] };

/** ROC: the curve's points with the random-ranking diagonal under them. */
export function rocSpec(rows: Row[], lang: Lang): TopLevelSpec {
  const T = (l: Label) => l[lang];
  const points = rows.map((r) => ({ fpr: num(r.fpr), tpr: num(r.tpr) }));
  return {
    ...SIZE,
    title: T(EVAL_TEXT.roc),
    layer: [
      {
        data: {
          values: [
            { fpr: 0, tpr: 0 },
            { fpr: 1, tpr: 1 },
          ],
        },
        mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
        encoding: { x: { field: 'fpr', type: 'quantitative' }, y: { field: 'tpr', type: 'quantitative' } },
      },
      {
        data: { values: points },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x: { field: 'fpr', type: 'quantitative', title: T(EVAL_TEXT.fpr), scale: UNIT, axis: PERCENT },
          y: { field: 'tpr', type: 'quantitative', title: T(EVAL_TEXT.tpr), scale: UNIT, axis: PERCENT },
        },
      },
    ],
  } as TopLevelSpec;
}

export function prSpec(rows: Row[], lang: Lang): TopLevelSpec {
  const T = (l: Label) => l[lang];
  return {
    ...SIZE,
    title: T(EVAL_TEXT.pr),
    data: { values: rows.map((r) => ({ recall: num(r.recall), precision: num(r.precision) })) },
    mark: { type: 'line', point: false },
    encoding: {
      x: { field: 'recall', type: 'quantitative', title: T(EVAL_TEXT.recall), scale: UNIT, axis: PERCENT },
      y: { field: 'precision', type: 'quantitative', title: T(EVAL_TEXT.precision), scale: UNIT, axis: PERCENT },
    },
  } as TopLevelSpec;
}

/** Precision, recall and revenue share against k: one line each, long rows built here (no fold transform). */
export function atKSpec(rows: Row[], lang: Lang): TopLevelSpec {
  const T = (l: Label) => l[lang];
  const long = rows.flatMap((r) =>
    (['precision', 'recall', 'revenue'] as const)
      .filter((m) => r[m] !== null && r[m] !== undefined)
      .map((m) => ({ k: num(r.k), metric: T(EVAL_TEXT[m]), value: num(r[m]) })),
  );
  return {
    ...SIZE,
    title: T(EVAL_TEXT.atK),
    data: { values: long },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'k', type: 'quantitative', title: T(EVAL_TEXT.topK) },
      y: { field: 'value', type: 'quantitative', title: T(EVAL_TEXT.value), scale: UNIT, axis: PERCENT },
      color: { field: 'metric', type: 'nominal', title: T(EVAL_TEXT.metric), legend: { orient: 'bottom' } },
    },
  } as TopLevelSpec;
}

/** Light to mid blue: the counts, written in black, stay readable on every cell. */
const LIGHT_BLUES = ['#f3f8fd', '#7fb3e0'];

/** 2×2 heatmap: actual (적발/정상) by the model's call at the threshold, counts written in each cell. */
export function confusionSpec(rows: Row[], lang: Lang): TopLevelSpec {
  const T = (l: Label) => l[lang];
  const threshold = num(rows[0]?.threshold);
  const k = num(rows[0]?.k);
  const t = threshold === null ? '' : String(Number(threshold.toPrecision(3)));
  // Say where the cut comes from: the officer's top-k % inspection rate (the default) or a threshold they set.
  const cut =
    k === null ? `${T(EVAL_TEXT.threshold)} ${t}` : T(EVAL_TEXT.cutAtK).replace('{k}', String(k)).replace('{t}', t);
  const cells = rows.map((r) => ({
    actual: T(Number(r.actual) === 1 ? EVAL_TEXT.fraud : EVAL_TEXT.clean),
    predicted: T(Number(r.predicted) === 1 ? EVAL_TEXT.selected : EVAL_TEXT.passed),
    count: num(r.count),
  }));
  const order = (a: Label, b: Label) => [T(a), T(b)];

  return {
    width: 150,
    height: 130,
    title: { text: T(EVAL_TEXT.confusion), subtitle: cut },
    data: { values: cells },
    encoding: {
      x: {
        field: 'predicted',
        type: 'nominal',
        title: T(EVAL_TEXT.predicted),
        sort: order(EVAL_TEXT.selected, EVAL_TEXT.passed),
        axis: { labelAngle: 0 },
      },
      y: {
        field: 'actual',
        type: 'nominal',
        title: T(EVAL_TEXT.actual),
        sort: order(EVAL_TEXT.fraud, EVAL_TEXT.clean),
      },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: { field: 'count', type: 'quantitative', title: T(EVAL_TEXT.count), scale: { range: LIGHT_BLUES } },
        },
      },
      {
        mark: { type: 'text', fontSize: 14 },
        encoding: {
          text: { field: 'count', type: 'quantitative', format: ',' },
        },
      },
    ],
  } as TopLevelSpec;
}
