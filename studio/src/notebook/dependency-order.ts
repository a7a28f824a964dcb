/** Node ids in dependency order (every node after what feeds it), ties kept in document order. */
export function dependencyOrder(
  ids: readonly string[],
  edges: readonly { source: string; target: string }[],
): string[] {
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const e of edges)
    if (indegree.has(e.target) && indegree.has(e.source)) indegree.set(e.target, indegree.get(e.target)! + 1);
  const out: string[] = [];
  const done = new Set<string>();
  while (out.length < ids.length) {
    const next = ids.find((id) => !done.has(id) && indegree.get(id) === 0) ?? ids.find((id) => !done.has(id))!;
    done.add(next);
    out.push(next);
    for (const e of edges)
      if (e.source === next && indegree.has(e.target)) indegree.set(e.target, indegree.get(e.target)! - 1);
  }
  return out;
}
