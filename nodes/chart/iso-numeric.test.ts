import { expect, it } from 'vitest';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import { ISO_NUMERIC } from './iso-numeric.ts';
import { worldTopology } from './map-spec.ts';

it('maps alpha-2 codes onto every named country of the installed atlas, one to one', () => {
  const geometries = (world as unknown as { objects: { countries: { geometries: { id?: string }[] } } }).objects
    .countries.geometries;
  const ids = new Set(geometries.flatMap((g) => (g.id ? [g.id] : [])));
  const mapped = Object.values(ISO_NUMERIC);
  expect(new Set(mapped).size).toBe(mapped.length);
  expect(new Set(mapped)).toEqual(ids);
});

it('tags Korea and China with their codes', () => {
  const geometries = (worldTopology().objects.countries as { geometries: { properties: Record<string, unknown> }[] })
    .geometries;
  const byCode = new Map(geometries.map((g) => [g.properties.iso2, g.properties.name]));
  expect(byCode.get('KR')).toBe('South Korea');
  expect(byCode.get('CN')).toBe('China');
  expect(byCode.get('US')).toBe('United States of America');
});
