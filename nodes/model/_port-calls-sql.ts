import { ident, literal } from '../../runtime/sql/quote.ts';

/** Column choices and thresholds of `model.port_calls`, as the SQL needs them. */
export interface PortCallOptions {
  /** Relations (tables or parenthesised queries) of the positions, ports and (optional) reported arrivals. */
  positions: string;
  ports: string;
  reported?: string;
  p: { vessel: string; time: string; lat: string; lon: string; speed: string };
  port: { name: string; lat: string; lon: string; radius?: string };
  r?: { vessel: string; port: string; arrival: string };
  /** Knots at or below which a vessel counts as stopped. */
  speedMax: number;
  /** Default port radius in km when the port table has no radius column. */
  radiusKm: number;
  minStopMinutes: number;
  gapHours: number;
  /** A reported arrival matches a detected call of the same vessel and port within this many hours. */
  matchHours: number;
}

export const EVENT = {
  call: '기항',
  seaStop: '해상 정박',
  gap: '수신 공백',
  reportedOnly: '신고만 있음 (AIS 기항 없음)',
} as const;

export const PORT_CALL_COLUMNS: [string, string][] = [
  ['vessel', 'VARCHAR'],
  ['event', 'VARCHAR'],
  ['port', 'VARCHAR'],
  ['start_time', 'TIMESTAMP'],
  ['end_time', 'TIMESTAMP'],
  ['hours', 'DOUBLE'],
  ['previous_port', 'VARCHAR'],
  ['lat', 'DOUBLE'],
  ['lon', 'DOUBLE'],
  ['reported_arrival', 'TIMESTAMP'],
  ['arrival_diff_hours', 'DOUBLE'],
  ['note', 'VARCHAR'],
];

/** Great-circle distance in km between two lat/lon pairs in degrees (haversine). */
export function haversineKmSql(lat1: string, lon1: string, lat2: string, lon2: string): string {
  return `(12742.0 * asin(sqrt(pow(sin(radians(${lat2} - ${lat1}) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * pow(sin(radians(${lon2} - ${lon1}) / 2), 2))))`;
}

/** The cleaned positions every query of the node starts from (time read as TIMESTAMP). */
export function positionsSql(o: Pick<PortCallOptions, 'positions' | 'p'>): string {
  return `SELECT CAST(${ident(o.p.vessel)} AS VARCHAR) AS vessel, CAST(${ident(o.p.time)} AS TIMESTAMP) AS ts,
    CAST(${ident(o.p.lat)} AS DOUBLE) AS lat, CAST(${ident(o.p.lon)} AS DOUBLE) AS lon,
    CAST(${ident(o.p.speed)} AS DOUBLE) AS sog
  FROM ${o.positions}
  WHERE ${ident(o.p.vessel)} IS NOT NULL AND ${ident(o.p.time)} IS NOT NULL AND ${ident(o.p.lat)} IS NOT NULL
    AND ${ident(o.p.lon)} IS NOT NULL`;
}

/**
 * Port calls, sea stops and transmission gaps as one table (column `event` tells which), by gaps-and-islands:
 * a port visit is a maximal run of a vessel's fixes inside one port's radius; it is a call when its fixes at or
 * below the speed threshold span at least the minimum time (ATA = first such fix, ATD = last). A vessel that only
 * passes through the radius is no call. A sea stop is a run of slow fixes outside every port lasting the minimum
 * time; a gap is a silence between two reports longer than the threshold.
 */
