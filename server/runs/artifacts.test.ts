/** Artifacts: stored as Parquet by the real worker executor, downloadable in three formats, pruned. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../test/databases.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, type TestServer, testServer } from '../test/harness.ts';
import { afterRunHook } from './after-run.ts';
import { readRunnerConfig } from './config.ts';
import { workerExecutor } from './executor.ts';
import { Runner } from './runner.ts';

type Json = Record<string, unknown>;
const DAY = 86_400_000;

describe('run artifacts [pglite]', () => {
  let server: TestServer;
  let kim: Client;
  let park: Client;
  let runner: Runner;
  const dataDir = mkdtempSync(join(tmpdir(), 'cas-artifacts-'));
  const filesDir = join(dataDir, 'files');
  const root = readRunnerConfig({}, dataDir).artifactsDir;
  const retention = { keepRuns: 2, keepDays: 30 };
  let pipelineId: string;
  let scheduleId: string;

  beforeAll(async () => {
    mkdirSync(filesDir);
    writeFileSync(join(filesDir, 'decl.csv'), 'id,value\n1,500\n2,2000\n3,9000\n');
    server = await testServer(drivers[0]!, (c) => {
      c.dataDir = dataDir;
    });
    await server.user('kim');
    await server.user('park');
    kim = await server.signIn('kim');
    park = await server.signIn('park');
    const { db } = server.database;
    const execute = workerExecutor({
      db,
      datasetsDir: server.deps.config.uploads.datasetsDir,
      allowedDir: filesDir,
      artifactsDir: root,
      timeLimitMs: 20_000,
      threads: 1,
      memoryLimit: '256MB',
      heapMb: 256,
    });
    const afterRun = afterRunHook(
      db,
      { artifactsDir: root, retention, webhookTimeoutMs: 1000 },
      { now: server.deps.now, log: () => {} },
    );
    runner = new Runner({ db, now: server.deps.now, execute, maxAttempts: 1, afterRun });
    const doc = pipelineDoc('위험 목록', { path: 'decl.csv' });
    // a second, final branch: one row, n = 3 declarations, total = 500 + 2000 + 9000 = 11500
    doc.nodes.push({
      id: 'agg',
      type: 'sql',
      params: { query: 'select count(*)::INTEGER as n, sum(value)::INTEGER as total from src' },
    });
    doc.edges.push({ source: 'src', target: 'agg' });
    // a bar chart of q: one bar per id (2 and 3), stored as its small table and as SVG
    const nodes: { id: string; type: string; params: object }[] = doc.nodes;
    nodes.push({ id: 'chart', type: 'chart.vega', params: { mark: 'bar', x: 'id', y: 'value' } });
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
    return done.id as string;
  };
  const artifactsOf = async (runId: string) =>
    ((await (await kim.get(`/api/runs/${runId}/artifacts`)).json()) as { items: Json[] }).items;

  let first: string;

  it('stores the output node input and each final node as Parquet, with rows, bytes and columns', async () => {
    first = await runNow();
    const items = await artifactsOf(first);
    // out receives q (value >= 1000: ids 2 and 3); agg is final with one row
    expect(items.map((a) => [a.nodeId, a.nodeType, a.format, a.rows])).toEqual([
      ['agg', 'sql', 'parquet', 1],
      ['chart', 'chart.vega', 'parquet', 2],
      ['chart', 'chart.vega', 'svg', 2],
      ['out', 'output.file', 'parquet', 2],
    ]);
    expect(items[3]!.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'value', type: 'BIGINT' },
    ]);
    expect(items[3]!.bytes).toBeGreaterThan(0);
    expect(existsSync(join(root, first, 'out.parquet'))).toBe(true);
  }, 60_000);

  it('downloads an artifact as Parquet, CSV and XLSX with the same rows', async () => {
    const parquet = await kim.get(`/api/runs/${first}/artifacts/out?format=parquet`);
    expect(parquet.status).toBe(200);
    expect(parquet.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('위험 목록')}-out.parquet`,
    );
    const rows = await parquetReadObjects({ file: await parquet.arrayBuffer() });
    expect(rows).toEqual([
      { id: 2n, value: 2000n },
      { id: 3n, value: 9000n },
    ]);

    const csv = await kim.get(`/api/runs/${first}/artifacts/out?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toBe('id,value\n2,2000\n3,9000\n');

    const xlsx = await kim.get(`/api/runs/${first}/artifacts/agg?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'n', 'total']);
    expect(sheet.getRow(2).values).toEqual([undefined, 3, 11500]);
    expect(sheet.rowCount).toBe(2);
  }, 30_000);

  it('draws a chart node as SVG', async () => {
    const res = await kim.get(`/api/runs/${first}/artifacts/chart?format=svg`);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await res.text();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('value (합계)'); // the y title of a summed value
    expect((await kim.get(`/api/runs/${first}/artifacts/out?format=svg`)).status).toBe(404);
  });

  it('keeps artifacts from users who may not see the pipeline', async () => {
    expect((await park.get(`/api/runs/${first}/artifacts`)).status).toBe(404);
    expect((await park.get(`/api/runs/${first}/artifacts/out?format=csv`)).status).toBe(404);
    expect((await kim.get(`/api/runs/${first}/artifacts/nope`)).status).toBe(404);
  });

  it('prunes: a schedule keeps its last 2 runs, and nothing older than 30 days', async () => {
    server.advance(1000);
    const second = await runNow();
    server.advance(1000);
    const third = await runNow();
    // keepRuns = 2: the first run's artifacts and folder are gone, the last two keep theirs
    expect(await artifactsOf(first)).toEqual([]);
    expect(existsSync(join(root, first))).toBe(false);
    expect(await artifactsOf(second)).toHaveLength(4);
    expect(await artifactsOf(third)).toHaveLength(4);
    // 31 days later, only the new run's artifacts are young enough
    server.advance(31 * DAY);
    kim = await server.signIn('kim'); // the session expired meanwhile
    const fourth = await runNow();
    expect(await artifactsOf(third)).toEqual([]);
    expect(existsSync(join(root, third))).toBe(false);
    expect(await artifactsOf(fourth)).toHaveLength(4);
  }, 90_000);
});
