import type { PipelineDoc } from '../../../../runtime/document/pipeline-doc.ts';
import type { ResolvedPipeline } from '../../../../runtime/document/validate.ts';
import { type Issue, ParamError } from '../../../../runtime/errors.ts';
import type { NodeRegistry } from '../../../../runtime/nodes/registry.ts';
import type { Schema } from '../../../../runtime/schema/types.ts';
import type { KnownSchema } from './types.ts';

/**
 * Output columns of every runnable node without touching data (KNIME's configure step): sources take what
 * the last run learned, SQL nodes ask their definition's `outputSchema`, and where that cannot tell (free
 * SQL, `UNKNOWN` types) the last run's schema fills in while the node is unchanged. Params that do not fit
 * the input columns become `schema` issues naming the param.
 */
export function propagateSchemas(
  pipeline: ResolvedPipeline,
  signatures: Record<string, string>,
  known: Record<string, KnownSchema>,
): { schemas: Record<string, Schema>; issues: Issue[] } {
  const schemas: Record<string, Schema> = {};
  const issues: Issue[] = [];
  const learned = (id: string) => {
    const k = known[id];
    return k && k.signature === signatures[id] ? k.schema : undefined;
  };
  for (const id of pipeline.order) {
    const rn = pipeline.nodes.get(id)!;
    const def = rn.def;
    if (def.kind === 'sink') continue;
    let schema: Schema | undefined;
    if (def.kind === 'source') {
      schema = learned(id);
    } else {
      const inputs = Object.fromEntries(
        Object.entries(rn.inputs).map(([port, refs]) => [port, refs.map((r) => schemas[r])]),
      );
      const complete = Object.values(inputs).every((list) => list.every((s) => s !== undefined));
      if (complete) {
        try {
          const derived = def.outputSchema({
            nodeId: id,
            params: rn.params,
            inputs: inputs as Record<string, Schema[]>,
          });
          schema =
            derived && !derived.some((c) => c.type === 'UNKNOWN') ? derived : (learned(id) ?? derived ?? undefined);
        } catch (e) {
          const param = e instanceof ParamError ? e.param : undefined;
          const said = e instanceof ParamError ? e.msg : undefined;
          issues.push({
            code: 'schema',
            nodeId: id,
            param,
            message: (e as Error).message,
            ...(said ? { msg: said } : {}),
          });
        }
      } else {
        schema = learned(id);
      }
      if (schema && def.kind === 'sql') {
        for (const [port, spec] of Object.entries(def.outputPorts ?? {}))
          schemas[`${id}:${port}`] = spec.schema(schema);
      }
    }
    if (schema) schemas[id] = schema;
  }
  return { schemas, issues };
}

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
