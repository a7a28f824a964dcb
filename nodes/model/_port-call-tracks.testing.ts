/**
 * AIS-like tracks with planted port calls, sea stops, transmission gaps and pass-bys (a vessel crossing a port's
 * radius at speed: no call), for the node's tests, its bench and the template's sample data. Deterministic per seed.
 */
import type { Engine } from '../../runtime/engine/engine.ts';
import { rng } from '../../runtime/ml/rng.ts';
import { EVENT, portCallsSql } from './_port-calls-sql.ts';

export interface Port {
  port: string;
  lat: number;
  lon: number;
  radius_km: number;
}
export interface Fix {
  mmsi: string;
  ts: string;
  lat: number;
  lon: number;
  sog: number;
}
export interface PlantedCall {
  mmsi: string;
  port: string;
  ata: number;
  atd: number;
}
export interface Track {
  ports: Port[];
  fixes: Fix[];
  calls: PlantedCall[];
  seaStops: { mmsi: string; t0: number; t1: number }[];
  gaps: { mmsi: string; t0: number; t1: number }[];
  /** Reported arrivals (ATA ± up to an hour); one in ten calls is left unreported. */
  reported: { mmsi: string; port: string; arrival: string }[];
  /** Length of the window in hours (fixes stop there; a call still open then is incomplete). */
  hours: number;
}

/** Korean ports (approximate harbour centres), radius 2 km. */
export const PORTS: Port[] = [
  { port: 'KRPUS', lat: 35.1, lon: 129.04, radius_km: 2 },
  { port: 'KRUSN', lat: 35.5, lon: 129.38, radius_km: 2 },
  { port: 'KRKAN', lat: 34.9, lon: 127.7, radius_km: 2 },
  { port: 'KRMAS', lat: 35.18, lon: 128.57, radius_km: 2 },
  { port: 'KRINC', lat: 37.45, lon: 126.6, radius_km: 2 },
  { port: 'KRPTK', lat: 36.97, lon: 126.83, radius_km: 2 },
];

const EPOCH = Date.UTC(2026, 0, 1);
const KMH_PER_KNOT = 1.852;

const iso = (hours: number) => new Date(EPOCH + Math.round(hours * 3600) * 1000).toISOString().slice(0, 19);
const distKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};

