import type { PipelineDoc } from '../../../../runtime/document/pipeline-doc.ts';
import type { NodeRegistry } from '../../../../runtime/nodes/registry.ts';
import type { Schema } from '../../../../runtime/schema/types.ts';

/** Each node's input schemas by port, for every node of the document (blocked ones too). */
export function inputSchemasOf(
  doc: PipelineDoc,
  registry: NodeRegistry,
  schemas: Record<string, Schema>,
): Record<string, Record<string, (Schema | undefined)[]>> {
  const out: Record<string, Record<string, (Schema | undefined)[]>> = {};
  const types = new Map(doc.nodes.map((n) => [n.id, n.type]));
  for (const e of doc.edges) {
    const sourceType = types.get(e.source);
    if (sourceType === undefined || !types.has(e.target)) continue;
    const multi = (registry.get(sourceType)?.outputs.length ?? 1) > 1;
    const ref = multi ? `${e.source}:${e.sourcePort ?? 'out'}` : e.source;
    const ports = out[e.target] ?? {};
    const port = e.targetPort ?? 'in';
    ports[port] = [...(ports[port] ?? []), schemas[ref]];
    out[e.target] = ports;
  }
  return out;
}
