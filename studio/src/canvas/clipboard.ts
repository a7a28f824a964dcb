import type { PipelineEdge, PipelineNode } from '../../../runtime/document/pipeline-doc.ts';

export const CLIP_FORMAT = 'customs-studio/nodes';

/** The selected nodes and the edges between them, as clipboard JSON (pastes into any pipeline). */
export function copyPayload(
  nodes: readonly PipelineNode[],
  edges: readonly PipelineEdge[],
  ids: readonly string[],
): string {
  const set = new Set(ids);
  return JSON.stringify({
    format: CLIP_FORMAT,
    nodes: nodes.filter((n) => set.has(n.id)),
    edges: edges.filter((e) => set.has(e.source) && set.has(e.target)),
  });
}

/** Clipboard text back to nodes and edges, or undefined when it is not ours. */
export function readPayload(text: string): { nodes: PipelineNode[]; edges: PipelineEdge[] } | undefined {
  try {
    const v = JSON.parse(text) as { format?: string; nodes?: PipelineNode[]; edges?: PipelineEdge[] };
    if (v.format !== CLIP_FORMAT || !Array.isArray(v.nodes) || v.nodes.length === 0) return undefined;
    return { nodes: v.nodes, edges: Array.isArray(v.edges) ? v.edges : [] };
  } catch {
    return undefined;
  }
}
