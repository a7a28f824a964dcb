import { MultiDirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { topologicalSort } from 'graphology-dag';

export interface Link {
  source: string;
  target: string;
}

function build(ids: string[], links: Link[]): MultiDirectedGraph {
  const g = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const id of ids) g.mergeNode(id);
  for (const l of links) if (g.hasNode(l.source) && g.hasNode(l.target)) g.addEdge(l.source, l.target);
  return g;
}

/** Each group of nodes that lie on a cycle (self-loops included), in document order. */
export function findCycles(ids: string[], links: Link[]): string[][] {
  const g = build(ids, links);
  const order = new Map(ids.map((id, i) => [id, i]));
  return stronglyConnectedComponents(g)
    .filter((c) => c.length > 1 || g.hasEdge(c[0]!, c[0]!))
    .map((c) => c.sort((a, b) => order.get(a)! - order.get(b)!));
}

/** Dependency order; throws if the graph has a cycle (validate first). */
export function topoOrder(ids: string[], links: Link[]): string[] {
  return topologicalSort(build(ids, links));
}

/** `id` and everything downstream of it. */
export function descendants(id: string, links: Link[]): Set<string> {
  const out = new Set([id]);
  const stack = [id];
  while (stack.length) {
    const cur = stack.pop()!;
    for (const l of links) {
      if (l.source === cur && !out.has(l.target)) {
        out.add(l.target);
        stack.push(l.target);
      }
    }
  }
  return out;
}

/** `ids` and everything upstream of them. */
export function ancestors(ids: Iterable<string>, links: Link[]): Set<string> {
  const out = new Set(ids);
  const stack = [...out];
  while (stack.length) {
    const cur = stack.pop()!;
    for (const l of links) {
      if (l.target === cur && !out.has(l.source)) {
        out.add(l.source);
        stack.push(l.source);
      }
    }
  }
  return out;
}
