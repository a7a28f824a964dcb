import { type EdgeEnds, sameEdge } from '../doc/graph.ts';
import { ActionRefused, defineAction } from './define-action.ts';

export interface RemoveNodesArgs {
  ids: string[];
  /** Further edges to remove in the same step (a selection of nodes and edges deleted together). */
  edges?: EdgeEnds[];
}

/** Removes nodes, every edge touching them and the listed edges: one undo step for a deleted selection. */
export const removeNodes = defineAction({
  name: 'remove-nodes',
  label: { ko: '노드 삭제', en: 'Delete nodes' },
  perform(doc, args: RemoveNodesArgs) {
    const gone = new Set(args.ids);
    const extra = args.edges ?? [];
    const nodesBefore = doc.nodes.length;
    const edgesBefore = doc.edges.length;
    doc.nodes = doc.nodes.filter((n) => !gone.has(n.id));
    doc.edges = doc.edges.filter(
      (e) => !gone.has(e.source) && !gone.has(e.target) && !extra.some((x) => sameEdge(e, x)),
    );
    if (doc.nodes.length === nodesBefore && doc.edges.length === edgesBefore) {
      throw new ActionRefused({ ko: '삭제할 노드가 없습니다', en: 'Nothing to delete' });
    }
  },
});
