import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import { ISO_NUMERIC } from './iso-numeric.ts';

type Json = Record<string, unknown>;
/** Just the TopoJSON shape this module touches. */
type Topology = { type: 'Topology'; objects: Record<string, Json> } & Json;

let cached: Topology | undefined;

/**
 * The world-atlas 110m countries, shipped with the app (no network), each feature tagged with its
 * ISO alpha-2 code so the chart looks rows up by the KCS country column directly.
 */
export function worldTopology(): Topology {
  if (cached) return cached;
  const alpha2 = new Map(Object.entries(ISO_NUMERIC).map(([a2, num]) => [num, a2]));
  const topo = world as unknown as Topology;
  const countries = topo.objects.countries as { type: 'GeometryCollection'; geometries: Json[] };
  cached = {
    ...topo,
    objects: {
      ...topo.objects,
      countries: {
        ...countries,
        geometries: countries.geometries.map((g) => ({
          ...g,
          properties: { ...(g.properties as Json), iso2: alpha2.get(String(g.id)) ?? null },
        })),
      },
    },
  } as Topology;
  return cached;
}

const land = () => ({ values: worldTopology(), format: { type: 'topojson', feature: 'countries' } });

/** Grey countries underneath, so places without data still show. */
const background = (): Json => ({
  data: land(),
  mark: { type: 'geoshape', fill: '#e5e7eb', stroke: '#ffffff', strokeWidth: 0.5 },
});

export function choroplethLayers(data: Json, country: string, measure: Json, measureField: string): Json[] {
  return [
    background(),
    {
      data: land(),
      transform: [
        { lookup: 'properties.iso2', from: { data, key: country, fields: [country, measureField] } },
        { filter: `isValid(datum[${JSON.stringify(measureField)}])` },
      ],
      mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.5 },
      encoding: {
        color: { ...measure, scale: { scheme: 'blues' } },
        tooltip: [{ field: 'properties.name', title: '국가' }, measure],
      },
    },
  ];
}

export function pointLayers(data: Json, encoding: Json): Json[] {
  return [background(), { data, mark: { type: 'circle', opacity: 0.7 }, encoding }];
}
