import type { PipelineEdge } from '../../../../runtime/document/pipeline-doc.ts';

/** The contract's id pattern (`pipeline-doc.ts` NODE_ID), repeated so the first screen needs no zod. */
export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type EdgeEnds = Pick<PipelineEdge, 'source' | 'target'> & { sourcePort?: string; targetPort?: string };

/** Ports default as in the contract: `out` → `in`. */
export function sameEdge(a: EdgeEnds, b: EdgeEnds): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    (a.sourcePort ?? 'out') === (b.sourcePort ?? 'out') &&
    (a.targetPort ?? 'in') === (b.targetPort ?? 'in')
  );
}

/** A stable id for an edge that has none (React Flow needs one): `src:out->dst:in`. */
export function edgeKey(e: EdgeEnds): string {
  return `${e.source}:${e.sourcePort ?? 'out'}->${e.target}:${e.targetPort ?? 'in'}`;
}

/** Every node reachable from `start` along edges (start included). */
export function downstream(start: Iterable<string>, edges: readonly EdgeEnds[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of edges) if (e.source === id) stack.push(e.target);
  }
  return seen;
}
