import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { drivers } from '../test/databases.ts';
import { ORIGIN, PASSWORD, type TestServer, testServer } from '../test/harness.ts';
import { createLogger, cut } from './logger.ts';

/** Captures the JSON lines a logger writes. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('structured logs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(drivers[0]!);
    await server.user('logkim');
  });
  afterAll(() => server.database.close());

  it('writes one access line per request with the request id (echoed), never the body, cookie or token', async () => {
    const { lines, logger } = capture();
    const app = createApp({ ...server.deps, logger });
    const login = await app.request(`${ORIGIN}/api/auth/login?password=in-the-query`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', 'x-request-id': 'req-42' },
      body: JSON.stringify({ username: 'logkim', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('x-request-id')).toBe('req-42');
    const { csrfToken } = await login.json();
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = await app.request(`${ORIGIN}/api/auth/session`, { headers: { cookie } });
    const generated = me.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    const entries = lines.map((l) => JSON.parse(l));
    expect(entries).toContainEqual(
      expect.objectContaining({ level: 'info', reqId: 'req-42', method: 'POST', path: '/api/auth/login', status: 200 }),
    );
    const second = entries.find((e) => e.reqId === generated);
    expect(second).toMatchObject({ path: '/api/auth/session', status: 200, userId: expect.any(String) });
    expect(typeof second.ms).toBe('number');
    expect(typeof second.time).toBe('string');
    const all = lines.join('\n');
    for (const secret of [PASSWORD, 'in-the-query', csrfToken, cookie.split('=')[1]]) expect(all).not.toContain(secret);
  });

  it('refuses a request id that is not a plain token (no log injection)', async () => {
    const { lines, logger } = capture();
    const app = createApp({ ...server.deps, logger });
    const res = await app.request(`${ORIGIN}/api/health`, { headers: { 'x-request-id': 'a" forged {}' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.join('\n')).not.toContain('forged');
  });

  it('cuts long free text', () => {
    const text = 'x'.repeat(10_000);
    expect(cut(text).length).toBeLessThan(2_100);
    expect(cut('short')).toBe('short');
  });
});
