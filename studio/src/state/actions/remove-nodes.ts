import { ActionRefused, defineAction } from './define-action.ts';

export interface RemoveNodesArgs {
  ids: string[];
}

/** Removes nodes and every edge touching them. */
export const removeNodes = defineAction({
  name: 'remove-nodes',
  label: { ko: '노드 삭제', en: 'Delete nodes' },
  perform(doc, args: RemoveNodesArgs) {
    const gone = new Set(args.ids);
    if (!doc.nodes.some((n) => gone.has(n.id))) {
      throw new ActionRefused({ ko: '삭제할 노드가 없습니다', en: 'Nothing to delete' });
    }
    doc.nodes = doc.nodes.filter((n) => !gone.has(n.id));
    doc.edges = doc.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
  },
});
