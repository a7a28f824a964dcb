import type { NodeDefinition } from './define-node.ts';

export type NodeRegistry = ReadonlyMap<string, NodeDefinition>;

/** A registry from a list of definitions; refuses two definitions of one type. */
export function createRegistry(definitions: readonly NodeDefinition[]): NodeRegistry {
  const map = new Map<string, NodeDefinition>();
  for (const d of definitions) {
    if (map.has(d.type)) throw new Error(`node type "${d.type}" is defined twice`);
    map.set(d.type, d);
  }
  return map;
}
