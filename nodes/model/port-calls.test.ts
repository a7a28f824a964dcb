import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import type { NodeError } from '../../runtime/errors.ts';
import { renderMessage } from '../../runtime/messages/render.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';
import { generateTracks, loadTrack, quality, trackSql } from './_port-call-tracks.testing.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const PORTS = values(
  ['code', 'lat:DOUBLE', 'lon:DOUBLE'],
  [
    ['KRPUS', 35.1, 129.04],
    ['KRUSN', 35.5, 129.38],
  ],
);
// Vessel A: at Busan berth 01:00–04:00 at 0.1 kn (a 3 h call), sails (12 kn), 10 h silence, crosses Ulsan's radius
// at 12 kn (no call), stops 2 h at sea far from both ports (a sea stop).
const POS = values(
  ['mmsi', 'ts', 'lat:DOUBLE', 'lon:DOUBLE', 'sog:DOUBLE'],
  [
    ['A', '2026-01-01 00:30:00', 35.09, 129.03, 6],
    ['A', '2026-01-01 01:00:00', 35.101, 129.041, 0.1],
    ['A', '2026-01-01 02:00:00', 35.101, 129.041, 0.2],
    ['A', '2026-01-01 03:00:00', 35.101, 129.041, 0.1],
    ['A', '2026-01-01 04:00:00', 35.101, 129.041, 0.0],
    ['A', '2026-01-01 04:30:00', 35.09, 129.05, 8],
    ['A', '2026-01-01 14:30:00', 35.48, 129.36, 12],
    ['A', '2026-01-01 14:40:00', 35.5, 129.381, 12],
    ['A', '2026-01-01 14:50:00', 35.52, 129.4, 12],
    ['A', '2026-01-01 16:00:00', 35.8, 129.8, 0.3],
    ['A', '2026-01-01 17:00:00', 35.8, 129.8, 0.2],
    ['A', '2026-01-01 18:00:00', 35.8, 129.8, 0.4],
    ['A', '2026-01-01 19:00:00', 35.9, 129.9, 11],
  ],
);
const REPORTED = values(
  ['ship', 'port', 'eta'],
  [
    ['A', 'KRPUS', '2026-01-01 03:00:00'], // 2 h after the detected ATA of 01:00
    ['A', 'KRUSN', '2026-01-01 15:00:00'], // reported, but A only passed by
  ],
);
const PARAMS = {
  vessel: 'mmsi',
  time: 'ts',
  lat: 'lat',
  lon: 'lon',
  speed: 'sog',
  portName: 'code',
  portLat: 'lat',
  portLon: 'lon',
};

async function run(params: Record<string, unknown>, pos = POS, reported = false) {
  const p = resolve(
    doc(
      [
        { id: 'p', type: 'test.values', params: pos },
        { id: 'q', type: 'test.values', params: PORTS },
        { id: 'r', type: 'test.values', params: REPORTED },
        { id: 'n', type: 'model.port_calls', params },
      ],
      [
        { source: 'p', target: 'n' },
        { source: 'q', target: 'n', targetPort: 'ports' },
        ...(reported ? [{ source: 'r', target: 'n', targetPort: 'reported' }] : []),
      ],
    ),
    nodeDefinitions,
  );
  const runtime = runtimeFor(engine, nodeDefinitions);
  const status = (await runtime.run(p, { targets: ['n'] })).nodes.find((s) => s.nodeId === 'n');
  if (status?.error) throw status.error;
  return (await runtime.preview(p, 'n', { limit: 100 })).rows;
}

const brief = (r: Record<string, unknown>) => [r.event, r.port, String(r.start_time), String(r.end_time), r.hours];

describe('model.port_calls', () => {
  it('finds the call, the sea stop and the gap worked out by hand, and ignores the pass-by', async () => {
    const rows = await run(PARAMS);
    expect(rows.map(brief)).toEqual([
      ['기항', 'KRPUS', '2026-01-01 01:00:00', '2026-01-01 04:00:00', 3],
      ['수신 공백', null, '2026-01-01 04:30:00', '2026-01-01 14:30:00', 10],
      ['해상 정박', null, '2026-01-01 16:00:00', '2026-01-01 18:00:00', 2],
    ]);
  });

  it('compares with arrival reports: hours late, and a report with no call', async () => {
    const rows = await run(
      { ...PARAMS, reportedVessel: 'ship', reportedPort: 'port', reportedArrival: 'eta' },
      POS,
      true,
    );
    const call = rows.find((r) => r.event === '기항')!;
    expect(call.arrival_diff_hours).toBe(-2);
    expect(call.note).toBeNull();
    const only = rows.filter((r) => r.event === '신고만 있음 (AIS 기항 없음)');
    expect(only.map((r) => r.port)).toEqual(['KRUSN']);
  });

  it('recovers planted calls on generated tracks far better than "any report inside a radius"', async () => {
    const t = generateTracks(7, 8, 12);
    await loadTrack(engine, t);
    const node = quality((await engine.query(trackSql())).rows, t);
    const naive = quality((await engine.query(trackSql(true))).rows, t);
    // measured (seed 7, 8 vessels, 12 days): see bench/RESULTS.md for the larger run
    expect(node.recall).toBeGreaterThanOrEqual(0.95);
    expect(node.precision).toBeGreaterThanOrEqual(0.95);
    expect(naive.precision).toBeLessThan(node.precision - 0.1);
    expect(node.dwellMae).toBeLessThan(0.5);
    expect(node.seaStopRecall).toBeGreaterThanOrEqual(0.9);
    expect(node.gapRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('bad input gets a Korean message naming the setting', async () => {
    const ko = async (params: Record<string, unknown>, pos = POS) => {
      try {
        await run(params, pos);
      } catch (e) {
        return renderMessage((e as NodeError).msg!, 'ko');
      }
      throw new Error('expected an error');
    };
    const empty = values(['mmsi', 'ts', 'lat:DOUBLE', 'lon:DOUBLE', 'sog:DOUBLE'], []);
    expect(await ko(PARAMS, empty)).toMatch(/위치 보고가 없습니다/);
    const swapped = await ko({ ...PARAMS, lat: 'lon', lon: 'lat' });
    expect(swapped).toMatch(/위도 열.*"lon" 열에 ±90를 벗어난 값 129/);
    expect(await ko({ ...PARAMS, time: 'mmsi' })).toMatch(
      /보고 시각 열.*"mmsi" 열에 날짜·시각으로 읽을 수 없는 값 "A"/,
    );
    const withReports = { ...PARAMS, reportedVessel: 'ship', reportedPort: 'port', reportedArrival: 'port' };
    await expect(run(withReports, POS, true)).rejects.toSatisfy((e: NodeError) =>
      /입항 신고의 입항 시각 열.*"port" 열에 날짜·시각으로 읽을 수 없는 값 "KRPUS"/.test(renderMessage(e.msg!, 'ko')),
    );
    expect(await ko({ ...PARAMS, time: 'sog' })).toMatch(/보고 시각 열.*"sog".*날짜·시각 열을 고르세요/);
  });
});
