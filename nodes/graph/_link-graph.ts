/**
 * The link-analysis computations on an in-memory graph (graphology and its plugins): components, Louvain
 * communities, degree / betweenness / PageRank, risk propagated from known violators by personalised
 * PageRank, and each entity's shortest evidence path to a violator. Pure TypeScript: runs in the browser
 * and in scheduled runs alike.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { rng } from '../../runtime/ml/rng.ts';

export interface Entity {
  type: string;
  value: string;
}

export interface Edge {
  source: Entity;
  target: Entity;
  /** What the walk follows (after the node's link strength). */
  weight: number;
  /** The link's own weight (rows or amount), for the weighted degree; `weight` when absent. */
  raw?: number;
}

export interface AnalysisOptions {
  /** Keys (`keyOf`) of the known violators. */
  seeds: Set<string>;
  /** Probability of following a link rather than jumping back to a violator (PageRank's α). */
  damping: number;
  /** Betweenness is O(nodes·links): above this many nodes it is skipped (null). */
  betweennessLimit: number;
  /** Louvain's coin flips, so the same data gives the same communities. */
  randomSeed: number;
}

export interface EntityScores {
  key: string;
  entity: Entity;
  isSeed: boolean;
  component: number;
  componentSize: number;
  community: number;
  degree: number;
  weightedDegree: number;
  betweenness: number | null;
  pagerank: number;
  /** Personalised PageRank from the violators, divided by the entity's share of links (see `propagate`). */
  propagated: number | null;
  /** 0–100: `propagated` over the highest non-violator's of the same entity type; violators 100. */
  risk: number | null;
  /** 1 = the most suspected of its entity type; violators and unreachable entities have none. */
  suspectRank: number | null;
  nearestSeed: Entity | null;
  /** Entities from this one to its nearest violator, both ends included. */
  path: Entity[] | null;
}

/** One string per entity; the unit separator cannot occur in a typed code. */
export const keyOf = (e: Entity) => `${e.type}\u001f${e.value}`;

export function buildGraph(entities: Entity[], edges: Edge[]): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const e of entities) g.mergeNode(keyOf(e), { type: e.type, value: e.value });
  for (const e of edges) {
    if (!(e.weight > 0)) continue;
    const s = keyOf(e.source);
    const t = keyOf(e.target);
    g.mergeNode(s, { type: e.source.type, value: e.source.value });
    g.mergeNode(t, { type: e.target.type, value: e.target.value });
    g.mergeUndirectedEdge(s, t, { weight: e.weight, raw: e.raw ?? e.weight });
  }
  return g;
}

/**
 * Personalised PageRank (random walk with restart to the violators), by power iteration on the weighted
 * graph: graphology-metrics' PageRank has no restart vector. The result is divided by the entity's weighted
 * degree over the mean (degree-normalised PPR) unless `normalise` is false: plain PPR ranks hubs (a broker
 * serving everyone) first just for being hubs (`npm run bench -- --suite graph` compares both).
 */
export function propagate(g: UndirectedGraph, seeds: string[], damping: number, normalise = true): Map<string, number> {
  const nodes = g.nodes();
  const index = new Map(nodes.map((n, i) => [n, i]));
  const n = nodes.length;
  const strength = new Float64Array(n);
  const nbr: number[][] = nodes.map(() => []);
  const w: number[][] = nodes.map(() => []);
  g.forEachEdge((_e, attr, s, t) => {
    const i = index.get(s)!;
    const j = index.get(t)!;
    const x = attr.weight as number;
    nbr[i]!.push(j);
    w[i]!.push(x);
    nbr[j]!.push(i);
    w[j]!.push(x);
    strength[i]! += x;
    strength[j]! += x;
  });
  const restart = new Float64Array(n);
  for (const s of seeds) restart[index.get(s)!] = 1 / seeds.length;
  let r = Float64Array.from(restart);
  for (let it = 0; it < 100; it++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (strength[i] === 0) {
        dangling += r[i]!;
        continue;
      }
      const share = (damping * r[i]!) / strength[i]!;
      const ns = nbr[i]!;
      const ws = w[i]!;
      for (let k = 0; k < ns.length; k++) next[ns[k]!]! += share * ws[k]!;
    }
    // Walks that reach an entity without links, and the (1 − α) share, restart at a violator.
    const back = 1 - damping + damping * dangling;
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i]! += back * restart[i]!;
      change += Math.abs(next[i]! - r[i]!);
    }
    r = next;
    if (change < 1e-12) break;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += strength[i]!;
  const mean = n > 0 ? total / n : 1;
  if (!normalise) return new Map(nodes.map((k, i) => [k, r[i]!]));
  return new Map(nodes.map((k, i) => [k, strength[i]! > 0 ? r[i]! / (strength[i]! / mean) : 0]));
}

