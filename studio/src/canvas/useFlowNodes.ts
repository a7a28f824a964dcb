import type { Edge } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { PipelineEdge, PipelineNode } from '../../../runtime/document/pipeline-doc.ts';
import { useStudio } from '../app/useStudio.ts';
import { notesOf } from '../state/actions/sticky-notes.ts';
import { type StepNode, toFlowEdge, toFlowNode, toNoteNode } from './flow-model.ts';
import type { NoteNode } from './NoteCard.tsx';

type Sizes = Record<string, { width: number; height: number }>;

/**
 * The document as React Flow nodes and edges. Unchanged document nodes (immer keeps them identical) keep the
 * same flow node object, so with memoized cards a change to one node re-renders one card, even among 500.
 */
export function useFlowNodes(sizes: Sizes): { nodes: (StepNode | NoteNode)[]; edges: Edge[] } {
  const docNodes = useStudio((s) => s.doc.nodes);
  const ui = useStudio((s) => s.doc.ui);
  const docEdges = useStudio((s) => s.doc.edges);
  const selection = useStudio((s) => s.selection);
  const nodeCache = useRef(new WeakMap<PipelineNode, { key: string; flow: StepNode }>());
  const edgeCache = useRef(new WeakMap<PipelineEdge, Edge>());
  const notes = useMemo(() => notesOf(ui).map((n) => toNoteNode(n, sizes[`note:${n.id}`])), [ui, sizes]);
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
  const nodes = useMemo(() => (notes.length ? [...notes, ...steps] : steps), [notes, steps]);
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
