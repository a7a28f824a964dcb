/**
 * The vessel-arrivals template's sample data (not part of `npm run data`, whose outputs stay as they are):
 *   npx tsx templates/generator/vessel-tracks-sample.ts
 * writes templates/data/vessel_positions.csv, vessel_ports.csv and vessel_arrival_reports.csv from the same
 * generated tracks the node's tests and bench use (planted calls, sea stops, AIS gaps, pass-bys).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateTracks } from '../../nodes/model/_port-call-tracks.testing.ts';

const DATA = path.resolve(import.meta.dirname, '../data');
const t = generateTracks(11, 6, 10, 20);
const csv = (header: string[], rows: unknown[][]) => `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`;
const at = (ts: string) => ts.replace('T', ' ');
writeFileSync(
  path.join(DATA, 'vessel_positions.csv'),
  csv(
    ['mmsi', 'report_time', 'lat', 'lon', 'sog_knots'],
    t.fixes.map((f) => [f.mmsi, at(f.ts), f.lat, f.lon, f.sog]),
  ),
);
writeFileSync(
  path.join(DATA, 'vessel_ports.csv'),
  csv(
    ['port_code', 'lat', 'lon', 'radius_km'],
    t.ports.map((p) => [p.port, p.lat, p.lon, p.radius_km]),
  ),
);
writeFileSync(
  path.join(DATA, 'vessel_arrival_reports.csv'),
  csv(
    ['mmsi', 'port_code', 'reported_arrival'],
    t.reported.map((r) => [r.mmsi, r.port, at(r.arrival)]),
  ),
);
console.log(`${t.fixes.length} positions, ${t.calls.length} planted calls, ${t.reported.length} reports`);
