import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { worldTopology } from '../../../nodes/chart/map-spec.ts';

export type Country = Feature<Geometry, { iso2: string | null; name?: string }>;

/** Hubs too small for the 110m atlas (no polygon of their own): their positions by hand, [lon, lat]. */
const SMALL_PLACES: Record<string, [number, number]> = {
  HK: [114.17, 22.32],
  SG: [103.82, 1.35],
  MO: [113.54, 22.2],
  BH: [50.56, 26.07],
  MT: [14.43, 35.9],
};

let cache: { countries: Country[]; at: Map<string, [number, number]> } | undefined;

/** The atlas' countries (shipped with the app) and a point per ISO alpha-2 code to draw arcs between. */
export function world() {
  if (cache) return cache;
  const topo = worldTopology() as unknown as Topology<{ countries: GeometryCollection<{ iso2: string | null }> }>;
  const countries = (feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { iso2: string | null }>)
    .features as Country[];
  const at = new Map<string, [number, number]>(Object.entries(SMALL_PLACES));
  for (const c of countries) {
    const code = c.properties.iso2;
    if (!code || at.has(code)) continue;
    at.set(code, geoCentroid(mainland(c.geometry)));
  }
  cache = { countries, at };
  return cache;
}

/** A country's largest polygon, so France sits in Europe rather than between Europe and French Guiana. */
function mainland(g: Geometry): Polygon | Geometry {
  if (g.type !== 'MultiPolygon') return g;
  const polygons = (g as MultiPolygon).coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }) as Polygon);
  return polygons.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
}
