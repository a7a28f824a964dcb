/**
 * Graceful shutdown of a real server process (`server/main.ts` on embedded PGlite in a temp folder):
 * - a second server on the same data folder refuses to start, with a clear message, while the first runs;
 * - SIGTERM during a run longer than SHUTDOWN_GRACE: the process exits (code 0) within the grace and a few
 *   seconds, and the run is back in the queue with its attempt unchanged (no failed attempt, no retry row);
 * - the next start runs it to the end as attempt 1.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { runs } from '../db/schema.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import {
  httpClient,
  type ServerProcess,
  signInFirstAdmin,
  spawnServer,
  startServerProcess,
  stopServerProcess,
  until,
} from '../test/server-process.ts';

const GRACE_MS = 500;
const env = { RUNNER_INTERVAL_MS: '200', RUN_STALE_AFTER_MS: '30s', RUNNER_BACKOFF_MS: '0', RUN_THREADS: '1' };

describe('a server stopped with SIGTERM', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cas-shutdown-'));
  let proc: ServerProcess | undefined;
  let second: ServerProcess | undefined;

  afterAll(async () => {
    await stopServerProcess(second);
    await stopServerProcess(proc);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('drains for the grace period, then requeues the run without using its attempt, and exits', async () => {
    mkdirSync(path.join(dataDir, 'files'), { recursive: true });
    writeFileSync(path.join(dataDir, 'files', 'decl.csv'), 'id,value\n1,500\n2,2000\n3,9000\n');
    proc = await startServerProcess(dataDir, { ...env, SHUTDOWN_GRACE: `${GRACE_MS}ms` });
    const chosen = 'a-new-admin-password-1';
    let api = await signInFirstAdmin(proc, chosen);

    // A second server on the same folder while the first is alive: refused at once, the first unharmed.
    second = await spawnServer(dataDir, env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/이미 다른 서버\(프로세스 \d+\)/);
    expect(second.output()).toContain(`process ${proc.child.pid}`);
    expect((await fetch(`${proc.url}/api/health`)).ok).toBe(true);

    // Seconds of work on one thread (20 000² pairs), longer than the grace; then ids 2 and 3.
    const slow =
      'select src.* from src, (select count(*) as k from range(20000) a, range(20000) b ' +
      'where (a.range + b.range) % 7 = 3) w where w.k > 0 and value >= {{min_value}} order by id';
    const created = await api('POST', '/api/pipelines', {
      doc: pipelineDoc('slow', { path: 'decl.csv', query: slow }),
    });
    const schedule = await api('POST', '/api/schedules', {
      pipelineId: created.json.id,
      cron: '0 0 1 1 *',
      params: { min_value: 1000 },
    });
    expect(schedule.status, schedule.text).toBe(201);
    const run = (await api('POST', `/api/schedules/${schedule.json.id}/run`)).json;
    await until(async () => (await api('GET', `/api/runs/${run.id}`)).json.status === 'running', 30_000);

    const sent = Date.now();
    proc.child.kill('SIGTERM');
    const code = await proc.exited;
    const tookMs = Date.now() - sent;
    console.log(`SIGTERM during a run: exited with ${code} after ${tookMs} ms (grace ${GRACE_MS} ms)`);
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(GRACE_MS + 6_000);
    expect(proc.output()).toMatch(/queued again/);

    // Looked at in the database itself (no server): queued, attempt 1, no failed attempt and no retry row.
    const database = await openDatabase({ dataDir });
    try {
      const rows = await database.db
        .select()
        .from(runs)
        .where(eq(runs.scheduleId, schedule.json.id as string));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: run.id, status: 'queued', attempt: 1, startedAt: null, error: null });
    } finally {
      await database.close();
    }

    // With the runner on, it runs to the end as attempt 1.
    proc = await startServerProcess(dataDir, env);
    api = httpClient(proc.url);
    expect((await api('POST', '/api/auth/login', { username: 'admin', password: chosen })).status).toBe(200);
    const done = await until(async () => {
      const r = (await api('GET', `/api/runs/${run.id}`)).json;
      return r.status !== 'queued' && r.status !== 'running' ? r : undefined;
    }, 120_000);
    expect(done).toMatchObject({ status: 'succeeded', attempt: 1 });
    expect((await api('GET', `/api/runs?scheduleId=${schedule.json.id}`)).json.items).toHaveLength(1);
    const csv = await api('GET', `/api/runs/${run.id}/artifacts/out?format=csv`);
    expect(csv.text).toBe('id,value\n2,2000\n3,9000\n');
  }, 480_000); // three server starts on a loaded machine
});
