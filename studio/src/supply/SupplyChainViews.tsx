import { geoEqualEarth, geoGraticule10, geoPath } from 'd3-geo';
import { type SankeyLink, type SankeyNode, sankey, sankeyJustify, sankeyLinkHorizontal } from 'd3-sankey';
import { useEffect, useMemo, useState } from 'react';
import { OTHER } from '../../../nodes/model/_supply-chain-sql.ts';
import { supplyChainFlows } from '../../../nodes/model/supply-chain-flows.ts';
import type { Lang } from '../i18n/lang-store.ts';
import { fill, formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { useEngine } from '../inspect/useEngine.ts';
import { type Flow, flaggedShare, flowsOf, mapArcs, placeName, routesOf, sankeyInput } from './flow-data.ts';
import { L, STAGE } from './labels.ts';
import OfficeMap from './OfficeMap.tsx';
import { amount, FLAGGED, FLAGGED_SHARE, STAGE_COLOURS } from './view-style.ts';
import { world } from './world.ts';
import './supply.css';

declare global {
  interface Window {
    /** What the supply-chain views drew, by node id, for the end-to-end check. */
    __supplyChain?: Record<string, { sankeyLinks: number; mapArcs: number }>;
  }
}

const W = 960;
const SANKEY_H = 520;
const MAP_H = 470;

type NodeExtra = { id: string; stage: string; name: string; column: number };
type LinkExtra = { flow: Flow };

/** The supply-chain chunk (loaded lazily with d3-sankey, d3-geo and the atlas): the flow table as a Sankey and a map. */
export default function SupplyChainViews(props: { nodeId: string; relation: string }) {
  const { nodeId, relation } = props;
  const [lang] = useLang();
  const engine = useEngine();
  const [data, setData] = useState<{ relation: string; flows: Flow[]; routes: Flow[] }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const ports = supplyChainFlows.outputPorts;
    if (!engine || !ports?.out || !ports.routes) return;
    let live = true;
    setError(undefined);
    Promise.all([engine.query(ports.out.sql(relation)), engine.query(ports.routes.sql(relation))]).then(
      ([f, r]) => live && setData({ relation, flows: flowsOf(f.rows), routes: routesOf(r.rows) }),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [engine, relation]);
  const flows = data?.relation === relation ? data.flows : undefined;
  const routes = data?.relation === relation ? data.routes : undefined;
  const count = useMemo(() => Boolean(flows?.every((f) => f.weight === f.rows)), [flows]);

  useEffect(() => {
    if (!flows) return;
    window.__supplyChain = {
      ...window.__supplyChain,
      [nodeId]: { sankeyLinks: flows.length, mapArcs: mapArcs(routes ?? [], OTHER).arcs.length },
    };
    return () => {
      if (window.__supplyChain) delete window.__supplyChain[nodeId];
    };
  }, [flows, routes, nodeId]);

  if (error) return <p className="error">{fill(L.failed[lang], { message: error })}</p>;
  if (!flows) return <p className="waiting">{L.loading[lang]}</p>;
  if (flows.length === 0) return <p className="empty">{L.noFlows[lang]}</p>;
  return (
    <div className="supply" data-testid="supply-chain">
      <p className="muted small">
        {count ? L.byCount[lang] : L.byValue[lang]} · <span className="supply-flagged">■</span> {L.flagged[lang]}
      </p>
      <section className="supply-view" data-view="sankey">
        <h3>{L.sankey[lang]}</h3>
        <Sankey flows={flows} count={count} lang={lang} />
      </section>
      <section className="supply-view" data-view="map">
        <h3>{L.map[lang]}</h3>
        <FlowMap flows={routes ?? []} count={count} lang={lang} />
      </section>
      {flows.some((f) => f.targetStage === 'office') && (
        <section className="supply-view" data-view="offices">
          <h3>{L.offices[lang]}</h3>
          <OfficeMap flows={flows} count={count} lang={lang} />
        </section>
      )}
    </div>
  );
}

function tip(f: Flow, count: boolean, lang: Lang, from: string, to: string): string {
  const parts = [`${from} → ${to}`, amount(f.weight, count, lang)];
  if (!count)
    parts.push(lang === 'ko' ? `${formatNumber(f.rows, lang)}건` : `${formatNumber(f.rows, lang)} ${L.rows.en}`);
  if (f.flaggedRows) parts.push(`${L.flaggedRows[lang]} ${formatNumber(f.flaggedRows, lang)}`);
  if (f.fraudRows) parts.push(`${L.fraud[lang]} ${formatNumber(f.fraudRows, lang)}`);
  return parts.join(' · ');
}

function Sankey(props: { flows: Flow[]; count: boolean; lang: Lang }) {
  const { flows, count, lang } = props;
  const graph = useMemo(() => {
    const input = sankeyInput(flows);
    const layout = sankey<NodeExtra, LinkExtra>()
      .nodeId((d) => d.id)
      .nodeAlign(sankeyJustify)
      .nodeWidth(12)
      .nodePadding(6)
      .extent([
        [1, 28],
        [W - 1, SANKEY_H - 4],
      ]);
    const g = layout({ nodes: input.nodes.map((n) => ({ ...n })), links: input.links.map((l) => ({ ...l })) });
    return { ...g, stages: input.stages };
  }, [flows]);
  const label = (n: SankeyNode<NodeExtra, LinkExtra>) =>
    n.name === OTHER ? L.other[lang] : placeName(n.name, n.stage, lang);
  const colour = (n: SankeyNode<NodeExtra, LinkExtra>) =>
    n.name === OTHER ? '#94a3b8' : (STAGE_COLOURS[n.column % STAGE_COLOURS.length] ?? '#64748b');
  // Headers sit over their column: the first starts at its left edge, the last ends at its right edge.
  const columnX = (i: number) => {
    const n = graph.nodes.find((d) => d.column === i);
    if (!n) return 0;
    if (i === 0) return (n.x0 ?? 0) + 2;
    return i === graph.stages.length - 1 ? (n.x1 ?? 0) - 6 : ((n.x0 ?? 0) + (n.x1 ?? 0)) / 2;
  };
  return (
    <svg className="supply-svg" viewBox={`0 0 ${W} ${SANKEY_H}`} role="img" aria-label={L.sankey[lang]}>
      {graph.stages.map((s, i) => (
        <text
          key={s}
          x={columnX(i)}
          y={14}
          textAnchor={i === 0 ? 'start' : i === graph.stages.length - 1 ? 'end' : 'middle'}
          className="supply-stage"
        >
          {STAGE[s]?.[lang] ?? s}
        </text>
      ))}
      <g fill="none">
        {graph.links.map((l: SankeyLink<NodeExtra, LinkExtra>, i) => {
          const s = l.source as SankeyNode<NodeExtra, LinkExtra>;
          const t = l.target as SankeyNode<NodeExtra, LinkExtra>;
          const red = flaggedShare(l.flow) >= FLAGGED_SHARE;
          return (
            <path
              // biome-ignore lint/suspicious/noArrayIndexKey: links have no other identity and never reorder
              key={i}
              className="supply-link"
              data-flagged={red || undefined}
              d={sankeyLinkHorizontal()(l) ?? ''}
              stroke={red ? FLAGGED : colour(s)}
              strokeOpacity={red ? 0.55 : 0.28}
              strokeWidth={Math.max(1, l.width ?? 1)}
            >
              <title>{tip(l.flow, count, lang, label(s), label(t))}</title>
            </path>
          );
        })}
      </g>
      {graph.nodes.map((n) => {
        const left = (n.x0 ?? 0) > W / 2;
        const h = (n.y1 ?? 0) - (n.y0 ?? 0);
        return (
          <g key={n.id} className="supply-node">
            <rect x={n.x0} y={n.y0} width={(n.x1 ?? 0) - (n.x0 ?? 0)} height={Math.max(1, h)} fill={colour(n)}>
              <title>{`${STAGE[n.stage]?.[lang] ?? n.stage} ${label(n)} · ${amount(n.value ?? 0, count, lang)}`}</title>
            </rect>
            {h >= 7 && (
              <text
                x={left ? (n.x0 ?? 0) - 4 : (n.x1 ?? 0) + 4}
                y={((n.y0 ?? 0) + (n.y1 ?? 0)) / 2}
                dy="0.35em"
                textAnchor={left ? 'end' : 'start'}
                className="supply-label"
              >
                {label(n)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * A curve between two projected places, bowed to the left of its direction. Drawn on the flat map rather than as
 * a great circle: near-antipodal routes (Brazil → Korea) would otherwise run along the map's edge.
 */
function arc(from: [number, number] | null, to: [number, number] | null): string {
  if (!from || !to) return '';
  const [x1, y1] = from;
  const [x2, y2] = to;
  const bow = 0.18;
  const cx = (x1 + x2) / 2 + (y2 - y1) * bow;
  const cy = (y1 + y2) / 2 - (x2 - x1) * bow;
  return `M${x1},${y1} Q${cx},${cy} ${x2},${y2}`;
}

function FlowMap(props: { flows: Flow[]; count: boolean; lang: Lang }) {
  const { flows, count, lang } = props;
  const { countries, at } = world();
  const { arcs, total, lumped } = useMemo(() => mapArcs(flows, OTHER), [flows]);
  // Centred on the western Pacific so Korea sits in the middle, Europe left and the Americas right.
  const projection = useMemo(
    () =>
      geoEqualEarth()
        .rotate([-140, 0])
        .fitExtent(
          [
            [4, 4],
            [W - 4, MAP_H - 4],
          ],
          { type: 'Sphere' },
        ),
    [],
  );
  const path = useMemo(() => geoPath(projection), [projection]);
  const drawn = arcs.filter((a) => at.has(a.from) && at.has(a.to));
  const unplaced = arcs.filter((a) => a.kind === 'korea' && !(at.has(a.from) && at.has(a.to)));
  const max = Math.max(1, ...drawn.map((a) => a.weight));
  const width = (w: number) => 0.8 + 9 * Math.sqrt(w / max);
  const notDrawn = total > 0 ? ((lumped + unplaced.reduce((s, a) => s + a.weight, 0)) / total) * 100 : 0;
  const involved = new Set(drawn.flatMap((a) => [a.from, a.to]));
  // Names only where the flow is big enough to matter (the rest in each arc's tooltip), so labels stay legible.
  const name = (code: string) => placeName(code, 'origin', lang);
  const named = (() => {
    // Biggest places first, each name at the first of four corners of its dot where it covers no name already
    // placed and no other place's dot; where none is free the name is left out (its tooltip remains).
    const size = new Map<string, number>([['KR', Number.POSITIVE_INFINITY]]);
    for (const a of drawn)
      if (a.weight >= max * 0.04) for (const c of [a.from, a.to]) size.set(c, Math.max(size.get(c) ?? 0, a.weight));
    type Box = [number, number, number, number];
    const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    const dots = new Map<string, Box>();
    for (const code of involved) {
      const p = projection(at.get(code)!);
      if (p) dots.set(code, [p[0] - 3, p[1] - 3, p[0] + 3, p[1] + 3]);
    }
    const placed: Box[] = [];
    const out = new Map<string, { x: number; y: number; anchor: 'start' | 'end' }>();
    for (const [code] of [...size].sort((a, b) => b[1] - a[1])) {
      const p = projection(at.get(code)!);
      if (!p) continue;
      const w = [...name(code)].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 10 : 6), 0);
      const right = { x: p[0] + 4, anchor: 'start' as const, x0: p[0] + 4, x1: p[0] + 4 + w };
      const left = { x: p[0] - 5, anchor: 'end' as const, x0: p[0] - 5 - w, x1: p[0] - 5 };
      const above = { y: p[1] - 4, y0: p[1] - 14, y1: p[1] - 2 };
      const below = { y: p[1] + 12, y0: p[1] + 2, y1: p[1] + 14 };
      // Korea's name sits below left of its dot, where the arcs into it do not run; the others above right first.
      const corners =
        code === 'KR'
          ? [
              [left, below],
              [right, below],
              [left, above],
              [right, above],
            ]
          : [
              [right, above],
              [left, above],
              [right, below],
              [left, below],
            ];
      for (const [h, v] of corners as [typeof right | typeof left, typeof above][]) {
        const box: Box = [h.x0, v.y0, h.x1, v.y1];
        const blocked =
          placed.some((b) => overlaps(box, b)) || [...dots].some(([c, d]) => c !== code && overlaps(box, d));
        if (blocked) continue;
        placed.push(box);
        out.set(code, { x: h.x, y: v.y, anchor: h.anchor });
        break;
      }
    }
    return out;
  })();
  return (
    <>
      <svg className="supply-svg" viewBox={`0 0 ${W} ${MAP_H}`} role="img" aria-label={L.map[lang]}>
        <defs>
          {/* Fixed-size arrowheads: scaled with the stroke they would swamp the thick arcs' ends. */}
          <marker
            id="supply-arrow-via"
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerUnits="userSpaceOnUse"
            markerWidth="11"
            markerHeight="11"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#ea580c" />
          </marker>
        </defs>
        <path d={path({ type: 'Sphere' }) ?? ''} fill="#f8fafc" stroke="#cbd5e1" />
        <path d={path(geoGraticule10()) ?? ''} fill="none" stroke="#e2e8f0" strokeWidth={0.5} />
        {countries.map((c, i) => (
          <path
            // biome-ignore lint/suspicious/noArrayIndexKey: the atlas' order is fixed
            key={i}
            d={path(c) ?? ''}
            fill={
              c.properties.iso2 === 'KR' ? '#bfdbfe' : involved.has(c.properties.iso2 ?? '') ? '#e2e8f0' : '#f1f5f9'
            }
            stroke="#fff"
            strokeWidth={0.5}
          />
        ))}
        {drawn.map((a) => {
          const red = a.rows > 0 && a.flaggedRows / a.rows >= FLAGGED_SHARE;
          const stroke = a.kind === 'korea' ? '#2563eb' : red ? FLAGGED : '#ea580c';
          return (
            <path
              key={`${a.kind}:${a.from}:${a.to}`}
              className="supply-arc"
              data-kind={a.kind}
              data-flagged={red || undefined}
              d={arc(projection(at.get(a.from)!), projection(at.get(a.to)!))}
              fill="none"
              stroke={stroke}
              strokeOpacity={0.6}
              strokeWidth={width(a.weight)}
              strokeDasharray={a.kind === 'via' ? '6 3' : undefined}
              strokeLinecap="round"
              // every blue arc ends in Korea: only the third-country legs need a direction
              markerEnd={a.kind === 'via' ? 'url(#supply-arrow-via)' : undefined}
            >
              <title>
                {`${name(a.from)} → ${a.to === 'KR' ? name('KR') : name(a.to)} · ${amount(a.weight, count, lang)}${
                  a.flaggedRows ? ` · ${L.flaggedRows[lang]} ${formatNumber(a.flaggedRows, lang)}` : ''
                }`}
              </title>
            </path>
          );
        })}
        {[...involved].map((code) => {
          const p = projection(at.get(code)!);
          if (!p) return null;
          const label = named.get(code);
          return (
            <g key={code} className="supply-place">
              <circle cx={p[0]} cy={p[1]} r={code === 'KR' ? 4 : 2.5} fill={code === 'KR' ? '#1d4ed8' : '#334155'} />
              {label && (
                <text x={label.x} y={label.y} textAnchor={label.anchor} className="supply-place-label">
                  {name(code)}
                </text>
              )}
              <title>{name(code)}</title>
            </g>
          );
        })}
      </svg>
      <p className="muted small">
        <span style={{ color: '#2563eb' }}>━</span> {L.toKorea[lang]} · <span style={{ color: '#ea580c' }}>╍</span>{' '}
        {L.viaThird[lang]}
        {notDrawn >= 0.5 ? ` · ${fill(L.notDrawn[lang], { share: notDrawn.toFixed(0) })}` : ''}
      </p>
    </>
  );
}
