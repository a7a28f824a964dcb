/** Dashboards: permissions like pipelines, data from the newest succeeded scheduled run, filters as WHERE, report. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterRunHook } from '../runs/after-run.ts';
import { readRunnerConfig } from '../runs/config.ts';
import { workerExecutor } from '../runs/executor.ts';
import { Runner } from '../runs/runner.ts';
import { drivers } from '../test/databases.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, type TestServer, testServer } from '../test/harness.ts';

type Json = Record<string, unknown>;
type Item = Json & { id: string; status: string; rows?: Json[] };

describe('dashboards [pglite]', () => {
  let server: TestServer;
  let kim: Client;
  let park: Client;
  let lee: Client;
  let runner: Runner;
  const dataDir = mkdtempSync(join(tmpdir(), 'cas-dashboards-'));
  let pipelineId: string;
  let scheduleId: string;
  let dashboardId: string;

  beforeAll(async () => {
    const filesDir = join(dataDir, 'files');
    mkdirSync(filesDir);
    writeFileSync(join(filesDir, 'decl.csv'), 'id,country,value\n1,KR,500\n2,CN,2000\n3,KR,9000\n4,US,3000\n');
    server = await testServer(drivers[0]!, (c) => {
      c.dataDir = dataDir;
    });
    await server.user('kim', { department: '통관' });
    await server.user('park', { department: '통관' });
    await server.user('lee', { department: '심사' });
    [kim, park, lee] = [await server.signIn('kim'), await server.signIn('park'), await server.signIn('lee')];
    const { db } = server.database;
    const artifactsDir = readRunnerConfig({}, dataDir).artifactsDir;
    const execute = workerExecutor({
      db,
      datasetsDir: server.deps.config.uploads.datasetsDir,
      allowedDir: filesDir,
      artifactsDir,
      timeLimitMs: 20_000,
      threads: 1,
      memoryLimit: '256MB',
      heapMb: 256,
    });
    const retention = { keepRuns: 5, keepDays: 30 };
    const afterRun = afterRunHook(db, { artifactsDir, retention, webhookTimeoutMs: 1000 }, server.deps);
    runner = new Runner({ db, now: server.deps.now, execute, maxAttempts: 1, afterRun });
    const doc = pipelineDoc('국가별 신고', { path: 'decl.csv' });
    const nodes: { id: string; type: string; params: object }[] = doc.nodes;
    nodes.push({ id: 'chart', type: 'chart.vega', params: { mark: 'bar', x: 'country', y: 'value' } });
    doc.edges.push({ source: 'q', target: 'chart' });
    pipelineId = ((await (await kim.post('/api/pipelines', { doc })).json()) as Json).id as string;
    const res = await kim.post('/api/schedules', { pipelineId, cron: '0 0 1 1 *', params: { min_value: 1000 } });
    scheduleId = ((await res.json()) as Json).id as string;
  }, 30_000);

  afterAll(async () => {
    await runner?.stop();
    await server?.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const runNow = async () => {
    const run = (await (await kim.post(`/api/schedules/${scheduleId}/run`)).json()) as Json;
    await runner.tick();
    await runner.idle();
    const done = (await (await kim.get(`/api/runs/${run.id}`)).json()) as Json;
    expect(done.status, String(done.error)).toBe('succeeded');
    return done as { id: string; finishedAt: string };
  };
  const dataOf = async (c: Client, values?: Json) => {
    const q = values ? `?values=${encodeURIComponent(JSON.stringify(values))}` : '';
    const res = await c.get(`/api/dashboards/${dashboardId}/data${q}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Item[]; filters: Json[] };
    return { ...body, byId: Object.fromEntries(body.items.map((i) => [i.id, i])) as Record<string, Item> };
  };
  const layout = () => [
    { id: 't', kind: 'table', pipelineId, nodeId: 'out', x: 0, y: 0, w: 6, h: 4, title: '목록' },
    { id: 'c', kind: 'chart', pipelineId, nodeId: 'chart', x: 6, y: 0, w: 6, h: 4, title: '국가별' },
    {
      id: 'n',
      kind: 'figure',
      pipelineId,
      nodeId: 'out',
      x: 0,
      y: 4,
      w: 3,
      h: 2,
      title: '건수',
      figure: { fn: 'count' },
    },
    {
      id: 's',
      kind: 'figure',
      pipelineId,
      nodeId: 'out',
      x: 3,
      y: 4,
      w: 3,
      h: 2,
      title: '합계',
      figure: { fn: 'sum', column: 'value' },
    },
  ];

  let firstRun: { id: string; finishedAt: string };

  it('creates a dashboard over a pipeline the owner sees, refusing pipelines they do not', async () => {
    firstRun = await runNow();
    const res = await kim.post('/api/dashboards', {
      title: '통관 현황',
      layout: layout(),
      filters: [{ column: 'country', label: '국가' }],
    });
    expect(res.status).toBe(201);
    const d = (await res.json()) as Json;
    dashboardId = d.id as string;
    expect(d).toMatchObject({ title: '통관 현황', visibility: 'private', canEdit: true });
    // lee may not see kim's private pipeline, so may not place it on a dashboard of his own
    const refused = await lee.post('/api/dashboards', { title: 'x', layout: layout() });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Json).code).toBe('unknown_pipeline');
    const doc = (await (await kim.get('/api/openapi.json')).json()) as { paths: Json };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/dashboards'))).toEqual([
      '/api/dashboards',
      '/api/dashboards/{id}',
      '/api/dashboards/{id}/data',
      '/api/dashboards/{id}/report',
    ]);
  }, 60_000);

  it('reads each item from the run: rows, figures and a chart spec, with the run time and filter choices', async () => {
    const { byId, filters } = await dataOf(kim);
    // q keeps value >= 1000: ids 2 (CN 2000), 3 (KR 9000), 4 (US 3000)
    expect(byId.t!.rows!.map((r) => r.id)).toEqual([2, 3, 4]);
    expect(byId.t).toMatchObject({ status: 'ok', runId: firstRun.id, runAt: firstRun.finishedAt, totalRows: 3 });
    expect(byId.n!.value).toBe(3);
    expect(byId.s!.value).toBe(14000); // 2000 + 9000 + 3000
    // the chart's own stored table: one bar per country, summed
    const spec = byId.c!.spec as { data: { values: Json[] }; mark: unknown };
    expect(spec.data.values.map((r) => [r.country, r.value]).sort()).toEqual([
      ['CN', 2000],
      ['KR', 9000],
      ['US', 3000],
    ]);
    expect(filters).toEqual([{ column: 'country', label: '국가', options: ['CN', 'KR', 'US'] }]);
  }, 30_000);

  it('applies filters as a WHERE to every item that has the column, saved or chosen by the viewer', async () => {
    const { byId } = await dataOf(kim, { country: ['KR', 'US'] });
    expect(byId.t!.rows!.map((r) => r.id)).toEqual([3, 4]);
    expect(byId.t!.applied).toEqual(['country']);
    expect(byId.s!.value).toBe(12000); // 9000 + 3000
    const spec = byId.c!.spec as { data: { values: Json[] } };
    expect(spec.data.values.map((r) => r.country).sort()).toEqual(['KR', 'US']);
    // a quote in a value is a value, not SQL
    const odd = await dataOf(kim, { country: ["KR' OR '1'='1"] });
    expect(odd.byId.n!.value).toBe(0);
    // saved values apply when the viewer chooses none; an empty list clears them
    await kim.patch(`/api/dashboards/${dashboardId}`, {
      filters: [{ column: 'country', label: '국가', values: ['CN'] }],
    });
    expect((await dataOf(kim)).byId.s!.value).toBe(2000);
    expect((await dataOf(kim, { country: [] })).byId.s!.value).toBe(14000);
    expect((await kim.get(`/api/dashboards/${dashboardId}/data?values=nope`)).status).toBe(400);
  }, 30_000);

  it('always shows the newest succeeded scheduled run', async () => {
    await kim.patch(`/api/schedules/${scheduleId}`, { params: { min_value: 2500 } });
    server.advance(60_000);
    const second = await runNow();
    const { byId } = await dataOf(kim, { country: [] });
    // value >= 2500: ids 3 (9000) and 4 (3000)
    expect(byId.t!.rows!.map((r) => r.id)).toEqual([3, 4]);
    expect(byId.t).toMatchObject({ runId: second.id, runAt: second.finishedAt });
    expect(byId.n!.value).toBe(2);
  }, 60_000);

  it('shares like pipelines: the dashboard and each item’s pipeline must both be visible', async () => {
    expect((await park.get(`/api/dashboards/${dashboardId}`)).status).toBe(404);
    expect((await park.get(`/api/dashboards/${dashboardId}/data`)).status).toBe(404);
    expect((await kim.patch(`/api/dashboards/${dashboardId}`, { visibility: 'department' })).status).toBe(200);
    // park (same department) sees the dashboard, but kim's pipeline is still private: items are hidden
    const shared = await dataOf(park);
    expect(shared.items.map((i) => i.status)).toEqual(['hidden', 'hidden', 'hidden', 'hidden']);
    expect(shared.byId.t!.rows).toBeUndefined();
    expect((await lee.get(`/api/dashboards/${dashboardId}`)).status).toBe(404);
    await kim.patch(`/api/pipelines/${pipelineId}`, { visibility: 'department' });
    // the saved filter (CN) matches nothing in the newest run (value >= 2500); without it: ids 3 and 4
    expect((await dataOf(park)).byId.n).toMatchObject({ status: 'ok', value: 0 });
    expect((await dataOf(park, { country: [] })).byId.n).toMatchObject({ status: 'ok', value: 2 });
    // park may view but not change it
    expect((await park.patch(`/api/dashboards/${dashboardId}`, { title: 'mine' })).status).toBe(403);
    expect((await park.delete(`/api/dashboards/${dashboardId}`)).status).toBe(403);
    const parks = ((await (await park.get('/api/dashboards')).json()) as { items: Json[] }).items;
    expect(parks.map((d) => [d.title, d.canEdit])).toEqual([['통관 현황', false]]);
    expect(((await (await park.get('/api/dashboards?mine=true')).json()) as { items: Json[] }).items).toEqual([]);
  }, 30_000);

  it('exports a standalone HTML report with the chart as inline SVG', async () => {
    const res = await kim.get(`/api/dashboards/${dashboardId}/report?values=${encodeURIComponent('{"country":[]}')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<h1>통관 현황</h1>');
    expect(html).toContain('<svg');
    expect(html).toContain('@media print');
    expect(html).toContain('국가: 전체'); // the saved CN is cleared by the empty choice
    expect(html).toContain('<td class="num">9,000</td>');
    expect(html).not.toContain('<script');
  }, 30_000);

  it('deletes: the owner only, then it is gone', async () => {
    expect((await kim.delete(`/api/dashboards/${dashboardId}`)).status).toBe(204);
    expect((await kim.get(`/api/dashboards/${dashboardId}`)).status).toBe(404);
  });
});
