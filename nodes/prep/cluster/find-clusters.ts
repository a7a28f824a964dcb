import type { Engine } from '../../../runtime/engine/engine.ts';
import { ident } from '../../../runtime/sql/quote.ts';
import { nearPairs } from './edit-distance.ts';
import { compareCodePoints, jamoKey, type KeyMethod, keyFunction } from './keys.ts';

export type ClusterMethod = KeyMethod | 'edit_distance';

export interface ClusterOptions {
  method: ClusterMethod;
  /** n for the `ngram` key (default 2). */
  ngram?: number;
  /**
   * `edit_distance`: the most edits (in jamo for Hangul, so 빛 → 빗 is one) between two values of one
   * cluster, after case, spacing and punctuation are set aside (default 1).
   */
  maxDistance?: number;
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface Cluster {
  /** Distinct values of the cluster, most frequent first. */
  values: ValueCount[];
  /** The value to keep: the most frequent, on a tie the longest (the most complete form). */
  suggested: string;
  /** Number of distinct values. */
  size: number;
  /** Number of rows holding them. */
  rows: number;
  /** The shared key (key methods only), for re-applying the cluster to new values. */
  key?: string;
}

/**
 * Groups the distinct values of `column` that are probably the same thing written differently.
 * DuckDB counts the distinct values in one query (so a 1M-row column costs one GROUP BY); keys and
 * distances are computed here on those values. Values whose key is empty (only punctuation) are left
 * out. Clusters come biggest first.
 *
 * `relation` is a quoted table or view name, or a parenthesized SELECT.
 */
export async function findClusters(
  engine: Engine,
  relation: string,
  column: string,
  options: ClusterOptions,
): Promise<Cluster[]> {
  const col = ident(column);
  const r = await engine.query(
    `SELECT CAST(${col} AS VARCHAR) AS "value", count(*) AS "count" FROM ${relation} WHERE ${col} IS NOT NULL GROUP BY 1`,
  );
  const values = r.rows.map((row) => ({ value: String(row.value), count: Number(row.count) }));
  return clusterValues(values, options);
}

/** The clustering itself, on distinct values with their counts (no engine). */
export function clusterValues(values: ValueCount[], options: ClusterOptions): Cluster[] {
  if (options.method === 'edit_distance') return byDistance(values, options.maxDistance ?? 1);
  const key = keyFunction(options.method, { ngram: options.ngram });
  const groups = groupBy(values, key);
  return finish([...groups].map(([k, members]) => ({ members, key: k })));
}

/** Values with equal jamo keys are at distance 0; keys within `k` edits are linked, transitively. */
function byDistance(values: ValueCount[], k: number): Cluster[] {
  const groups = [...groupBy(values, jamoKey)];
  const parent = groups.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const { a, b } of nearPairs(
    groups.map(([key]) => key),
    k,
  )) {
    parent[root(a)] = root(b);
  }
  const merged = new Map<number, ValueCount[]>();
  groups.forEach(([, members], i) => {
    const list = merged.get(root(i));
    if (list) list.push(...members);
    else merged.set(root(i), [...members]);
  });
  return finish([...merged.values()].map((members) => ({ members })));
}

function groupBy(values: ValueCount[], key: (value: string) => string): Map<string, ValueCount[]> {
  const groups = new Map<string, ValueCount[]>();
  for (const v of values) {
    const k = key(v.value);
    if (k === '') continue;
    const list = groups.get(k);
    if (list) list.push(v);
    else groups.set(k, [v]);
  }
  return groups;
}

const byPreference = (a: ValueCount, b: ValueCount) =>
  b.count - a.count || Array.from(b.value).length - Array.from(a.value).length || compareCodePoints(a.value, b.value);

function finish(groups: { members: ValueCount[]; key?: string }[]): Cluster[] {
  return groups
    .filter((g) => g.members.length > 1)
    .map(({ members, key }) => {
      const sorted = [...members].sort(byPreference);
      const cluster: Cluster = {
        values: sorted,
        suggested: sorted[0]!.value,
        size: sorted.length,
        rows: sorted.reduce((n, v) => n + v.count, 0),
      };
      if (key !== undefined) cluster.key = key;
      return cluster;
    })
    .sort((a, b) => b.size - a.size || b.rows - a.rows || compareCodePoints(a.suggested, b.suggested));
}
