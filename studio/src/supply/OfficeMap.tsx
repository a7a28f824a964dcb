import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'react';
import type { Lang } from '../i18n/lang-store.ts';
import { fill, formatNumber } from '../i18n/translate.ts';
import type { Flow } from './flow-data.ts';
import koreaOutline from './korea-outline.json' with { type: 'json' };
import { L } from './labels.ts';
import { officePoints } from './offices.ts';
import { amount, FLAGGED, FLAGGED_SHARE, STAGE_COLOURS } from './view-style.ts';

const OW = 540;
const OH = 470;
/** The peninsula's part of the office map: labels go to the seas on either side, joined to their circles. */
const LABEL_W = 150;

/** The office stage on a map of Korea: a bubble per customs office sized by what entered it, red where much of it is a possible circumvention. */
export default function OfficeMap(props: { flows: Flow[]; count: boolean; lang: Lang }) {
  const { flows, count, lang } = props;
  const { points, unplaced, total } = useMemo(() => officePoints(flows), [flows]);
  const projection = useMemo(
    () =>
      geoMercator().fitExtent(
        [
          [LABEL_W, 12],
          [OW - LABEL_W, OH - 12],
        ],
        {
          type: 'MultiPoint',
          coordinates: [
            [125.9, 33.15],
            [129.6, 38.65],
          ],
        },
      ),
    [],
  );
  const path = useMemo(() => geoPath(projection), [projection]);
  const max = Math.max(1, ...points.map((p) => p.weight));
  const radius = (w: number) => 3 + 16 * Math.sqrt(w / max);
  const callouts = useMemo(() => officeCallouts(points, projection), [points, projection]);
  const notDrawn = total > 0 ? (unplaced / total) * 100 : 0;
  return (
    <>
      <svg className="supply-svg supply-offices" viewBox={`0 0 ${OW} ${OH}`} role="img" aria-label={L.offices[lang]}>
        <rect width={OW} height={OH} fill="#f8fafc" />
        {(koreaOutline as FeatureCollection<Geometry, { iso2: string }>).features.map((c) => (
          <path
            key={c.properties.iso2}
            d={path(c) ?? ''}
            fill={c.properties.iso2 === 'KR' ? '#dbeafe' : '#f1f5f9'}
            stroke="#94a3b8"
            strokeWidth={0.6}
          />
        ))}
        {[...points].reverse().map((p) => {
          const xy = projection(p.at);
          const c = callouts.get(p.office);
          if (!xy || !c) return null;
          const red = p.rows > 0 && p.flaggedRows / p.rows >= FLAGGED_SHARE;
          const left = c.side === 'left';
          return (
            <g key={p.office} className="supply-office" data-office={p.office} data-flagged={red || undefined}>
              <polyline
                points={`${xy[0]},${xy[1]} ${left ? LABEL_W - 6 : OW - LABEL_W + 6},${c.y} ${left ? LABEL_W - 10 : OW - LABEL_W + 10},${c.y}`}
                fill="none"
                stroke="#94a3b8"
                strokeWidth={0.7}
              />
              <circle
                cx={xy[0]}
                cy={xy[1]}
                r={radius(p.weight)}
                fill={STAGE_COLOURS[2]}
                fillOpacity={0.45}
                stroke={red ? FLAGGED : STAGE_COLOURS[2]}
                strokeWidth={red ? 2.5 : 1}
              />
              <text
                x={left ? LABEL_W - 12 : OW - LABEL_W + 12}
                y={c.y + 4}
                textAnchor={left ? 'end' : 'start'}
                className="supply-label"
              >
                {p.office} <tspan className="supply-office-amount">{amount(p.weight, count, lang)}</tspan>
              </text>
              <title>
                {`${p.office} · ${amount(p.weight, count, lang)} · ${formatNumber(p.rows, lang)} ${L.rows[lang]}${
                  p.flaggedRows ? ` · ${L.flaggedRows[lang]} ${formatNumber(p.flaggedRows, lang)}` : ''
                }`}
              </title>
            </g>
          );
        })}
      </svg>
      <p className="muted small">
        {L.officeSize[lang]}
        {notDrawn >= 0.5 ? ` · ${fill(L.officeNotDrawn[lang], { share: notDrawn.toFixed(0) })}` : ''}
      </p>
    </>
  );
}

/**
 * Labels in the seas beside the peninsula: offices west of 128°E (Seoul's cluster, the west and south-west coasts) to the left, the rest to the
 * right, each side top to bottom at the height of its office, pushed down so no two overlap.
 */
function officeCallouts(
  points: { office: string; at: [number, number] }[],
  projection: (p: [number, number]) => [number, number] | null,
): Map<string, { side: 'left' | 'right'; y: number }> {
  const out = new Map<string, { side: 'left' | 'right'; y: number }>();
  const placed = points
    .map((p) => ({ office: p.office, xy: projection(p.at), side: p.at[0] < 128 ? 'left' : 'right' }) as const)
    .filter((p): p is typeof p & { xy: [number, number] } => p.xy !== null)
    .sort((a, b) => a.xy[1] - b.xy[1]);
  for (const side of ['left', 'right'] as const) {
    let next = 14;
    for (const p of placed.filter((q) => q.side === side)) {
      const y = Math.max(p.xy[1], next);
      out.set(p.office, { side, y });
      next = y + 15;
    }
  }
  return out;
}
