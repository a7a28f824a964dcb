import type { Edge } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { PipelineEdge, PipelineNode } from '../../../runtime/document/pipeline-doc.ts';
import { useStudio } from '../app/useStudio.ts';
import { groupsOf } from '../state/actions/groups.ts';
import { notesOf } from '../state/actions/sticky-notes.ts';
import {
  drawnPositions,
  NODE_HEIGHT,
  NODE_WIDTH,
  type StepNode,
  toFlowEdge,
  toFlowNode,
  toFrameNode,
  toNoteNode,
} from './flow-model.ts';
import type { FrameNode } from './GroupFrame.tsx';
import { frameAround, liveGroups } from './group-frame.ts';
import type { NoteNode } from './NoteCard.tsx';

type Sizes = Record<string, { width: number; height: number }>;
export type CanvasNode = StepNode | NoteNode | FrameNode;

/** Group frames around their members' drawn boxes (measured sizes where known). */
function frames(docNodes: readonly PipelineNode[], ui: Record<string, unknown> | undefined, sizes: Sizes) {
  const groups = groupsOf(ui);
  if (groups.length === 0) return [];
  const live = liveGroups(groups, new Set(docNodes.map((n) => n.id)));
  const positions = drawnPositions(
    docNodes,
    live.flatMap((g) => g.nodes),
  );
  return live.map((g) => {
    const rects = g.nodes.map((id) => ({
      ...positions[id]!,
      width: sizes[id]?.width ?? NODE_WIDTH,
      height: sizes[id]?.height ?? NODE_HEIGHT,
    }));
    return toFrameNode(g, frameAround(rects)!);
  });
}

/**
 * The document as React Flow nodes and edges. Unchanged document nodes (immer keeps them identical) keep the
 * same flow node object, so with memoized cards a change to one node re-renders one card, even among 500.
 */
export function useFlowNodes(sizes: Sizes): { nodes: CanvasNode[]; edges: Edge[] } {
  const docNodes = useStudio((s) => s.doc.nodes);
  const ui = useStudio((s) => s.doc.ui);
  const docEdges = useStudio((s) => s.doc.edges);
  const selection = useStudio((s) => s.selection);
  const nodeCache = useRef(new WeakMap<PipelineNode, { key: string; flow: StepNode }>());
  const edgeCache = useRef(new WeakMap<PipelineEdge, Edge>());
  const notes = useMemo(() => notesOf(ui).map((n) => toNoteNode(n, sizes[`note:${n.id}`])), [ui, sizes]);
  const groupFrames = useMemo(() => frames(docNodes, ui, sizes), [docNodes, ui, sizes]);
  const steps = useMemo(() => {
    const selected = new Set(selection);
    return docNodes.map((n, i) => {
      const size = sizes[n.id];
      const key = `${i}|${selected.has(n.id)}|${size?.width}x${size?.height}`;
      const hit = nodeCache.current.get(n);
      if (hit && hit.key === key) return hit.flow;
      const flow = toFlowNode(n, i, selected.has(n.id), size);
      nodeCache.current.set(n, { key, flow });
      return flow;
    });
  }, [docNodes, selection, sizes]);
  const nodes = useMemo(
    () => (notes.length || groupFrames.length ? [...groupFrames, ...notes, ...steps] : steps),
    [groupFrames, notes, steps],
  );
  const edges = useMemo(
    () =>
      docEdges.map((e) => {
        const hit = edgeCache.current.get(e);
        if (hit) return hit;
        const flow = toFlowEdge(e);
        edgeCache.current.set(e, flow);
        return flow;
      }),
    [docEdges],
  );
  return { nodes, edges };
}
