import type { Draft } from 'immer';
import type { PipelineDoc, PipelineNode } from '../../../../runtime/document/pipeline-doc.ts';
import { ActionRefused } from './define-action.ts';

/** The draft node with `id`, or a refusal naming it. */
export function findNode(doc: Draft<PipelineDoc>, id: string): Draft<PipelineNode> {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) throw new ActionRefused({ ko: `노드 "${id}"가 없습니다`, en: `No node "${id}"` });
  return node;
}
