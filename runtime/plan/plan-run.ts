import { type ResolvedNode, type ResolvedPipeline, refNode } from '../document/validate.ts';
import { ancestors } from '../graph/dag.ts';
import type { PlanRequest, Step } from './steps.ts';

/**
 * The steps of one run, without an engine: which node is loaded, inlined into a later query, stored as a
 * table, computed, written or read back. A SQL node's result is stored only where that pays: a target, a
 * node several others read, a node read by a compute node (which needs a table), and a node whose output is
 * small (an aggregate: editing anything downstream then re-runs in a fraction of the time). A previewed node
 * is stored only if it is kept already, so its LIMIT reaches the whole fused query; a node the caller writes
 * to a file is written from its query (`COPY (…) TO`) rather than stored and copied again.
 */
export function planRun(pipeline: ResolvedPipeline, request: PlanRequest): Step[] {
  const targets = new Set(request.targets);
  const writes = new Set(request.writes ?? []);
  const wanted = [...targets, ...writes, ...(request.preview === undefined ? [] : [request.preview])];
  for (const id of wanted) if (!pipeline.nodes.has(id)) throw new Error(`no node "${id}" in this pipeline`);
  const needed = ancestors(wanted, pipeline.doc.edges);
  const tables = new Set<string>();
  const steps: Step[] = [];
  const inlined = (id: string) => inlinedInto(id, pipeline, tables);

  for (const id of pipeline.order.filter((n) => needed.has(n))) {
    const rn = pipeline.nodes.get(id)!;
    switch (rn.def.kind) {
      case 'source':
        steps.push({ kind: 'load', nodeId: id });
        tables.add(id);
        break;
      case 'compute':
        steps.push({ kind: 'compute', nodeId: id });
        tables.add(id);
        break;
      case 'sink': {
        const input = rn.inputs.in?.[0];
        steps.push({ kind: 'write', nodeId: id, input: input ?? '', by: 'sink', members: input ? inlined(input) : [] });
        break;
      }
      case 'sql': {
        const stored =
          id === request.preview
            ? request.isCached(id)
            : targets.has(id) ||
              rn.consumers.length > 1 ||
              (rn.def.smallOutput ?? false) ||
              readByCompute(rn, pipeline);
        if (stored) {
          steps.push({ kind: 'materialise', nodeId: id, members: without(inlined(id), id) });
          tables.add(id);
        } else steps.push({ kind: 'inline', nodeId: id });
        break;
      }
    }
    if (id === request.preview) steps.push({ kind: 'read', nodeId: id, members: without(inlined(id), id) });
    if (writes.has(id))
      steps.push({ kind: 'write', nodeId: id, input: id, by: 'caller', members: without(inlined(id), id) });
  }
  return steps;
}

/** Sinks and nodes nobody reads from: what a run without named targets is for. */
export function defaultTargets(pipeline: ResolvedPipeline): string[] {
  return pipeline.order.filter((id) => pipeline.nodes.get(id)!.consumers.length === 0);
}

function readByCompute(rn: ResolvedNode, pipeline: ResolvedPipeline): boolean {
  return rn.consumers.some((c) => {
    const kind = pipeline.nodes.get(c)?.def.kind;
    return kind !== 'sql' && kind !== 'sink';
  });
}

/** The SQL nodes whose SELECT runs inside the query of `ref` (its node included unless stored), in dependency order. */
function inlinedInto(ref: string, pipeline: ResolvedPipeline, tables: Set<string>): string[] {
  const out: string[] = [];
  const visit = (id: string) => {
    if (tables.has(id) || out.includes(id)) return;
    const rn = pipeline.nodes.get(id);
    if (rn?.def.kind !== 'sql') return;
    for (const input of Object.values(rn.inputs).flat()) visit(refNode(input));
    out.push(id);
  };
  visit(refNode(ref));
  return out;
}

function without(ids: string[], id: string): string[] {
  return ids.filter((m) => m !== id);
}
