import type { PipelineEdge, PipelineNode } from '../../../../runtime/document/pipeline-doc.ts';
import { uniqueNodeId } from '../doc/node-ids.ts';
import { ActionRefused, defineAction } from './define-action.ts';

export interface PasteNodesArgs {
  /** Copied nodes (from this or another pipeline); they get fresh ids. */
  nodes: PipelineNode[];
  /** Edges among the copied nodes; edges to nodes outside the copy are dropped. */
  edges: PipelineEdge[];
  offset?: { x: number; y: number };
}

/** Inserts copies of nodes with fresh ids; returns old id → new id. Copy/paste and duplicate use it. */
export const pasteNodes = defineAction({
  name: 'paste-nodes',
  label: { ko: '붙여넣기', en: 'Paste' },
  perform(doc, args: PasteNodesArgs): Record<string, string> {
    if (args.nodes.length === 0) throw new ActionRefused({ ko: '붙여넣을 노드가 없습니다', en: 'Nothing to paste' });
    const dx = args.offset?.x ?? 40;
    const dy = args.offset?.y ?? 40;
    const ids: Record<string, string> = {};
    const taken = new Set<string>();
    for (const n of args.nodes) {
      const id = uniqueNodeId(doc, n.id.replace(/_\d+$/, ''), taken);
      taken.add(id);
      ids[n.id] = id;
    }
    for (const n of args.nodes) {
      const copy = structuredClone(n) as PipelineNode;
      copy.id = ids[n.id]!;
      const p = n.position ?? { x: 0, y: 0 };
      copy.position = { x: p.x + dx, y: p.y + dy };
      doc.nodes.push(copy);
    }
    for (const e of args.edges) {
      const source = ids[e.source];
      const target = ids[e.target];
      if (source && target) doc.edges.push({ ...structuredClone(e), source, target });
    }
    return ids;
  },
});
