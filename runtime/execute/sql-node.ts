import type { ResolvedNode } from '../document/validate.ts';
import type { Engine } from '../engine/engine.ts';
import { NodeError } from '../errors.ts';
import type { SqlNodeDefinition } from '../nodes/define-node.ts';
import { fusedQuery, fusedStepName, type PlannedNode } from '../plan/fused-query.ts';
import { asNodeError, declaredSchema, needsDescribe } from '../schema/propagate.ts';
import type { ResultCache } from './result-cache.ts';

/**
 * A SQL node's SELECT over its inputs' relations, and its columns: from the definition, or DuckDB describing
 * the fused query where the definition cannot tell (free SQL), remembered by key. Registered in `planned`.
 */
export async function planSqlNode(
  rn: ResolvedNode,
  key: string,
  planned: Map<string, PlannedNode>,
  engine: Engine,
  cache: ResultCache,
): Promise<PlannedNode> {
  const id = rn.node.id;
  const def = rn.def as SqlNodeDefinition<unknown>;
  const refs = Object.entries(rn.inputs).map(([port, ids]) => [port, ids.map((i) => planned.get(i)!)] as const);
  const schemas = Object.fromEntries(refs.map(([p, list]) => [p, list.map((r) => r.schema)]));
  const declared = declaredSchema(rn, schemas);
  let select: string;
  try {
    select = def.toSql({
      nodeId: id,
      params: rn.params,
      schemas,
      inputs: Object.fromEntries(refs.map(([p, list]) => [p, list.map(relationRef)])),
      sources: rn.inputs,
    });
  } catch (e) {
    throw asNodeError(id, 'plan', e);
  }
  const plan: PlannedNode = { id, key, schema: declared ?? [], select, dependsOn: Object.values(rn.inputs).flat() };
  planned.set(id, plan);
  if (needsDescribe(declared)) {
    const known = cache.describedSchema(key);
    try {
      plan.schema = known ?? (await engine.describe(fusedQuery(id, planned)));
    } catch (e) {
      throw new NodeError(id, 'plan', (e as Error).message);
    }
    cache.rememberDescribed(key, plan.schema);
  }
  return plan;
}

/**
 * Registers `node` (planned, possibly now held as a table) and its extra output ports: each port `id:port` is a
 * SELECT over the node's result, inlined into whatever reads it.
 */
export function registerPlanned(rn: ResolvedNode, node: PlannedNode, planned: Map<string, PlannedNode>): void {
  planned.set(node.id, node);
  if (rn.def.kind !== 'sql') return;
  for (const [port, spec] of Object.entries(rn.def.outputPorts ?? {})) {
    const ref = `${node.id}:${port}`;
    planned.set(ref, {
      id: ref,
      key: `${node.key}:${port}`,
      schema: spec.schema(node.schema),
      select: spec.sql(relationRef(node)),
      dependsOn: [node.id],
    });
  }
}

/** How a node's SELECT names an input: its table, or the CTE the fused query gives it. */
function relationRef(p: PlannedNode): string {
  return p.table ?? fusedStepName(p.id);
}
