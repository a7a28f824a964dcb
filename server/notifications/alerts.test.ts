/** Alerts: in-app notifications on failure and on a watched node with rows, and the schedule's webhook. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { afterRunHook } from '../runs/after-run.ts';
import { type RunExecutor, Runner } from '../runs/runner.ts';
import { drivers } from '../test/databases.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, type TestServer, testServer } from '../test/harness.ts';

type Json = Record<string, unknown>;

describe('alerts [pglite]', () => {
  let server: TestServer;
  let kim: Client;
  let park: Client;
  let runner: Runner;
  let pipelineId: string;
  let outcome: Awaited<ReturnType<RunExecutor>> = { ok: true, log: [] };
  const logged: string[] = [];
  const hooks: Json[] = [];
  let hookServer: Server;
  let hookUrl: string;

  beforeAll(async () => {
    vi.stubEnv('RUNNER_MAX_ATTEMPTS', '1'); // "run now" takes its attempts from here: each failure is final
    // the local hook server is an internal address: allowed like an admin would (see webhook-ssrf.test.ts)
    vi.stubEnv('WEBHOOK_ALLOW_HOSTS', '127.0.0.1, hooks.example.go.kr');
    hookServer = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += String(d);
      });
      req.on('end', () => {
        hooks.push({ path: req.url, type: req.headers['content-type'], body: JSON.parse(body) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
    server = await testServer(drivers[0]!);
    await server.user('kim');
    await server.user('park');
    kim = await server.signIn('kim');
    park = await server.signIn('park');
    const { db } = server.database;
    const afterRun = afterRunHook(
      db,
      {
        artifactsDir: '/nonexistent',
        retention: { keepRuns: 0, keepDays: 0 },
        webhookTimeoutMs: 2000,
        webhookAllowHosts: ['127.0.0.1'],
      },
      { now: server.deps.now, log: (m) => logged.push(m) },
    );
    runner = new Runner({ db, now: server.deps.now, execute: async () => outcome, maxAttempts: 1, afterRun });
    pipelineId = ((await (await kim.post('/api/pipelines', { doc: pipelineDoc('감시') })).json()) as Json).id as string;
  }, 30_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    await runner?.stop();
    await server?.database.close();
    await new Promise((resolve) => hookServer.close(resolve));
  });

  const schedule = async (extra: Json) => {
    const res = await kim.post('/api/schedules', { pipelineId, cron: '0 0 1 1 *', ...extra });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Json;
  };
  const runOf = async (s: Json) => {
    server.advance(1000); // newest first needs distinct times
    const run = (await (await kim.post(`/api/schedules/${s.id}/run`)).json()) as Json;
    await runner.tick();
    await runner.idle();
    return run.id as string;
  };
  const inbox = async (client = kim) =>
    (await (await client.get('/api/notifications')).json()) as { items: Json[]; unread: number };

  it('notifies the owner when a run fails for good, pointing at the failing node', async () => {
    outcome = { ok: false, log: [], error: 'node "q": Binder Error', errorNodeId: 'q' };
    const s = await schedule({ name: '주간 재심사' });
    const runId = await runOf(s);
    const { items, unread } = await inbox();
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({
      kind: 'run_failed',
      runId,
      pipelineId,
      scheduleId: s.id,
      nodeId: 'q',
      message: '"주간 재심사" failed: node "q": Binder Error',
      readAt: null,
    });
    expect((await inbox(park)).items).toEqual([]);
  });

  it('stays quiet on failure when the schedule turned failure alerts off', async () => {
    const s = await schedule({ alertOnFailure: false });
    await runOf(s);
    expect((await inbox()).unread).toBe(1);
  });

  it('notifies and POSTs the webhook when the watched node has rows, not when it has none', async () => {
    const s = await schedule({ name: 'watch', watchNodeId: 'q', webhookUrl: hookUrl });
    outcome = { ok: true, log: [{ nodeId: 'q', state: 'done', rows: 0, ms: 1, warnings: [] }] };
    await runOf(s);
    expect((await inbox()).unread).toBe(1);
    expect(hooks).toEqual([]);
    outcome = { ok: true, log: [{ nodeId: 'q', state: 'done', rows: 7, ms: 1, warnings: [] }] };
    const runId = await runOf(s);
    const { items, unread } = await inbox();
    expect(unread).toBe(2);
    expect(items[0]).toMatchObject({ kind: 'watch_rows', nodeId: 'q', runId, data: { rows: 7 } });
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({
      path: '/hook',
      type: 'application/json',
      body: { kind: 'watch_rows', runId, pipelineId, scheduleId: s.id, nodeId: 'q', rows: 7, status: 'succeeded' },
    });
  });

  it('logs a webhook that cannot be reached and still records the run and the notification', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve)); // nothing listens there any more
    const s = await schedule({ webhookUrl: `http://127.0.0.1:${port}/gone` });
    outcome = { ok: false, log: [], error: 'boom' };
    const runId = await runOf(s);
    expect(((await (await kim.get(`/api/runs/${runId}`)).json()) as Json).status).toBe('failed');
    expect((await inbox()).unread).toBe(3);
    // the origin only: a webhook's path may carry its token
    expect(logged.some((m) => m.startsWith(`webhook http://127.0.0.1:${port}:`) && m.includes(runId))).toBe(true);
    expect(logged.some((m) => m.includes('/gone'))).toBe(false);
  });

  it('refuses a webhook that is not http(s) and a watched node the pipeline does not have', async () => {
    const res = await kim.post('/api/schedules', { pipelineId, cron: '0 0 1 1 *', webhookUrl: 'file:///etc/passwd' });
    expect(res.status).toBe(400);
    const none = await kim.post('/api/schedules', { pipelineId, cron: '0 0 1 1 *', watchNodeId: 'nope' });
    expect(none.status).toBe(422);
    expect(((await none.json()) as Json).code).toBe('no_such_node');
  });

  it('shows the webhook URL to the schedule owner only', async () => {
    await kim.patch(`/api/pipelines/${pipelineId}`, { visibility: 'public' });
    const s = await schedule({ webhookUrl: 'https://hooks.example.go.kr/t/secret-token' });
    expect(((await (await kim.get(`/api/schedules/${s.id}`)).json()) as Json).webhookUrl).toBe(
      'https://hooks.example.go.kr/t/secret-token',
    );
    expect(((await (await park.get(`/api/schedules/${s.id}`)).json()) as Json).webhookUrl).toBe('(hidden)');
  });

  it('marks one, then all, notifications read', async () => {
    const { items } = await inbox();
    expect((await (await park.post(`/api/notifications/${items[0]!.id}/read`)).json()).changed).toBe(0);
    expect((await (await kim.post(`/api/notifications/${items[0]!.id}/read`)).json()).changed).toBe(1);
    expect((await inbox()).unread).toBe(2);
    expect((await (await kim.post('/api/notifications/read-all')).json()).changed).toBe(2);
    const after = await inbox();
    expect(after.unread).toBe(0);
    expect(after.items).toHaveLength(3);
  });
});
