import type { ResolvedNode, ResolvedPipeline } from '../document/validate.ts';
import { type Issue, NodeError, ParamError } from '../errors.ts';
import type { InputSchemas } from '../nodes/define-node.ts';
import type { Schema } from './types.ts';

/**
 * The one place a node's output columns are derived from its input columns, without data (KNIME's configure
 * step). The studio's forms, a run and SQL export all go through here, so they agree on what a node gives.
 */

/** `null` when only the engine can tell (free SQL), or a schema with `UNKNOWN` types that the engine must fill. */
export function declaredSchema(rn: ResolvedNode, inputs: InputSchemas): Schema | null {
  const def = rn.def;
  if (def.kind !== 'sql' && def.kind !== 'compute') return null;
  try {
    return def.outputSchema({ nodeId: rn.node.id, params: rn.params, inputs });
  } catch (e) {
    throw asNodeError(rn.node.id, 'schema', e);
  }
}

/** The engine must describe the node's query: its definition cannot say every column's type. */
export function needsDescribe(declared: Schema | null): boolean {
  return !declared || declared.some((c) => c.type === 'UNKNOWN');
}

/** A multi-output node's extra ports (`id:port`), each with the columns it gives from the node's own. */
export function portSchemas(rn: ResolvedNode, self: Schema): Record<string, Schema> {
  const def = rn.def;
  if (def.kind !== 'sql') return {};
  return Object.fromEntries(
    Object.entries(def.outputPorts ?? {}).map(([port, spec]) => [`${rn.node.id}:${port}`, spec.schema(self)]),
  );
}

/** Input schemas by port, looked up by the feeding refs; `undefined` where an input is not known. */
export function inputSchemas(rn: ResolvedNode, schemaOf: (ref: string) => Schema | undefined) {
  return Object.fromEntries(Object.entries(rn.inputs).map(([port, refs]) => [port, refs.map(schemaOf)]));
}

function complete(inputs: Record<string, (Schema | undefined)[]>): inputs is InputSchemas {
  return Object.values(inputs).every((list) => list.every((s) => s !== undefined));
}

/**
 * Output columns of every node of `pipeline` (sinks have none). Sources, and nodes whose definition cannot
 * tell (free SQL, `UNKNOWN` types) or whose inputs are unknown, take `learned(id)`: what the last run or a
 * describe found while the node is unchanged. Params that do not fit the input columns become `schema`
 * issues naming the param; the node then has no schema and its readers fall back to `learned`.
 */
export function propagateSchemas(
  pipeline: ResolvedPipeline,
  learned: (id: string) => Schema | undefined,
): { schemas: Record<string, Schema>; issues: Issue[] } {
  const schemas: Record<string, Schema> = {};
  const issues: Issue[] = [];
  for (const id of pipeline.order) {
    const rn = pipeline.nodes.get(id)!;
    if (rn.def.kind === 'sink') continue;
    let schema: Schema | undefined;
    if (rn.def.kind === 'source') schema = learned(id);
    else {
      const inputs = inputSchemas(rn, (ref) => schemas[ref]);
      if (complete(inputs)) {
        try {
          const declared = declaredSchema(rn, inputs);
          schema = needsDescribe(declared) ? (learned(id) ?? declared ?? undefined) : (declared ?? undefined);
        } catch (e) {
          const error = e as NodeError;
          issues.push({
            code: 'schema',
            nodeId: id,
            param: error.param,
            message: error.message,
            ...(error.msg ? { msg: error.msg } : {}),
          });
        }
      } else schema = learned(id);
    }
    if (schema) {
      schemas[id] = schema;
      Object.assign(schemas, portSchemas(rn, schema));
    }
  }
  return { schemas, issues };
}

/** A node definition's failure, as the node's error (a ParamError keeps its param and catalogue message). */
export function asNodeError(nodeId: string, phase: NodeError['phase'], e: unknown): NodeError {
  if (e instanceof NodeError) return e;
  if (e instanceof ParamError) return new NodeError(nodeId, phase, e.message, e.param, e.msg);
  return new NodeError(nodeId, phase, (e as Error).message);
}
