/**
 * What the network view draws, apart from React and WebGL: the node/edge tables of a link analysis read into a
 * graphology graph with a ForceAtlas2 layout, colours by risk or community, sizes by a centrality, the
 * evidence path of a selected entity, and the entities shown at first.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Engine } from '../../../runtime/engine/engine.ts';
import type { Row } from '../../../runtime/schema/types.ts';

/** What the view reads at most: smooth pan and zoom is measured at this size (`npm run bench -- --suite studio-network`). */
export const MAX_NODES = 5_000;
export const MAX_EDGES = 20_000;
/** Past this many entities the view opens on the most suspected ones; "show all" and "expand" add the rest. */
export const FIRST_VIEW = 1_500;
const FIRST_SUSPECTS = 300;

export type ColourBy = 'risk' | 'community';
export type SizeBy = 'pagerank' | 'degree' | 'betweenness';

export interface NetworkData {
  graph: Graph;
  /** Entities and links in the tables, beyond what was read when over the limits. */
  totalNodes: number;
  totalEdges: number;
  /** Label (as the evidence path writes it) → node key. */
  byLabel: Map<string, string>;
}

/** Node keys as the analysis writes them: type and value, which a code cannot contain. */
const keyOf = (type: string, value: string) => `${type}\u001f${value}`;

export async function loadNetwork(engine: Engine, nodes: string, edges: string): Promise<NetworkData> {
  const counts = await engine.query(
    `SELECT (SELECT count(*) FROM ${nodes}) AS n, (SELECT count(*) FROM ${edges}) AS e`,
  );
  const nodeRows = (
    await engine.query(
      `SELECT * FROM ${nodes} ORDER BY is_seed DESC, risk DESC NULLS LAST, pagerank DESC, entity LIMIT ${MAX_NODES}`,
    )
  ).rows;
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE __network_nodes AS SELECT entity_type, entity FROM ${nodes} ORDER BY is_seed DESC, risk DESC NULLS LAST, pagerank DESC, entity LIMIT ${MAX_NODES}`,
  );
  const edgeRows = (
    await engine.query(
      `SELECT e.source_type, e.source, e.target_type, e.target, e.weight, e.via FROM ${edges} e
       JOIN __network_nodes a ON a.entity_type = e.source_type AND a.entity = e.source
       JOIN __network_nodes b ON b.entity_type = e.target_type AND b.entity = e.target
       ORDER BY e.weight DESC LIMIT ${MAX_EDGES}`,
    )
  ).rows;
  await engine.exec('DROP TABLE IF EXISTS __network_nodes');
  const typed = new Set(nodeRows.map((r) => r.entity_type)).size > 1;
  const network = buildNetwork(nodeRows, edgeRows, typed);
  return {
    ...network,
    totalNodes: Number(counts.rows[0]?.n ?? nodeRows.length),
    totalEdges: Number(counts.rows[0]?.e ?? edgeRows.length),
  };
}

/** A graph whose node attributes are the analysis row (`row`), a label, and a laid-out position. */
export function buildNetwork(
  nodeRows: Row[],
  edgeRows: Row[],
  typed: boolean,
): Omit<NetworkData, 'totalNodes' | 'totalEdges'> {
  const graph = new Graph({ type: 'undirected', multi: false });
  const byLabel = new Map<string, string>();
  // Seeded start positions on a spiral: the same tables lay out the same way every time.
  nodeRows.forEach((row, i) => {
    const key = keyOf(String(row.entity_type), String(row.entity));
    const label = typed ? `${row.entity}(${row.entity_type})` : String(row.entity);
    const angle = i * 2.399963;
    const radius = Math.sqrt(i + 1);
    graph.mergeNode(key, { label, row, x: radius * Math.cos(angle), y: radius * Math.sin(angle), size: 4 });
    byLabel.set(label, key);
  });
  for (const e of edgeRows) {
    const s = keyOf(String(e.source_type), String(e.source));
    const t = keyOf(String(e.target_type), String(e.target));
    if (s !== t && graph.hasNode(s) && graph.hasNode(t))
      graph.mergeEdge(s, t, { weight: Number(e.weight) || 1, via: e.via, size: 1 });
  }
  if (graph.order > 1) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, {
      iterations: graph.order > 2_000 ? 40 : 100,
      settings: { ...settings, barnesHutOptimize: graph.order > 500 },
      getEdgeWeight: null,
    });
  }
  return { graph, byLabel };
}

const PALETTE = [
  '#2563eb',
  '#16a34a',
  '#ea580c',
  '#9333ea',
  '#0891b2',
  '#ca8a04',
  '#db2777',
  '#4d7c0f',
  '#7c3aed',
  '#0d9488',
  '#b45309',
  '#475569',
];

/** Risk 0 → pale blue-grey, 100 → red; known violators dark red; no risk computed → grey. */
export function colourOf(row: Row, by: ColourBy): string {
  if (by === 'community') {
    const c = Number(row.community);
    return Number.isFinite(c) && c > 0 ? PALETTE[(c - 1) % PALETTE.length]! : '#94a3b8';
  }
  if (row.is_seed === true) return '#7f1d1d';
  const r = typeof row.risk === 'number' ? Math.max(0, Math.min(100, row.risk)) / 100 : null;
  if (r === null) return '#94a3b8';
  const mix = (a: number, b: number) => Math.round(a + (b - a) * Math.sqrt(r));
  return `rgb(${mix(203, 220)}, ${mix(213, 38)}, ${mix(225, 38)})`;
}

/**
 * Node radius by the square root of the centrality over its maximum: 3–16 px, or 1.5–6 px in a large network.
 * Five thousand 3–16 px discs in a 940 × 420 canvas cover each other into one blob (links and colours hidden), and
 * in software WebGL their pixels are what a moving frame costs (`npm run bench -- --suite studio-network`).
 */
export function sizer(graph: Graph, by: SizeBy, large: boolean): (row: Row) => number {
  const [min, span] = large ? [1.5, 4.5] : [3, 13];
  let max = 0;
  graph.forEachNode((_k, a) => {
    const v = Number((a.row as Row)[by]);
    if (Number.isFinite(v) && v > max) max = v;
  });
  return (row) => {
    const v = Number(row[by]);
    return min + (max > 0 && Number.isFinite(v) ? span * Math.sqrt(Math.max(0, v) / max) : 0);
  };
}

/** The selected entity's evidence path as node keys (the analysis' own path, read back from its labels). */
export function pathOf(data: NetworkData, key: string): string[] {
  const row = data.graph.getNodeAttribute(key, 'row') as Row;
  if (typeof row.evidence_path !== 'string') return [key];
  const keys = row.evidence_path.split(' → ').map((label) => data.byLabel.get(label));
  return keys.every((k) => k !== undefined) ? (keys as string[]) : [key];
}

/** Everything when small; otherwise the known violators and the most suspected entities. */
export function firstVisible(graph: Graph): Set<string> | null {
  if (graph.order <= FIRST_VIEW) return null;
  const keys: string[] = [];
  const suspects: [string, number][] = [];
  graph.forEachNode((k, a) => {
    const row = a.row as Row;
    // Without known violators there is no risk: the most central entities instead.
    const score = typeof row.risk === 'number' ? row.risk : Number(row.pagerank) || 0;
    if (row.is_seed === true) keys.push(k);
    else if (score > 0) suspects.push([k, score]);
  });
  suspects.sort((a, b) => b[1] - a[1]);
  return new Set([...keys, ...suspects.slice(0, FIRST_SUSPECTS).map(([k]) => k)]);
}
