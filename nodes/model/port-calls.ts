import { z } from 'zod';
import { isNumericType, isTemporalType, isTextType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { typeLabel } from '../../runtime/messages/type-names.ts';
import { defineNode } from '../../runtime/nodes/define-node.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { requireColumn, single, UNKNOWN } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { setting } from '../_shared/said.ts';
import { PORT_CALL_COLUMNS, portCallsSql } from './_port-calls-sql.ts';

const col = (port: string, ko: string, en: string) =>
  z.string().min(1).meta({ label: { ko, en }, widget: 'column', columnOf: port });
const num = (ko: string, en: string, value: number) =>
  z.number().gt(0).default(value).meta({ label: { ko, en }, widget: 'number' });

const params = z
  .object({
    vessel: col('in', '선박 식별 열 (MMSI·IMO)', 'Vessel id column (MMSI, IMO)'),
    time: col('in', '보고 시각 열', 'Report time column'),
    lat: col('in', '위도 열', 'Latitude column'),
    lon: col('in', '경도 열', 'Longitude column'),
    speed: col('in', '속력 열 (노트)', 'Speed column (knots)'),
    portName: col('ports', '항구 이름·코드 열', 'Port name or code column'),
    portLat: col('ports', '항구 위도 열', 'Port latitude column'),
    portLon: col('ports', '항구 경도 열', 'Port longitude column'),
    portRadius: col('ports', '항구 반경 열 (km, 선택)', 'Port radius column (km, optional)').optional(),
    radiusKm: num('기본 항구 반경 (km)', 'Default port radius (km)', 2),
    speedMax: num('정박 속력 상한 (노트)', 'Stopped at or below (knots)', 1),
    minStopMinutes: num('최소 정박 시간 (분)', 'Minimum stop (minutes)', 60),
    gapHours: num('수신 공백 기준 (시간)', 'Transmission gap above (hours)', 6),
    reportedVessel: col('reported', '입항 신고의 선박 열', 'Vessel column of the arrival reports').optional(),
    reportedPort: col('reported', '입항 신고의 항구 열', 'Port column of the arrival reports').optional(),
    reportedArrival: col(
      'reported',
      '입항 신고의 입항 시각 열',
      'Arrival time column of the arrival reports',
    ).optional(),
    matchHours: num('신고와 맞춰 볼 시간 폭 (시간)', 'Match reports within (hours)', 48),
  })
  .strict();

type Params = z.infer<typeof params>;

const PORTS_LABEL = { ko: '항구 목록', en: 'Port list' };

function numeric(s: Schema, name: string, param: keyof Params) {
  const c = requireColumn(s, name, param);
  if (c.type !== UNKNOWN && !isNumericType(c.type))
    throw new ParamError(
      `"${name}" must be numeric; it is ${c.type}`,
      param,
      msg('node.model_needs_numeric', { column: name, type: typeLabel(c.type), field: setting(params, param) }),
    );
}

function timeColumn(s: Schema, name: string, param: keyof Params) {
  const c = requireColumn(s, name, param);
  if (c.type !== UNKNOWN && !isTemporalType(c.type) && !isTextType(c.type))
    throw new ParamError(
      `"${name}" is ${c.type}, not a date and time`,
      param,
      msg('node.port_calls_time_type', { column: name, type: typeLabel(c.type), field: setting(params, param) }),
    );
}

function check(inputs: Record<string, Schema[]>, p: Params) {
  const pos = single(inputs);
  requireColumn(pos, p.vessel, 'vessel');
  timeColumn(pos, p.time, 'time');
  for (const k of ['lat', 'lon', 'speed'] as const) numeric(pos, p[k], k);
  const ports = inputs.ports?.[0];
  if (!ports)
    throw new ParamError('connect the port list', undefined, msg('node.model_connect', { what: PORTS_LABEL }));
  requireColumn(ports, p.portName, 'portName');
  numeric(ports, p.portLat, 'portLat');
  numeric(ports, p.portLon, 'portLon');
  if (p.portRadius) numeric(ports, p.portRadius, 'portRadius');
  const reported = inputs.reported?.[0];
  if (reported) {
    for (const k of ['reportedVessel', 'reportedPort', 'reportedArrival'] as const) {
      const name = p[k];
      if (!name) throw new ParamError(`choose ${k}`, k, msg('node.model_choose_column', { field: setting(params, k) }));
      requireColumn(reported, name, k);
    }
    timeColumn(reported, p.reportedArrival!, 'reportedArrival');
  }
}

export const portCalls = defineNode({
  type: 'model.port_calls',
  version: 1,
  kind: 'compute',
  category: 'model',
  label: { ko: '선박 입출항 분석', en: 'Vessel arrivals and departures' },
  description: {
    ko: 'AIS 위치 보고에서 항구 반경 안에 정박 속력 이하로 최소 시간 이상 머문 구간을 기항으로 찾아 입항(ATA)·출항(ATD)·체류 시간과 직전 기항지를 내고, 항구 밖 해상 정박과 수신 공백(AIS 꺼짐 의심)을 함께 적습니다. 입항 신고 표를 연결하면 신고 시각과의 차이, 신고 없는 기항, AIS에 없는 신고를 표시합니다.',
    en: 'From AIS position reports, finds port calls (at or below the stop speed inside a port radius for the minimum time): ATA, ATD, dwell and previous port; also sea stops outside ports and transmission gaps ("going dark"). With arrival reports connected: hours between reported and detected arrival, unreported calls, and reports with no call in the track.',
  },
  inputs: [
    { ...IN, label: { ko: 'AIS 위치 보고', en: 'AIS positions' } },
    { name: 'ports', label: PORTS_LABEL },
    { name: 'reported', label: { ko: '입항 신고 (선택)', en: 'Arrival reports (optional)' }, optional: true },
  ],
  outputs: [OUT],
  params,
  outputSchema: ({ inputs, params: p }) => {
    check(inputs, p);
    return PORT_CALL_COLUMNS.map(([name, type]) => ({ name, type }));
  },
  run: async ({ engine, inputs, params: p, tableName, signal }) => {
    const positions = inputs.in![0]!;
    // Data checks the schema cannot make: rows present, coordinates in range, times readable.
    const t = ident(p.time);
    const r = await engine.query(
      `SELECT count(*) FILTER (WHERE ${ident(p.vessel)} IS NOT NULL AND ${t} IS NOT NULL) AS n,
        any_value(${ident(p.lat)}) FILTER (WHERE abs(CAST(${ident(p.lat)} AS DOUBLE)) > 90) AS bad_lat,
        any_value(${ident(p.lon)}) FILTER (WHERE abs(CAST(${ident(p.lon)} AS DOUBLE)) > 180) AS bad_lon,
        any_value(CAST(${t} AS VARCHAR)) FILTER (WHERE ${t} IS NOT NULL AND TRY_CAST(${t} AS TIMESTAMP) IS NULL) AS bad_time
      FROM ${positions}`,
      { signal },
    );
    const row = r.rows[0] ?? {};
    if (!Number(row.n)) throw new ParamError('no position reports', 'time', msg('node.port_calls_no_positions', {}));
    if (row.bad_time !== null && row.bad_time !== undefined)
      throw new ParamError(
        `"${p.time}" holds "${row.bad_time}", not a time`,
        'time',
        msg('node.port_calls_time_value', {
          column: p.time,
          value: String(row.bad_time),
          field: setting(params, 'time'),
        }),
      );
    for (const [k, bad, max] of [
      ['lat', row.bad_lat, 90],
      ['lon', row.bad_lon, 180],
    ] as const)
      if (bad !== null && bad !== undefined)
        throw new ParamError(
          `"${p[k]}" holds ${bad}, outside ±${max}`,
          k,
          msg('node.port_calls_coordinate', { column: p[k], value: String(bad), max, field: setting(params, k) }),
        );
    const reported = inputs.reported?.[0];
    if (reported && p.reportedArrival) {
      const a = ident(p.reportedArrival);
      const bad = (
        await engine.query(
          `SELECT any_value(CAST(${a} AS VARCHAR)) AS v FROM ${reported} WHERE ${a} IS NOT NULL AND TRY_CAST(${a} AS TIMESTAMP) IS NULL`,
          { signal },
        )
      ).rows[0]?.v;
      if (bad !== null && bad !== undefined)
        throw new ParamError(
          `"${p.reportedArrival}" holds "${bad}", not a time`,
          'reportedArrival',
          msg('node.port_calls_time_value', {
            column: p.reportedArrival,
            value: String(bad),
            field: setting(params, 'reportedArrival'),
          }),
        );
    }
    const sql = portCallsSql({
      positions,
      ports: inputs.ports![0]!,
      p: { vessel: p.vessel, time: p.time, lat: p.lat, lon: p.lon, speed: p.speed },
      port: { name: p.portName, lat: p.portLat, lon: p.portLon, radius: p.portRadius },
      ...(reported && p.reportedVessel && p.reportedPort && p.reportedArrival
        ? { reported, r: { vessel: p.reportedVessel, port: p.reportedPort, arrival: p.reportedArrival } }
        : {}),
      speedMax: p.speedMax,
      radiusKm: p.radiusKm,
      minStopMinutes: p.minStopMinutes,
      gapHours: p.gapHours,
      matchHours: p.matchHours,
    });
    await engine.exec(`CREATE OR REPLACE TABLE ${ident(tableName)} AS ${sql}`, { signal });
    return {};
  },
});
