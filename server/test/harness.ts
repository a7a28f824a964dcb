/** An app over a test database with a movable clock, and a cookie-keeping client that speaks its API. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { registry } from '../../nodes/index.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/password.ts';
import { readConfig, type ServerConfig } from '../config.ts';
import type { AppDeps } from '../context.ts';
import type { Database } from '../db/client.ts';
import type { Role } from '../db/schema.ts';
import { insertUser } from '../users/queries.ts';
import { drivers, postgresUrl, type TestDriver } from './databases.ts';

export const ORIGIN = 'http://localhost';
export const PASSWORD = 'correct horse battery';

export interface TestServer {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: Database;
  /** Moves the clock forward. */
  advance(ms: number): void;
  /** A user made straight in the database (password `PASSWORD`, no password change pending). */
  user(username: string, options?: { role?: Role; department?: string | null }): Promise<{ id: string }>;
  /** A signed-in client for that user. */
  signIn(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
}

export async function testServer(driver: TestDriver, tweak: (c: ServerConfig) => void = () => {}): Promise<TestServer> {
  const database = await driver.open();
  const config = readConfig({});
  config.security.trustProxy = true; // tests pick their client address with X-Forwarded-For
  config.throttle.perIp = 10;
  config.uploads.perMinute = 0; // suites upload in loops; server/security/uploads.test.ts tests the limit
  config.uploads.datasetsDir = mkdtempSync(join(tmpdir(), 'cas-datasets-'));
  config.uploads.requestFilesDir = join(config.uploads.datasetsDir, '.request-files'); // removed with it
  tweak(config);
  let now = Date.parse('2026-11-24T09:00:00Z');
  const deps: AppDeps = { ...database, config, registry, now: () => new Date(now), log: () => {} };
  const app = createApp(deps);
  const server: TestServer = {
    app,
    deps,
    database,
    advance: (ms) => {
      now += ms;
    },
    async user(username, options = {}) {
      const row = await insertUser(database.db, {
        username,
        displayName: username.toUpperCase(),
        passwordHash: await hashPassword(PASSWORD),
        role: options.role ?? 'officer',
        department: options.department ?? null,
        mustChangePassword: false,
      });
      if (!row) throw new Error(`user ${username} exists`);
      return { id: row.id };
    },
    async signIn(username, password = PASSWORD) {
      const client = new Client(app);
      const res = await client.post('/api/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
      return client;
    },
    anonymous: () => new Client(app),
  };
  return server;
}

/** JSON (objects), text as is, or raw bytes (uploads: `application/octet-stream` unless a type is given). */
type Body = unknown;

/** Keeps the session cookie and CSRF token like a browser page of the studio would. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  ip = '10.0.0.1';

  constructor(private readonly app: TestServer['app']) {}

  async request(method: string, path: string, body?: Body, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { origin: ORIGIN, 'x-forwarded-for': this.ip, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (body instanceof Uint8Array) {
      payload = new Uint8Array(body);
      h['content-type'] ??= 'application/octet-stream';
    } else if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(`${ORIGIN}${path}`, { method, headers: h, body: payload });
    await this.remember(res);
    return res;
  }

  private async remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (name !== 'cas_session') continue;
      this.cookie = value ? `cas_session=${value}` : undefined;
      if (!value) this.csrf = undefined;
    }
    const type = res.headers.get('content-type') ?? '';
    if (res.ok && type.includes('json')) {
      const body = (await res.clone().json()) as { csrfToken?: unknown } | null;
      if (typeof body?.csrfToken === 'string') this.csrf = body.csrfToken;
    }
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: Body, headers?: Record<string, string>) => this.request('POST', path, body, headers);
  put = (path: string, body?: Body, headers?: Record<string, string>) => this.request('PUT', path, body, headers);
  patch = (path: string, body?: Body, headers?: Record<string, string>) => this.request('PATCH', path, body, headers);
  delete = (path: string, headers?: Record<string, string>) => this.request('DELETE', path, undefined, headers);
}

let warned = false;

/**
 * Runs `suite` once per database driver, each with its own server. Without a PostgreSQL URL the
 * `postgres` variant shows up as skipped (and is announced once on the console).
 */
export function describeDrivers(name: string, suite: (ctx: () => TestServer) => void) {
  for (const driver of drivers) {
    describe(`${name} [${driver.name}]`, () => {
      let server: TestServer | undefined;
      beforeAll(async () => {
        server = await testServer(driver);
      });
      afterAll(async () => {
        await server?.database.close();
        if (server) rmSync(server.deps.config.uploads.datasetsDir, { recursive: true, force: true });
      });
      suite(() => server!);
    });
  }
  if (!postgresUrl) {
    if (!warned) {
      console.warn('PostgreSQL variant skipped: set TEST_DATABASE_URL (or DATABASE_URL) to run it (.ci/run does).');
      warned = true;
    }
  }
}
