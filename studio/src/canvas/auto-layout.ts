import dagre from '@dagrejs/dagre';
import type { PipelineEdge, PipelineNode } from '../../../runtime/document/pipeline-doc.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './flow-model.ts';

/** Layered left-to-right layout (dagre): sources on the left, each step right of what feeds it. */
export function autoLayout(
  nodes: readonly PipelineNode[],
  edges: readonly PipelineEdge[],
  sizes: Record<string, { width: number; height: number }> = {},
): Record<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 40, marginy: 40 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes)
    g.setNode(n.id, { width: sizes[n.id]?.width ?? NODE_WIDTH, height: sizes[n.id]?.height ?? NODE_HEIGHT });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out: Record<string, { x: number; y: number }> = {};
  for (const n of nodes) {
    const p = g.node(n.id);
    out[n.id] = { x: Math.round(p.x - p.width / 2), y: Math.round(p.y - p.height / 2) };
  }
  return out;
}
