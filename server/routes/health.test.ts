import { afterAll, describe, expect, it } from 'vitest';
import { drivers } from '../test/databases.ts';
import { type TestServer, testServer } from '../test/harness.ts';

describe('health (liveness) and ready (readiness)', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.database.close().catch(() => {});
  });
  const start = async (tweak: Parameters<typeof testServer>[1] = () => {}) => {
    const s = await testServer(drivers[0]!, tweak);
    servers.push(s);
    return s;
  };

  it('health answers without touching the database', async () => {
    const server = await start();
    await server.database.close();
    const res = await server.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, service: 'customs-analysis-studio' });
  });

  it('ready checks the database, fonts and Chromium of this machine (fonts-nanum and chromium installed)', async () => {
    const server = await start();
    const res = await server.anonymous().get('/api/ready');
    const body = await res.json();
    expect(body.checks).toMatchObject({
      database: { ok: true },
      runner: { ok: true, detail: 'off on this instance' },
      fonts: { ok: true },
      chromium: { ok: true },
    });
    expect(res.status).toBe(200);
    expect(body.failing).toEqual([]);
  });

  it('ready answers 503 naming Chromium when it is missing', async () => {
    const server = await start((c) => {
      c.chromiumPath = '/nowhere/chromium';
    });
    const res = await server.anonymous().get('/api/ready');
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.failing).toEqual(['chromium']);
    expect(body.checks.chromium.detail).toContain('PDF');
  });

  it('ready answers 503 when the runner stopped ticking', async () => {
    const server = await start();
    const startedAt = new Date(Date.now() - 60_000);
    server.deps.runnerPulse = { intervalMs: 5_000, startedAt, lastTickAt: () => startedAt };
    const res = await server.app.request('http://localhost/api/ready');
    // runnerPulse is read per request from the deps the routes were built with
    expect(res.status).toBe(503);
    expect((await res.json()).failing).toEqual(['runner']);
    server.deps.runnerPulse = { intervalMs: 5_000, startedAt, lastTickAt: () => new Date() };
    expect((await server.app.request('http://localhost/api/ready')).status).toBe(200);
  });
});
