/**
 * A real server process (`server/main.ts` on embedded PGlite in a temp folder) is SIGKILLed in the
 * middle of a slow run, then started again on the same folder: the restarted runner must see the
 * run's heartbeat go stale, fail it as interrupted, and retry it to the end with nothing lost.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pipelineDoc } from '../test/fixtures.ts';
import {
  httpClient as client,
  type Json,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
  until,
} from '../test/server-process.ts';

const env = { RUNNER_INTERVAL_MS: '200', RUN_STALE_AFTER_MS: '3000', RUNNER_BACKOFF_MS: '0', RUN_THREADS: '1' };
const start = (dataDir: string) => startServerProcess(dataDir, env);

describe('a server killed mid-run', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cas-kill-'));
  let proc: ServerProcess | undefined;

  afterAll(async () => {
    await stopServerProcess(proc);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('marks the run failed (interrupted) after restart and retries it to the end', async () => {
    mkdirSync(path.join(dataDir, 'files'), { recursive: true });
    writeFileSync(path.join(dataDir, 'files', 'decl.csv'), 'id,value\n1,500\n2,2000\n3,9000\n');
    proc = await start(dataDir);
    const password = /one-time password\s+(\S+)/.exec(proc.output())?.[1];
    expect(password).toBeTruthy();
    let api = client(proc.url);
    expect((await api('POST', '/api/auth/login', { username: 'admin', password })).status).toBe(200);
    const chosen = 'a-new-admin-password-1';
    expect((await api('POST', '/api/auth/password', { currentPassword: password, newPassword: chosen })).status).toBe(
      204,
    );

    // ~3 s of work on one thread (20 000² pairs), then ids 2 and 3 (value >= 1000)
    const slow =
      'select src.* from src, (select count(*) as k from range(20000) a, range(20000) b ' +
      'where (a.range + b.range) % 7 = 3) w where w.k > 0 and value >= {{min_value}} order by id';
    const created = await api('POST', '/api/pipelines', {
      doc: pipelineDoc('slow', { path: 'decl.csv', query: slow }),
    });
    const pipelineId = created.json.id as string;
    const schedule = await api('POST', '/api/schedules', {
      pipelineId,
      cron: '0 0 1 1 *',
      params: { min_value: 1000 },
    });
    expect(schedule.status, schedule.text).toBe(201);
    const first = (await api('POST', `/api/schedules/${schedule.json.id}/run`)).json;
    await until(async () => (await api('GET', `/api/runs/${first.id}`)).json.status === 'running', 30_000);

    proc.child.kill('SIGKILL');
    await until(() => proc!.child.exitCode !== null || proc!.child.signalCode !== null, 10_000);

    proc = await start(dataDir);
    api = client(proc.url);
    expect((await api('POST', '/api/auth/login', { username: 'admin', password: chosen })).status).toBe(200);
    const runsOf = async () =>
      ((await api('GET', `/api/runs?scheduleId=${schedule.json.id}`)).json.items as Json[]) ?? [];
    const retried = await until(
      async () => (await runsOf()).find((r) => r.retryOf === first.id && r.status === 'succeeded'),
      90_000,
    );

    const interrupted = (await api('GET', `/api/runs/${first.id}`)).json;
    expect(interrupted).toMatchObject({ status: 'failed', attempt: 1 });
    expect(interrupted.error).toMatch(/^interrupted/);
    expect(retried).toMatchObject({ attempt: 2, trigger: 'retry', params: { min_value: 1000 } });
    expect((retried.log as Json[]).find((l) => l.nodeId === 'q')?.rows).toBe(2);
    expect(await runsOf()).toHaveLength(2);
    const csv = await api('GET', `/api/runs/${retried.id}/artifacts/out?format=csv`);
    expect(csv.text).toBe('id,value\n2,2000\n3,9000\n');
  }, 360_000); // two server starts on a loaded machine
});