export function portCallsSql(o: PortCallOptions): string {
  const radius = o.port.radius ? `CAST(${ident(o.port.radius)} AS DOUBLE)` : String(o.radiusKm);
  const minStop = `INTERVAL ${Math.round(o.minStopMinutes * 60)} SECOND`;
  const hoursBetween = (a: string, b: string) => `(epoch(${b}) - epoch(${a})) / 3600.0`;
  const calls = `
    p AS (SELECT row_number() OVER () AS rid, * FROM (${positionsSql(o)})),
    pt AS (SELECT CAST(${ident(o.port.name)} AS VARCHAR) AS port, CAST(${ident(o.port.lat)} AS DOUBLE) AS plat,
      CAST(${ident(o.port.lon)} AS DOUBLE) AS plon, ${radius} AS r FROM ${o.ports}
      WHERE ${ident(o.port.name)} IS NOT NULL),
    inport AS (SELECT p.rid, arg_min(pt.port, ${haversineKmSql('p.lat', 'p.lon', 'pt.plat', 'pt.plon')}) AS port
      FROM p JOIN pt ON abs(p.lat - pt.plat) < pt.r / 100.0 + 0.01
        AND ${haversineKmSql('p.lat', 'p.lon', 'pt.plat', 'pt.plon')} <= pt.r
      GROUP BY p.rid),
    a AS (SELECT p.*, i.port, p.sog <= ${o.speedMax} AS slow,
        lag(p.ts) OVER w AS prev_ts, lag(p.lat) OVER w AS prev_lat, lag(p.lon) OVER w AS prev_lon,
        coalesce(i.port, '') IS DISTINCT FROM lag(coalesce(i.port, '')) OVER w AS new_visit,
        (p.sog <= ${o.speedMax} AND i.port IS NULL) IS DISTINCT FROM lag(p.sog <= ${o.speedMax} AND i.port IS NULL) OVER w AS new_stop
      FROM p LEFT JOIN inport i USING (rid)
      WINDOW w AS (PARTITION BY p.vessel ORDER BY p.ts, p.rid)),
    g AS (SELECT *, sum(new_visit::INT) OVER w AS visit, sum(new_stop::INT) OVER w AS stop
      FROM a WINDOW w AS (PARTITION BY vessel ORDER BY ts, rid ROWS UNBOUNDED PRECEDING)),
    visits AS (SELECT vessel, port, min(ts) FILTER (WHERE slow) AS ata, max(ts) FILTER (WHERE slow) AS atd,
        avg(lat) FILTER (WHERE slow) AS lat, avg(lon) FILTER (WHERE slow) AS lon
      FROM g WHERE port IS NOT NULL GROUP BY vessel, port, visit),
    calls AS (SELECT *, lag(port) OVER (PARTITION BY vessel ORDER BY ata) AS previous_port
      FROM visits WHERE atd - ata >= ${minStop}),
    stops AS (SELECT vessel, min(ts) AS t0, max(ts) AS t1, avg(lat) AS lat, avg(lon) AS lon
      FROM g WHERE slow AND port IS NULL GROUP BY vessel, stop HAVING max(ts) - min(ts) >= ${minStop}),
    gaps AS (SELECT vessel, prev_ts AS t0, ts AS t1, prev_lat AS lat, prev_lon AS lon,
        CASE WHEN haversine_km >= 1 THEN '공백 중 이동 ' || round(haversine_km, 1) || 'km' END AS note
      FROM (SELECT *, ${haversineKmSql('prev_lat', 'prev_lon', 'lat', 'lon')} AS haversine_km FROM a)
      WHERE ${hoursBetween('prev_ts', 'ts')} > ${o.gapHours})`;
  const head = 'vessel, event, port, start_time, end_time, hours, previous_port, lat, lon';
  const parts = [
    `SELECT vessel, ${literal(EVENT.seaStop)}, NULL, t0, t1, ${hoursBetween('t0', 't1')}, NULL, lat, lon, NULL::TIMESTAMP, NULL::DOUBLE, NULL FROM stops`,
    `SELECT vessel, ${literal(EVENT.gap)}, NULL, t0, t1, ${hoursBetween('t0', 't1')}, NULL, lat, lon, NULL::TIMESTAMP, NULL::DOUBLE, note FROM gaps`,
  ];
  let withReported = '';
  if (o.reported && o.r) {
    withReported = `,
    rep AS (SELECT row_number() OVER () AS rep_id, CAST(${ident(o.r.vessel)} AS VARCHAR) AS vessel,
        CAST(${ident(o.r.port)} AS VARCHAR) AS port, CAST(${ident(o.r.arrival)} AS TIMESTAMP) AS arrival
      FROM ${o.reported} WHERE ${ident(o.r.vessel)} IS NOT NULL AND ${ident(o.r.arrival)} IS NOT NULL),
    matched AS (SELECT c.vessel, c.ata, arg_min(rep.rep_id, abs(epoch(rep.arrival) - epoch(c.ata))) AS rep_id
      FROM calls c JOIN rep ON rep.vessel = c.vessel AND rep.port = c.port
        AND abs(${hoursBetween('rep.arrival', 'c.ata')}) <= ${o.matchHours}
      GROUP BY c.vessel, c.ata)`;
    parts.unshift(
      `SELECT c.vessel, ${literal(EVENT.call)}, c.port, c.ata, c.atd, ${hoursBetween('c.ata', 'c.atd')}, c.previous_port, c.lat, c.lon,
        rep.arrival, ${hoursBetween('rep.arrival', 'c.ata')},
        CASE WHEN rep.rep_id IS NULL THEN '입항 신고 없음' END
      FROM calls c LEFT JOIN matched m ON m.vessel = c.vessel AND m.ata = c.ata LEFT JOIN rep ON rep.rep_id = m.rep_id`,
      `SELECT vessel, ${literal(EVENT.reportedOnly)}, port, arrival, NULL, NULL, NULL, NULL, NULL, arrival, NULL,
        '신고된 입항을 AIS 항적에서 찾지 못함'
      FROM rep WHERE rep_id NOT IN (SELECT rep_id FROM matched)`,
    );
  } else {
    parts.unshift(
      `SELECT vessel, ${literal(EVENT.call)}, port, ata, atd, ${hoursBetween('ata', 'atd')}, previous_port, lat, lon, NULL::TIMESTAMP, NULL::DOUBLE, NULL FROM calls`,
    );
  }
  return `WITH ${calls}${withReported}
  SELECT * REPLACE (round(hours, 2) AS hours, round(arrival_diff_hours, 2) AS arrival_diff_hours, round(lat, 5) AS lat,
    round(lon, 5) AS lon) FROM (${parts.join('\nUNION ALL ')}) AS u(${head}, reported_arrival, arrival_diff_hours, note)
  ORDER BY vessel, start_time, event`;
}
