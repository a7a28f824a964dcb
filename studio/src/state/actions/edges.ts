import type { Draft } from 'immer';
import type { PipelineDoc } from '../../../../runtime/document/pipeline-doc.ts';
import { downstream, type EdgeEnds, sameEdge } from '../doc/graph.ts';
import { type ActionContext, ActionRefused } from './define-action.ts';

type Ends = Required<Omit<EdgeEnds, 'id'>>;

/**
 * Adds an edge after checking what can be checked without data: both nodes exist, the ports exist (when the
 * registry has loaded), no cycle. An input port that takes one edge is re-fed: the old edge goes.
 */
export function addEdge(doc: Draft<PipelineDoc>, e: Ends, ctx?: ActionContext): void {
  const source = doc.nodes.find((n) => n.id === e.source);
  const target = doc.nodes.find((n) => n.id === e.target);
  if (!source || !target) {
    const missing = source ? e.target : e.source;
    throw new ActionRefused({ ko: `노드 "${missing}"가 없습니다`, en: `No node "${missing}"` });
  }
  if (e.source === e.target) {
    throw new ActionRefused({ ko: '노드를 자기 자신에 연결할 수 없습니다', en: 'A node cannot feed itself' });
  }
  const sourceDef = ctx?.registry?.get(source.type);
  const targetDef = ctx?.registry?.get(target.type);
  if (sourceDef && !sourceDef.outputs.some((p) => p.name === e.sourcePort)) {
    throw new ActionRefused({
      ko: `"${source.id}"에는 출력 포트 "${e.sourcePort}"가 없습니다`,
      en: `"${source.id}" has no output port "${e.sourcePort}"`,
    });
  }
  const port = targetDef?.inputs.find((p) => p.name === e.targetPort);
  if (targetDef && !port) {
    const why = targetDef.inputs.length === 0 ? { ko: '입력이 없는 노드입니다', en: 'it takes no input' } : undefined;
    throw new ActionRefused({
      ko: `"${target.id}"에는 입력 포트 "${e.targetPort}"가 없습니다${why ? `: ${why.ko}` : ''}`,
      en: `"${target.id}" has no input port "${e.targetPort}"${why ? `: ${why.en}` : ''}`,
    });
  }
  if (downstream([e.target], doc.edges).has(e.source)) {
    throw new ActionRefused({
      ko: `"${e.target}"의 결과가 이미 "${e.source}"로 흘러가므로 연결하면 순환이 됩니다`,
      en: `"${e.target}" already feeds "${e.source}": this connection would make a cycle`,
    });
  }
  if (doc.edges.some((x) => sameEdge(x, e))) return;
  if (port && !port.multiple) {
    doc.edges = doc.edges.filter((x) => !(x.target === e.target && (x.targetPort ?? 'in') === e.targetPort));
  }
  doc.edges.push({ source: e.source, target: e.target, sourcePort: e.sourcePort, targetPort: e.targetPort });
}
