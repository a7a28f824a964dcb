// Writes korea-outline.json: South and North Korea from the world-atlas 50m countries (Natural Earth, public
// domain), for the map of customs offices. The 110m atlas the world map uses draws the peninsula too coarsely for
// ports (Busan falls in the sea); the whole 50m atlas would add 740 KB to the view for two countries.
// Run: npx tsx studio/src/supply/korea-outline.extract.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const here = import.meta.dirname;
const topo = JSON.parse(
  readFileSync(path.join(here, '../../../node_modules/world-atlas/countries-50m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const all = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
const codes: Record<string, string> = { '410': 'KR', '408': 'KP' };
const round = (v: unknown): unknown => (Array.isArray(v) ? v.map(round) : Math.round((v as number) * 1000) / 1000);
const out = {
  type: 'FeatureCollection',
  features: all.features
    .filter((f) => codes[String(f.id)])
    .map((f) => ({
      type: 'Feature',
      properties: { iso2: codes[String(f.id)] },
      geometry: { type: f.geometry.type, coordinates: round((f.geometry as { coordinates: unknown }).coordinates) },
    })),
};
writeFileSync(path.join(here, 'korea-outline.json'), `${JSON.stringify(out)}\n`);
console.log(`korea-outline.json: ${out.features.map((f) => f.properties.iso2).join(', ')}`);