/** Breadth-first from every violator at once; stronger links are tried first, so ties go to them. */
function evidencePaths(g: UndirectedGraph, seeds: string[]): Map<string, string[]> {
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const s of seeds) {
    parent.set(s, null);
    queue.push(s);
  }
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    const next = g
      .edges(at)
      .map((e) => [g.opposite(at, e), g.getEdgeAttribute(e, 'weight') as number] as const)
      .sort((a, b) => b[1] - a[1]);
    for (const [n] of next) {
      if (parent.has(n)) continue;
      parent.set(n, at);
      queue.push(n);
    }
  }
  const paths = new Map<string, string[]>();
  for (const start of parent.keys()) {
    const path = [start];
    for (let p = parent.get(start); p != null; p = parent.get(p)) path.push(p);
    paths.set(start, path);
  }
  return paths;
}

export function analyse(g: UndirectedGraph, o: AnalysisOptions): EntityScores[] {
  const components = connectedComponents(g).sort((a, b) => b.length - a.length);
  const componentOf = new Map<string, [number, number]>();
  components.forEach((members, i) => {
    for (const m of members) componentOf.set(m, [i + 1, members.length]);
  });
  const communities = g.size > 0 ? louvain(g, { getEdgeWeight: 'weight', rng: rng(o.randomSeed) }) : {};
  const between =
    g.order <= o.betweennessLimit && g.size > 0
      ? betweennessCentrality(g, { getEdgeWeight: null, normalized: true })
      : null;
  const rank = g.size > 0 ? pagerank(g, { getEdgeWeight: 'weight' }) : {};
  const seeds = [...o.seeds].filter((s) => g.hasNode(s));
  const propagated = seeds.length > 0 ? propagate(g, seeds, o.damping) : null;
  const paths = seeds.length > 0 ? evidencePaths(g, seeds) : new Map<string, string[]>();
  const entityOf = (k: string): Entity => ({
    type: g.getNodeAttribute(k, 'type') as string,
    value: g.getNodeAttribute(k, 'value') as string,
  });

  // Community ids renumbered by size (1 = largest), so they read the same from run to run.
  const communitySize = new Map<number, number>();
  for (const c of Object.values(communities)) communitySize.set(c, (communitySize.get(c) ?? 0) + 1);
  const order = [...communitySize.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const renumber = new Map(order.map((c, i) => [c, i + 1]));
  let nextCommunity = order.length;

  const out: EntityScores[] = g.mapNodes((k) => {
    const isSeed = o.seeds.has(k);
    const path = paths.get(k);
    const c = communities[k];
    let weightedDegree = 0;
    g.forEachEdge(k, (_e, attr) => {
      weightedDegree += attr.raw as number;
    });
    return {
      key: k,
      entity: entityOf(k),
      isSeed,
      component: componentOf.get(k)![0],
      componentSize: componentOf.get(k)![1],
      community: c === undefined ? ++nextCommunity : renumber.get(c)!,
      degree: g.degree(k),
      weightedDegree,
      betweenness: between ? (between[k] ?? 0) : null,
      pagerank: rank[k] ?? 1 / Math.max(1, g.order),
      propagated: propagated ? (propagated.get(k) ?? 0) : null,
      risk: null,
      suspectRank: null,
      nearestSeed: path ? entityOf(path[path.length - 1]!) : null,
      path: path ? path.map(entityOf) : null,
    };
  });
  if (propagated) {
    // Ranked and scaled within each entity type: a broker's score and an importer's are not comparable
    // (they sit on different sides of the walk), and the officer reads "the 3rd most suspected importer".
    const byType = new Map<string, EntityScores[]>();
    for (const s of out) {
      if (!byType.has(s.entity.type)) byType.set(s.entity.type, []);
      byType.get(s.entity.type)!.push(s);
    }
    for (const group of byType.values()) {
      const suspects = group.filter((s) => !s.isSeed && (s.propagated ?? 0) > 0);
      suspects.sort((a, b) => b.propagated! - a.propagated! || a.key.localeCompare(b.key));
      const top = suspects[0]?.propagated ?? 0;
      suspects.forEach((s, i) => {
        s.suspectRank = i + 1;
      });
      for (const s of group) s.risk = s.isSeed ? 100 : top > 0 ? (100 * (s.propagated ?? 0)) / top : 0;
    }
  }
  return out;
}