/** `vessels` vessels over `days` days, a fix every `stepMinutes` (± a third). */
export function generateTracks(seed: number, vessels: number, days: number, stepMinutes = 10): Track {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const end = days * 24;
  const out: Track = { ports: PORTS, fixes: [], calls: [], seaStops: [], gaps: [], reported: [], hours: end };
  for (let v = 0; v < vessels; v++) {
    const mmsi = String(440100000 + v * 7);
    let t = rand() * 12;
    let at = pick(PORTS);
    // Fixes are emitted along a piecewise plan: each leg is [start hour, end hour, from, to, speed kn].
    const legs: {
      t0: number;
      t1: number;
      a: { lat: number; lon: number };
      b: { lat: number; lon: number };
      sog: number;
    }[] = [];
    const stay = (hours: number, where: { lat: number; lon: number }) => {
      legs.push({ t0: t, t1: t + hours, a: where, b: where, sog: 0.1 });
      t += hours;
    };
    const sail = (to: { lat: number; lon: number }, knots: number) => {
      const hours = distKm(legs.at(-1)?.b ?? at, to) / (knots * KMH_PER_KNOT);
      legs.push({ t0: t, t1: t + hours, a: legs.at(-1)?.b ?? at, b: to, sog: knots });
      t += hours;
    };
    while (t < end) {
      // Berth 0.4 km off the port centre, dwell 3–30 h.
      const berth = { lat: at.lat + 0.003, lon: at.lon + 0.002 };
      if (legs.length) sail(berth, 6);
      const dwell = 3 + rand() * 27;
      const ata = t;
      stay(dwell, berth);
      out.calls.push({ mmsi, port: at.port, ata, atd: ata + dwell });
      const next = pick(PORTS.filter((p) => p.port !== at.port));
      const knots = 11 + rand() * 5;
      // Leave the port area, maybe drift at sea, then maybe pass through another port's radius at speed (a decoy).
      sail({ lat: at.lat - 0.05, lon: at.lon + 0.05 }, 8);
      if (rand() < 0.25) {
        const h = 2 + rand() * 6;
        if (t + h < end) out.seaStops.push({ mmsi, t0: t, t1: t + h });
        stay(h, legs.at(-1)!.b);
      }
      if (rand() < 0.35) {
        const decoy = pick(PORTS.filter((p) => p.port !== at.port && p.port !== next.port));
        sail({ lat: decoy.lat + 0.004, lon: decoy.lon - 0.004 }, knots);
      }
      sail({ lat: next.lat - 0.05, lon: next.lon + 0.05 }, knots);
      at = next;
    }
    // Gaps: one silence of 8–20 h per three days at sea, planted while sailing.
    const silences: [number, number][] = [];
    for (const leg of legs) {
      if (leg.sog > 5 && leg.t1 - leg.t0 > 12 && rand() < 0.5) {
        const g0 = leg.t0 + 1;
        silences.push([g0, Math.min(leg.t1 - 1, g0 + 8 + rand() * 12)]);
      }
    }
    let h = 0;
    let last = -1;
    for (const leg of legs) {
      while (h < leg.t1 && h < end) {
        if (h >= leg.t0 && !silences.some(([a, b]) => h > a && h < b)) {
          const f = leg.t1 > leg.t0 ? (h - leg.t0) / (leg.t1 - leg.t0) : 0;
          const jitter = () => (rand() - 0.5) * 0.0004;
          out.fixes.push({
            mmsi,
            ts: iso(h),
            lat: Math.round((leg.a.lat + (leg.b.lat - leg.a.lat) * f + jitter()) * 1e5) / 1e5,
            lon: Math.round((leg.a.lon + (leg.b.lon - leg.a.lon) * f + jitter()) * 1e5) / 1e5,
            sog: Math.round(Math.max(0, leg.sog + (rand() - 0.5) * (leg.sog > 1 ? 2 : 0.2)) * 10) / 10,
          });
          last = h;
        }
        h += (stepMinutes / 60) * (0.67 + rand() * 0.66);
      }
    }
    for (const [a, b] of silences) if (b < last) out.gaps.push({ mmsi, t0: a, t1: b });
  }
  for (const c of out.calls) {
    if (rand() < 0.1) continue;
    out.reported.push({ mmsi: c.mmsi, port: c.port, arrival: iso(c.ata + (rand() - 0.5) * 2) });
  }
  return out;
}

export const hoursOf = (ts: unknown) => (new Date(`${String(ts).replace(' ', 'T')}Z`).getTime() - EPOCH) / 3600000;

/** Loads a generated track into tables `pos`, `ports` and `reported` of the engine. */
export async function loadTrack(engine: Engine, t: Track): Promise<void> {
  const f = t.fixes;
  await engine.createTable(
    'pos',
    [
      { name: 'mmsi', type: 'VARCHAR' },
      { name: 'ts', type: 'TIMESTAMP' },
      { name: 'lat', type: 'DOUBLE' },
      { name: 'lon', type: 'DOUBLE' },
      { name: 'sog', type: 'DOUBLE' },
    ],
    [f.map((x) => x.mmsi), f.map((x) => x.ts), f.map((x) => x.lat), f.map((x) => x.lon), f.map((x) => x.sog)],
  );
  const p = t.ports;
  await engine.createTable(
    'ports',
    [
      { name: 'port', type: 'VARCHAR' },
      { name: 'lat', type: 'DOUBLE' },
      { name: 'lon', type: 'DOUBLE' },
      { name: 'radius_km', type: 'DOUBLE' },
    ],
    [p.map((x) => x.port), p.map((x) => x.lat), p.map((x) => x.lon), p.map((x) => x.radius_km)],
  );
  const r = t.reported;
  await engine.createTable(
    'reported',
    [
      { name: 'mmsi', type: 'VARCHAR' },
      { name: 'port', type: 'VARCHAR' },
      { name: 'arrival', type: 'TIMESTAMP' },
    ],
    [r.map((x) => x.mmsi), r.map((x) => x.port), r.map((x) => x.arrival)],
  );
}

