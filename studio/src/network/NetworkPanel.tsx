import { lazy, Suspense } from 'react';
import { edgesRelationOf } from '../../../nodes/graph/_edges-table.ts';

/** sigma.js and the layout load with the first network shown, not with the first screen. */
const NetworkView = lazy(() => import('./NetworkView.tsx'));

export const NETWORK_TYPE = 'graph.link_analysis';

/** A link analysis' result drawn as a network: its scored entities and the links they were scored on. */
export function NetworkPanel(props: { nodeId: string; relation: string }) {
  return (
    <Suspense fallback={<p className="waiting">…</p>}>
      <NetworkView nodeId={props.nodeId} nodes={props.relation} edges={edgesRelationOf(props.relation)} />
    </Suspense>
  );
}
