/** The real executor: DuckDB native in a run process of its own, sandboxed, with a time limit. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../test/databases.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, type TestServer, testServer } from '../test/harness.ts';
import { workerExecutor } from './executor.ts';
import { Runner } from './runner.ts';

type Json = Record<string, unknown>;

describe('worker executor [pglite]', () => {
  let server: TestServer;
  let kim: Client;
  let runner: Runner;
  const dataDir = mkdtempSync(join(tmpdir(), 'cas-run-data-'));

  beforeAll(async () => {
    writeFileSync(join(dataDir, 'decl.csv'), 'id,value\n1,500\n2,2000\n3,9000\n');
    server = await testServer(drivers[0]!);
    await server.user('kim');
    kim = await server.signIn('kim');
    const execute = workerExecutor({
      db: server.database.db,
      datasetsDir: server.deps.config.uploads.datasetsDir,
      allowedDir: dataDir,
      timeLimitMs: 4000,
      threads: 1,
      memoryLimit: '256MB',
      heapMb: 256,
    });
    runner = new Runner({ db: server.database.db, now: server.deps.now, execute, maxAttempts: 1 });
  }, 30_000);

  afterAll(async () => {
    await runner?.stop();
    await server?.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Saves a pipeline, schedules it, runs it now with these values, and returns the finished run. */
  const runOnce = async (query: string | undefined, params: Json, path = 'decl.csv') => {
    const created = await kim.post('/api/pipelines', { doc: pipelineDoc('p', { path, ...(query ? { query } : {}) }) });
    const { id } = (await created.json()) as { id: string };
    const res = await kim.post('/api/schedules', { pipelineId: id, cron: '0 0 1 1 *', params });
    expect(res.status, await res.clone().text()).toBe(201);
    const schedule = (await res.json()) as Json;
    const run = (await (await kim.post(`/api/schedules/${schedule.id}/run`)).json()) as Json;
    await runner.tick();
    await runner.idle();
    return (await (await kim.get(`/api/runs/${run.id}`)).json()) as Json;
  };
  const rowsOf = (run: Json, node: string) => (run.log as Json[]).find((n) => n.nodeId === node)?.rows;

  it('passes parameter values to the SQL: {{min_value}} changes the row count', async () => {
    const low = await runOnce(undefined, { min_value: 1000 });
    expect(low.status, String(low.error)).toBe('succeeded');
    expect(rowsOf(low, 'src')).toBe(3);
    expect(rowsOf(low, 'q')).toBe(2);
    const high = await runOnce(undefined, { min_value: 5000 });
    expect(rowsOf(high, 'q')).toBe(1);
  }, 60_000);

  it('refuses user SQL that reads a local file', async () => {
    const run = await runOnce("select * from read_csv('/etc/passwd')", {});
    expect(run).toMatchObject({ status: 'failed', errorNodeId: 'q' });
    expect(run.error).toMatch(/disabled by configuration/);
  }, 60_000);

  it('refuses user SQL that loads httpfs / reaches the network', async () => {
    const run = await runOnce("select * from read_csv('https://example.com/x.csv')", {});
    expect(run).toMatchObject({ status: 'failed', errorNodeId: 'q' });
    expect(run.error).toMatch(/disabled by configuration|Permission Error/);
  }, 60_000);

  it('refuses a source path outside the data folder', async () => {
    const run = await runOnce(undefined, {}, '/etc/passwd');
    expect(run).toMatchObject({ status: 'failed', errorNodeId: 'src' });
    expect(run.error).toMatch(/outside the server's data folder/);
  }, 60_000);

  it('stops a run over its time limit: timed_out with a clear message', async () => {
    const slow = 'select sum(a.range * b.range) as s from range(200000) a, range(200000) b';
    const run = await runOnce(slow, {});
    expect(run.status).toBe('timed_out');
    expect(run.error).toMatch(
      /실행 시간 제한\(4초\)을 넘어 중지했습니다.*the run exceeded its time limit of 4 s and was stopped/,
    );
  }, 60_000);
});