export const DEFAULTS = { speedMax: 1, radiusKm: 2, minStopMinutes: 60, gapHours: 6, matchHours: 48 };

/** The node's SQL over the loaded tables; `naive` = every run of reports inside a port radius is a call. */
export function trackSql(naive = false): string {
  return portCallsSql({
    positions: 'pos',
    ports: 'ports',
    reported: 'reported',
    p: { vessel: 'mmsi', time: 'ts', lat: 'lat', lon: 'lon', speed: 'sog' },
    port: { name: 'port', lat: 'lat', lon: 'lon', radius: 'radius_km' },
    r: { vessel: 'mmsi', port: 'port', arrival: 'arrival' },
    ...DEFAULTS,
    ...(naive ? { speedMax: 1e9, minStopMinutes: 0 } : {}),
  });
}

export interface Quality {
  detected: number;
  planted: number;
  precision: number;
  recall: number;
  /** Mean |detected dwell − planted dwell| in hours over matched calls. */
  dwellMae: number;
  /** Share of planted sea stops / gaps that overlap a detected one. */
  seaStopRecall: number;
  gapRecall: number;
}

/** Compares the node's rows with the plants: a detection matches a plant of the same vessel (and port) it overlaps. */
export function quality(rows: Record<string, unknown>[], t: Track): Quality {
  const of = (event: string) =>
    rows
      .filter((r) => r.event === event)
      .map((r) => ({
        mmsi: String(r.vessel),
        port: String(r.port),
        t0: hoursOf(r.start_time),
        t1: hoursOf(r.end_time),
      }));
  const overlaps = (a: { t0: number; t1: number }, b: { t0: number; t1: number }) => a.t0 <= b.t1 && b.t0 <= a.t1;
  // A call still open when the window ends has no ATD to compare: it and what overlaps it are left out.
  const open = t.calls.filter((c) => c.atd >= t.hours);
  const plants = t.calls.filter((c) => c.atd < t.hours);
  const detected = of(EVENT.call).filter(
    (d) => !open.some((c) => c.mmsi === d.mmsi && overlaps(d, { t0: c.ata, t1: c.atd })),
  );
  const used = new Set<number>();
  let hits = 0;
  let err = 0;
  for (const c of plants) {
    const i = detected.findIndex(
      (d, k) => !used.has(k) && d.mmsi === c.mmsi && d.port === c.port && overlaps(d, { t0: c.ata, t1: c.atd }),
    );
    if (i < 0) continue;
    used.add(i);
    hits++;
    err += Math.abs(detected[i]!.t1 - detected[i]!.t0 - (c.atd - c.ata));
  }
  const recallOf = (
    plants: { mmsi: string; t0: number; t1: number }[],
    found: { mmsi: string; t0: number; t1: number }[],
  ) =>
    plants.length
      ? plants.filter((s) => found.some((d) => d.mmsi === s.mmsi && overlaps(d, s))).length / plants.length
      : 1;
  return {
    detected: detected.length,
    planted: plants.length,
    precision: detected.length ? hits / detected.length : 0,
    recall: plants.length ? hits / plants.length : 0,
    dwellMae: hits ? err / hits : 0,
    seaStopRecall: recallOf(t.seaStops, of(EVENT.seaStop)),
    gapRecall: recallOf(t.gaps, of(EVENT.gap)),
  };
}
