import type Graph from 'graphology';
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import { EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram, NodePointProgram } from 'sigma/rendering';
import type { Row } from '../../../runtime/schema/types.ts';
import { fill, formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { useEngine } from '../inspect/useEngine.ts';
import { L } from './labels.ts';
import {
  type ColourBy,
  colourOf,
  firstVisible,
  loadNetwork,
  type NetworkData,
  pathOf,
  type SizeBy,
  sizer,
} from './network-graph.ts';
import './network.css';

declare global {
  interface Window {
    /** The drawn networks by node id, for the end-to-end test and the studio benchmark. */
    __networks?: Record<string, { sigma: Sigma; graph: Graph; select(key: string | null): void }>;
  }
}

const FADED = '#e2e8f0';
const PATH = '#dc2626';
const EDGE = '#cbd5e1';
/**
 * Past this many entities or links the view draws for speed (measured: `npm run bench -- --suite studio-network`,
 * software WebGL): nodes as points (one vertex each; sigma's instanced circles cost 2–3× more a frame), links and
 * labels hidden while the camera moves (drawing 20,000 links made each moving frame 3–8× slower), and small discs
 * that keep their screen size when zooming in: a moving frame's cost is the pixels the discs cover (traced with
 * the DevTools protocol: the page's JavaScript takes under 1 ms, chromium's software WebGL the rest).
 */
const LARGE = { nodes: 1_500, edges: 5_000 };
const isLarge = (graph: Graph) => graph.order > LARGE.nodes || graph.size > LARGE.edges;
/** Entities on the evidence path stay big enough to see and click among a large network's small discs. */
const PATH_MIN_SIZE = 5;
/** A large network's discs keep their screen size when zooming in (they spread apart instead of growing). */
const sameSize = () => 1;
/** Links as 1-px lines (one draw of 2 vertices each); only the evidence path keeps thick rectangles. */
const EDGE_PROGRAMS = { line: EdgeLineProgram, thick: EdgeRectangleProgram };

/** The network chunk (loaded lazily with sigma.js): WebGL drawing of a link analysis' nodes and edges. */
export default function NetworkView(props: { nodeId: string; nodes: string; edges: string }) {
  const { nodeId, nodes, edges } = props;
  const [lang] = useLang();
  const engine = useEngine();
  const [data, setData] = useState<NetworkData>();
  const [error, setError] = useState<string>();
  const [colourBy, setColourBy] = useState<ColourBy>('risk');
  const [sizeBy, setSizeBy] = useState<SizeBy>('pagerank');
  const [selected, setSelected] = useState<string | null>(null);
  const [visible, setVisible] = useState<Set<string> | null>(null);
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState<string>();
  const host = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma>(null);

  useEffect(() => {
    if (!engine) return;
    let live = true;
    setData(undefined);
    setError(undefined);
    setSelected(null);
    loadNetwork(engine, nodes, edges).then(
      (d) => {
        if (!live) return;
        setVisible(firstVisible(d.graph));
        setData(d);
      },
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [engine, nodes, edges]);

  const path = useMemo(() => (data && selected ? pathOf(data, selected) : []), [data, selected]);
  const large = data ? isLarge(data.graph) : false;
  const size = useMemo(() => (data ? sizer(data.graph, sizeBy, large) : undefined), [data, sizeBy, large]);

  // The renderer lives as long as the data; what it shows is decided by the reducers below on each refresh.
  useEffect(() => {
    if (!data || !host.current) return;
    let renderer: Sigma;
    try {
      const large = isLarge(data.graph);
      renderer = new Sigma(data.graph, host.current, {
        // A large network's discs are 1.5–6 px: labels from 3 px, sigma's label grid keeps them apart.
        labelRenderedSizeThreshold: large ? 3 : 9,
        zoomToSizeRatioFunction: large ? sameSize : Math.sqrt, // sigma's default: discs grow with √zoom
        // A big network redraws its links and labels once the camera stops, so pan and zoom stay fluid.
        hideEdgesOnMove: large,
        hideLabelsOnMove: large,
        renderEdgeLabels: false,
        defaultEdgeType: 'line',
        edgeProgramClasses: EDGE_PROGRAMS,
        nodeProgramClasses: { circle: large ? NodePointProgram : NodeCircleProgram },
        defaultEdgeColor: EDGE,
        zIndex: true,
      });
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    sigma.current = renderer;
    renderer.on('clickNode', ({ node }) => setSelected(node));
    renderer.on('clickStage', () => setSelected(null));
    window.__networks = {
      ...window.__networks,
      [nodeId]: { sigma: renderer, graph: data.graph, select: (key) => setSelected(key) },
    };
    return () => {
      renderer.kill();
      sigma.current = null;
      if (window.__networks) delete window.__networks[nodeId];
    };
  }, [data, nodeId]);

  useEffect(() => {
    const renderer = sigma.current;
    if (!renderer || !data || !size) return;
    const onPath = new Set(path);
    const pathEdges = new Set<string>();
    for (let i = 1; i < path.length; i++) {
      const e = data.graph.edge(path[i - 1]!, path[i]!);
      if (e) pathEdges.add(e);
    }
    const focus = selected !== null;
    // Reducers run when the view changes (not on camera moves); sigma hands each a fresh copy of the
    // attributes, so they are filled in place rather than copied again.
    renderer.setSetting('nodeReducer', (key, attr) => {
      const row = attr.row as Row;
      const lit = !focus || onPath.has(key) || key === selected;
      attr.hidden = visible !== null && !visible.has(key) && !onPath.has(key);
      attr.size = large && onPath.has(key) ? Math.max(PATH_MIN_SIZE, size(row)) : size(row);
      attr.color = lit ? colourOf(row, colourBy) : FADED;
      attr.highlighted = key === selected;
      attr.forceLabel = focus && onPath.has(key);
      attr.zIndex = lit ? 1 : 0;
      return attr;
    });
    const shown = (k: string) => visible === null || visible.has(k) || onPath.has(k);
    renderer.setSetting('edgeReducer', (key, attr) => {
      const onEvidence = pathEdges.has(key);
      attr.hidden = !onEvidence && !(shown(data.graph.source(key)) && shown(data.graph.target(key)));
      attr.type = onEvidence ? 'thick' : 'line';
      attr.color = onEvidence ? PATH : focus ? FADED : EDGE;
      attr.size = onEvidence ? 3 : 1;
      attr.zIndex = onEvidence ? 1 : 0;
      return attr;
    });
  }, [data, size, large, colourBy, selected, visible, path]);

  const find = () => {
    if (!data) return;
    const q = query.trim().toLowerCase();
    if (!q) return;
    let hit: string | undefined;
    data.graph.forEachNode((k, a) => {
      const label = String(a.label).toLowerCase();
      if (hit === undefined && (label === q || String((a.row as Row).entity).toLowerCase() === q)) hit = k;
    });
    data.graph.forEachNode((k, a) => {
      if (hit === undefined && String(a.label).toLowerCase().includes(q)) hit = k;
    });
    if (hit === undefined) {
      setMissing(query.trim());
      return;
    }
    setMissing(undefined);
    const key = hit;
    setVisible((v) => (v === null ? v : new Set([...v, key])));
    setSelected(key);
    const d = sigma.current?.getNodeDisplayData(key);
    if (d) sigma.current?.getCamera().animate({ x: d.x, y: d.y, ratio: 0.25 }, { duration: 400 });
  };

  const expand = () => {
    if (!data || !selected) return;
    setVisible((v) => (v === null ? v : new Set([...v, selected, ...data.graph.neighbors(selected)])));
  };

  if (error) return <p className="error">{fill(L.failed[lang], { message: error })}</p>;
  if (!data)
    return (
      <p className="waiting">
        <span className="spinner" aria-hidden="true" /> {L.loading[lang]}
      </p>
    );
  const shown = visible === null ? data.graph.order : visible.size;
  const row = selected ? (data.graph.getNodeAttribute(selected, 'row') as Row) : undefined;
  return (
    <section className="network" data-testid="network" data-node={nodeId}>
      <div className="network-bar">
        <span className="muted small" data-testid="network-summary">
          {fill(L.summary[lang], {
            shown: formatNumber(shown, lang),
            nodes: formatNumber(data.graph.order, lang),
            edges: formatNumber(data.graph.size, lang),
          })}{' '}
          {data.totalNodes > data.graph.order &&
            fill(L.truncated[lang], {
              max: formatNumber(data.graph.order, lang),
              total: formatNumber(data.totalNodes, lang),
            })}
        </span>
        <label>
          {L.colourBy[lang]}{' '}
          <select value={colourBy} onChange={(e) => setColourBy(e.target.value as ColourBy)}>
            <option value="risk">{L.risk[lang]}</option>
            <option value="community">{L.community[lang]}</option>
          </select>
        </label>
        <label>
          {L.sizeBy[lang]}{' '}
          <select value={sizeBy} onChange={(e) => setSizeBy(e.target.value as SizeBy)}>
            <option value="pagerank">{L.pagerank[lang]}</option>
            <option value="degree">{L.degree[lang]}</option>
            <option value="betweenness">{L.betweenness[lang]}</option>
          </select>
        </label>
        <form
          className="network-search"
          onSubmit={(e) => {
            e.preventDefault();
            find();
          }}
        >
          <input
            type="search"
            aria-label={L.search[lang]}
            placeholder={L.search[lang]}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit">{L.searchButton[lang]}</button>
        </form>
        {visible !== null && (
          <button type="button" onClick={() => setVisible(null)}>
            {L.showAll[lang]}
          </button>
        )}
        {missing && <span className="error small">{fill(L.notFound[lang], { query: missing })}</span>}
      </div>
      <div className="network-body">
        <div className="network-canvas" ref={host} data-testid="network-canvas" />
        <aside className="network-details" data-testid="network-details">
          {row ? (
            <Details
              row={row}
              lang={lang}
              onExpand={visible !== null ? expand : undefined}
              onClear={() => setSelected(null)}
            />
          ) : (
            <p className="muted small">{L.pickHint[lang]}</p>
          )}
        </aside>
      </div>
    </section>
  );
}

function Details(props: { row: Row; lang: 'ko' | 'en'; onExpand?: () => void; onClear: () => void }) {
  const { row, lang } = props;
  const num = (v: unknown, digits = 0) =>
    typeof v === 'number'
      ? v.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: digits })
      : '—';
  const items: [string, string][] = [
    [L.entity[lang], String(row.entity)],
    [L.entityType[lang], String(row.entity_type)],
    [L.isSeed[lang], row.is_seed ? L.yes[lang] : L.no[lang]],
    [L.risk[lang], num(row.risk, 1)],
    [L.suspectRank[lang], num(row.suspect_rank)],
    [L.nearestSeed[lang], row.nearest_seed == null ? '—' : String(row.nearest_seed)],
    [L.community[lang], num(row.community)],
    [L.component[lang], `${num(row.component)} (${num(row.component_size)})`],
    [L.degree[lang], num(row.degree)],
    [L.pagerank[lang], num(row.pagerank, 5)],
    [L.betweenness[lang], num(row.betweenness, 5)],
  ];
  return (
    <>
      <dl>
        {items.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="small">
        <strong>{L.evidencePath[lang]}</strong>
        <br />
        <span data-testid="network-path">
          {typeof row.evidence_path === 'string' ? row.evidence_path : L.noPath[lang]}
        </span>
      </p>
      <div className="network-actions">
        {props.onExpand && (
          <button type="button" onClick={props.onExpand}>
            {L.expand[lang]}
          </button>
        )}
        <button type="button" className="link" onClick={props.onClear}>
          {L.clear[lang]}
        </button>
      </div>
    </>
  );
}
