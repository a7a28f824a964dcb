import { lazy, Suspense } from 'react';

/** Vega loads with the first evaluation drawn, not with the first screen. */
const EvaluationCharts = lazy(() => import('./EvaluationCharts.tsx'));

export const EVALUATE_TYPE = 'model.evaluate';

/** `model.evaluate`'s result as pictures: metric cards, the at-k chart, ROC, PR and the confusion heatmap. */
export function EvaluationPanel(props: { nodeId: string; relation: string }) {
  return (
    <Suspense fallback={<p className="waiting">…</p>}>
      <EvaluationCharts {...props} />
    </Suspense>
  );
}
