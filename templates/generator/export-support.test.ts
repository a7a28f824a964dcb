import { describe, expect, it } from 'vitest';
import { buildExportSupport, eligible, PROGRAMMES } from './export-support.ts';
import { buildWorld } from './world.ts';

describe('export-support world (model (9))', () => {
  const world = buildWorld(4000, 11);
  const es = buildExportSupport(world.companies, 11);

  it('is the same for the same seed', () => {
    const again = buildExportSupport(buildWorld(4000, 11).companies, 11);
    expect(again.participation).toEqual(es.participation);
    expect(again.rows.length).toBe(es.rows.length);
  });

  it('plants participation only where the hard rules allow it, mostly in the firm’s hidden track', () => {
    // the profile recomputed here from the export rows: HS chapters, destinations, value of the latest 365 days
    const last = Math.max(...es.rows.map((r) => r.day));
    const profile = new Map<string, { hs2: Set<string>; destinations: Set<string>; annual: number }>();
    for (const r of es.rows) {
      const p = profile.get(r.exporter) ?? { hs2: new Set<string>(), destinations: new Set<string>(), annual: 0 };
      p.hs2.add(r.hs6.slice(0, 2));
      p.destinations.add(r.destination);
      if (r.day > last - 365) p.annual += r.value;
      profile.set(r.exporter, p);
    }
    const exporter = new Map(es.exporters.map((e) => [e.company.id, e]));
    const programme = new Map(PROGRAMMES.map((p) => [p.id, p]));
    let inTrack = 0;
    for (const x of es.participation) {
      const e = exporter.get(x.company)!;
      const p = programme.get(x.programme)!;
      expect(
        eligible(p, e.company.size, e.certifications, profile.get(x.company)!),
        `${x.company} ${x.programme}`,
      ).toBe(true);
      if (p.track === e.track) inTrack++;
    }
    expect(es.participation.length).toBeGreaterThan(200);
    // five tracks: without the planted preference about a fifth would match
    expect(inTrack / es.participation.length).toBeGreaterThan(0.5);
  });
});
