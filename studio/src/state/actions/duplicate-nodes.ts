import { current, isDraft } from 'immer';
import type { PipelineDoc, PipelineEdge, PipelineNode } from '../../../../runtime/document/pipeline-doc.ts';
import { ActionRefused, defineAction } from './define-action.ts';
import { pasteNodes } from './paste-nodes.ts';

export interface DuplicateNodesArgs {
  ids: string[];
}

/** Copies nodes and the edges between them beside the originals; returns old id → new id. */
export const duplicateNodes = defineAction({
  name: 'duplicate-nodes',
  label: { ko: '복제', en: 'Duplicate' },
  perform(doc, args: DuplicateNodesArgs, ctx): Record<string, string> {
    const chosen = new Set(args.ids);
    const plain = (isDraft(doc) ? current(doc) : doc) as PipelineDoc;
    const nodes: PipelineNode[] = plain.nodes.filter((n) => chosen.has(n.id));
    if (nodes.length === 0) throw new ActionRefused({ ko: '복제할 노드가 없습니다', en: 'Nothing to duplicate' });
    const edges: PipelineEdge[] = plain.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target));
    return pasteNodes.perform(doc, { nodes: structuredClone(nodes), edges: structuredClone(edges) }, ctx);
  },
});
