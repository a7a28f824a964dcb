import type { PipelineDoc } from '../../../../runtime/document/pipeline-doc.ts';
import { stableStringify } from '../../../../runtime/execute/content-key.ts';
import { hash53 } from './hash.ts';

/**
 * A string per node that changes whenever the node's result may change: its type and params, what feeds
 * each input port (by the feeding node's signature), and the pipeline's parameters when its params use
 * `{{…}}`. Labels, notes and positions stay out, so moving a node never marks it stale. Nodes on a cycle
 * get `cycle`.
 */
export function nodeSignatures(doc: PipelineDoc): Record<string, string> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: Record<string, string> = {};
  const visiting = new Set<string>();
  const parameters = stableStringify(doc.parameters);
  const sign = (id: string): string => {
    const done = out[id];
    if (done !== undefined) return done;
    if (visiting.has(id)) return 'cycle';
    const node = byId.get(id);
    if (!node) return 'missing';
    visiting.add(id);
    const inputs = doc.edges
      .filter((e) => e.target === id)
      .map((e) => `${e.targetPort ?? 'in'}<${sign(e.source)}:${e.sourcePort ?? 'out'}`);
    visiting.delete(id);
    const params = stableStringify(node.params);
    const signature = hash53(
      stableStringify({ type: node.type, params, inputs, parameters: params.includes('{{') ? parameters : undefined }),
    );
    out[id] = signature;
    return signature;
  };
  for (const n of doc.nodes) sign(n.id);
  return out;
}
