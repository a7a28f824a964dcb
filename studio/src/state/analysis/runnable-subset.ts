import type { PipelineDoc } from '../../../../runtime/document/pipeline-doc.ts';
import { type ResolvedPipeline, validatePipeline } from '../../../../runtime/document/validate.ts';
import type { Issue } from '../../../../runtime/errors.ts';
import type { NodeRegistry } from '../../../../runtime/nodes/registry.ts';

export interface Subset {
  issues: Issue[];
  runnable: ResolvedPipeline | undefined;
  /** Node id → the node whose issue keeps it from running (itself, or an upstream node). */
  blocked: Record<string, string>;
}

/**
 * Validates the document and, where some nodes have issues, the largest part that can still run: nodes
 * with issues and everything downstream of them are left out, so one half-configured node never stops
 * the officer from seeing the rest. Issues are those of the whole document.
 */
export function runnableSubset(doc: PipelineDoc, registry: NodeRegistry): Subset {
  const full = validatePipeline(doc, registry);
  if (full.ok) return { issues: [], runnable: full.pipeline, blocked: {} };
  const blocked: Record<string, string> = {};
  let issues = full.issues;
  for (let round = 0; round < 4; round++) {
    const bad = issues.map((i) => i.nodeId).filter((id): id is string => id !== undefined);
    if (bad.length === 0 && issues.length > 0) break; // only document-level issues: nothing can run
    for (const id of bad) blockDownstream(doc, id, blocked);
    const part = {
      ...doc,
      nodes: doc.nodes.filter((n) => !(n.id in blocked)),
      edges: doc.edges.filter((e) => !(e.source in blocked) && !(e.target in blocked)),
    };
    const result = validatePipeline(part, registry);
    if (result.ok) return { issues: full.issues, runnable: result.pipeline, blocked };
    issues = result.issues;
  }
  for (const n of doc.nodes) blocked[n.id] ??= '';
  return { issues: full.issues, runnable: undefined, blocked };
}

function blockDownstream(doc: PipelineDoc, culprit: string, blocked: Record<string, string>): void {
  const stack = [culprit];
  while (stack.length) {
    const id = stack.pop()!;
    if (id in blocked) continue;
    blocked[id] = culprit;
    for (const e of doc.edges) if (e.source === id) stack.push(e.target);
  }
}
