import { lazy, Suspense } from 'react';
import { edgesRelationOf } from '../../../nodes/graph/_edges-table.ts';

/** sigma.js and the layout load with the first network shown, not with the first screen. */
const NetworkView = lazy(() => import('./NetworkView.tsx'));

/** Results drawn as a network: a link analysis, and the customs data map's stage and join-key network. */
export function drawsNetwork(node: { type: string; params?: unknown }): boolean {
  if (node.type === 'graph.link_analysis') return true;
  return node.type === 'model.data_map' && (node.params as { output?: string } | undefined)?.output === 'network';
}

/** A network result drawn: its entities (scored, for a link analysis) and the links beside them. */
export function NetworkPanel(props: { nodeId: string; relation: string }) {
  return (
    <Suspense fallback={<p className="waiting">…</p>}>
      <NetworkView nodeId={props.nodeId} nodes={props.relation} edges={edgesRelationOf(props.relation)} />
    </Suspense>
  );
}
