import { lazy, Suspense } from 'react';

/** Vega, Vega-Lite, vega-embed and the world map load with the first chart, not with the first screen. */
const ChartWorkspace = lazy(() => import('./ChartWorkspace.tsx'));

export const CHART_TYPE = 'chart.vega';

/** Without a `relation` (the node has no result yet, or failed) only the shelves show, so a bad one can be fixed. */
export function ChartPanel(props: { nodeId: string; relation?: string }) {
  return (
    <Suspense fallback={<p className="waiting">…</p>}>
      <ChartWorkspace {...props} />
    </Suspense>
  );
}
