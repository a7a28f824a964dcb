import type { Cluster } from '../../../nodes/prep/cluster/find-clusters.ts';

/** One accepted replacement of `prep.cluster_edit`'s `mapping` param. */
export interface MappingEntry {
  from: string;
  to: string;
}

export type ClusterChoice = { state: 'accepted'; canonical: string } | { state: 'open' };

/**
 * A cluster counts as accepted when every one of its values is either the canonical value or mapped to
 * it (the mapping is the only record kept, so a reloaded pipeline shows the same choices).
 */
export function choiceOf(cluster: Cluster, mapping: readonly MappingEntry[]): ClusterChoice {
  const to = new Map(mapping.map((m) => [m.from, m.to]));
  const targets = new Set(cluster.values.map((v) => to.get(v.value) ?? v.value));
  if (targets.size !== 1) return { state: 'open' };
  const [canonical] = targets as Set<string>;
  return cluster.values.some((v) => to.has(v.value)) ? { state: 'accepted', canonical: canonical! } : { state: 'open' };
}

/** The mapping with the cluster's values sent to `canonical` (replacing earlier choices for them). */
export function accept(mapping: readonly MappingEntry[], cluster: Cluster, canonical: string): MappingEntry[] {
  const values = new Set(cluster.values.map((v) => v.value));
  const kept = mapping.filter((m) => !values.has(m.from));
  const added = cluster.values.filter((v) => v.value !== canonical).map((v) => ({ from: v.value, to: canonical }));
  return [...kept, ...added];
}

/** The mapping without any replacement of the cluster's values: they pass unchanged. */
export function reject(mapping: readonly MappingEntry[], cluster: Cluster): MappingEntry[] {
  const values = new Set(cluster.values.map((v) => v.value));
  return mapping.filter((m) => !values.has(m.from));
}
