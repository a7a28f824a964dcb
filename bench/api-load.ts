/**
 * The `api` bench suite (issue 5, part 8): the real server on loopback over (a) embedded PGlite in a temp data
 * dir and (b) a private PostgreSQL cluster started in a temp dir (initdb/pg_ctl, as `.ci/run` does), each seeded
 * with one user and 10,000 pipelines by `bench/api-load-server.ts` (a separate process), then loaded with
 * autocannon: listing, search, and saving (every connection saves its own pipeline with the right `baseVersion`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { BENCH_PASSWORD, BENCH_USER, benchDoc, type ReadyInfo, WORDS } from './api-load-server.ts';
import { ROOT } from './data.ts';
import { startPrivatePostgres } from './runner-pg.ts';

export interface ApiBenchOptions {
  pipelines: number;
  /** Seconds per case. */
  duration: number;
  connections: number;
}

export interface ApiBenchRow {
  database: string;
  case: 'list' | 'search' | 'save';
  requests: number;
  ok: number;
  /** Completed requests per second (all statuses). */
  rps: number;
  p50: number;
  p99: number;
  conflicts: number;
  /** Non-2xx other than 409, plus connection errors and timeouts. */
  errors: number;
}

export interface ApiBenchResult {
  rows: ApiBenchRow[];
  seed: { database: string; ms: number; pipelines: number }[];
  postgresVersion: string | null;
}

export async function benchApi(o: ApiBenchOptions): Promise<ApiBenchResult> {
  const rows: ApiBenchRow[] = [];
  const seed: ApiBenchResult['seed'] = [];
  const pgliteDir = mkdtempSync(join(tmpdir(), 'cas-bench-pglite-'));
  try {
    const r = await benchOne('PGlite', { BENCH_DATA_DIR: join(pgliteDir, 'data') }, o);
    rows.push(...r.rows);
    seed.push(r.seed);
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }
  const pg = await startPrivatePostgres();
  if (!pg) {
    console.warn('api bench: no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql): skipped');
    return { rows, seed, postgresVersion: null };
  }
  try {
    const r = await benchOne('PostgreSQL', { BENCH_DATABASE_URL: pg.url }, o);
    rows.push(...r.rows);
    seed.push(r.seed);
  } finally {
    pg.stop();
  }
  return { rows, seed, postgresVersion: pg.version };
}

async function benchOne(database: string, env: Record<string, string>, o: ApiBenchOptions) {
  const { child, ready } = await startServer(env, o);
  try {
    const base = `http://127.0.0.1:${ready.port}`;
    const auth = await signIn(base);
    const get = { method: 'GET' as const, headers: { cookie: auth.cookie } };
    const rows: ApiBenchRow[] = [];
    console.log(`api bench [${database}]: seeded ${ready.pipelines} pipelines in ${Math.round(ready.seedMs)} ms`);
    rows.push(await run(database, 'list', { url: `${base}/api/pipelines?limit=50`, ...get }, o));
    rows.push(await run(database, 'search', { url: `${base}/api/pipelines?q=${WORDS[3]}&limit=50`, ...get }, o));
    rows.push(await runSaves(database, base, auth, ready.saveIds, o));
    return { rows, seed: { database, ms: ready.seedMs, pipelines: ready.pipelines } };
  } finally {
    await stopChild(child);
  }
}

type Counts = { ok: number; conflicts: number; other: number };

function row(database: string, name: ApiBenchRow['case'], r: autocannon.Result, c: Counts): ApiBenchRow {
  const requests = c.ok + c.conflicts + c.other;
  return {
    database,
    case: name,
    requests,
    ok: c.ok,
    rps: requests / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    conflicts: c.conflicts,
    errors: c.other + r.errors + r.timeouts,
  };
}

async function run(database: string, name: ApiBenchRow['case'], opts: autocannon.Options, o: ApiBenchOptions) {
  const counts: Counts = { ok: 0, conflicts: 0, other: 0 };
  const result = await autocannon({
    ...opts,
    connections: o.connections,
    duration: o.duration,
    requests: [
      {
        onResponse: (status) => {
          if (status >= 200 && status < 300) counts.ok++;
          else if (status === 409) counts.conflicts++;
          else counts.other++;
        },
      },
    ],
  });
  return row(database, name, result, counts);
}

interface SaveContext {
  slot?: Slot;
}

interface Slot {
  i: number;
  id: string;
  version: number;
  saves: number;
}

/**
 * autocannon resets a connection's context after each pass through `requests`, so the pipelines are a pool
 * instead: a request takes a free one (there are as many as connections, so one is always free) and gives it
 * back with the version the server returned. No two saves in flight ever share a pipeline.
 */
async function runSaves(database: string, base: string, auth: Auth, ids: string[], o: ApiBenchOptions) {
  if (ids.length < o.connections) throw new Error(`need ${o.connections} pipelines to save, got ${ids.length}`);
  const counts: Counts = { ok: 0, conflicts: 0, other: 0 };
  const free: Slot[] = ids.slice(0, o.connections).map((id, i) => ({ i, id, version: 1, saves: 0 }));
  const result = await autocannon({
    url: base,
    connections: o.connections,
    duration: o.duration,
    requests: [
      {
        setupRequest: (req, raw) => {
          const slot = free.pop();
          if (!slot) throw new Error('save bench: no free pipeline');
          (raw as SaveContext).slot = slot;
          const doc = benchDoc(slot.i);
          doc.parameters[0]!.default = 1000 + ++slot.saves;
          return {
            ...req,
            method: 'PUT',
            path: `/api/pipelines/${slot.id}`,
            headers: {
              cookie: auth.cookie,
              origin: base,
              'x-csrf-token': auth.csrf,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ doc, baseVersion: slot.version, message: 'bench save' }),
          };
        },
        onResponse: (status, body, raw) => {
          const slot = (raw as SaveContext).slot;
          if (status === 200) {
            counts.ok++;
            if (slot) slot.version = (JSON.parse(body) as { latestVersion: number }).latestVersion;
          } else if (status === 409) {
            counts.conflicts++;
            if (slot) slot.version = (JSON.parse(body) as { latest: { version: number } }).latest.version;
          } else {
            counts.other++;
          }
          if (slot) free.push(slot);
        },
      },
    ],
  });
  return row(database, 'save', result, counts);
}

interface Auth {
  cookie: string;
  csrf: string;
}

async function signIn(base: string): Promise<Auth> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith('cas_session='));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  if (!cookie) throw new Error('bench sign-in: no session cookie');
  return { cookie, csrf: csrfToken };
}

function startServer(env: Record<string, string>, o: ApiBenchOptions) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/api-load-server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      NODE_OPTIONS: '',
      BENCH_API_CHILD: '1',
      BENCH_PIPELINES: String(o.pipelines),
      BENCH_SAVE_IDS: String(o.connections),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<{ child: ChildProcess; ready: ReadyInfo }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve({ child, ready: JSON.parse(line.slice(6)) as ReadyInfo });
      else console.log(`  server: ${line}`);
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code} before it was ready`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  // autocannon drops its sockets at the end of a run; let the requests still in the server finish first.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const API_DEFAULTS: ApiBenchOptions = { pipelines: 10_000, duration: 15, connections: 20 };

/** The `api` section of bench/RESULTS.md. */
export function apiSection(r: ApiBenchResult, o: ApiBenchOptions, machineLine: string): string {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const what = {
    list: '`GET /api/pipelines?limit=50`',
    search: `\`GET /api/pipelines?q=${WORDS[3]}&limit=50\``,
    save: '`PUT /api/pipelines/{id}`',
  };
  const seed = r.seed.map((s) => `${s.database} ${n(s.pipelines)} in ${(s.ms / 1000).toFixed(1)} s`).join(', ');
  return `## Server API under load (issue 5)

Command: \`npm run bench -- --suite api\` · ${new Date().toISOString().slice(0, 10)} · ${machineLine}${r.postgresVersion ? ` · PostgreSQL ${r.postgresVersion}` : ''}

The real app (\`createApp\` + \`@hono/node-server\`, one Node process) on a free 127.0.0.1 port, over embedded PGlite in
a temp data dir and over a private PostgreSQL cluster started for the run in a temp dir (initdb + pg_ctl on loopback,
default durability: fsync and synchronous_commit on; the app's pool of 10 connections). Each database is seeded
(\`bench/api-load-server.ts\`, through the DB layer, every document validated as an API save would be) with one
officer owning ${n(o.pipelines)} private pipelines (${seed}). autocannon (in the parent process) runs each case for
${o.duration} s with ${o.connections} connections, signed in with the session cookie: listing the newest 50 (plus the total
count), an \`ILIKE\` search in name and description matching 1 in ${WORDS.length} pipelines, and saving — every connection
saves its own pipeline with the CSRF token and the \`baseVersion\` it last got back (so a 409 would mean a lost
race, counted apart). Latency in ms; errors are other non-2xx statuses, connection errors and timeouts.

| database | case | requests | req/s | p50 | p99 | 409 | errors |
|---|---|---:|---:|---:|---:|---:|---:|
${r.rows.map((x) => `| ${x.database} | ${what[x.case]} | ${n(x.requests)} | **${n(x.rps)}** | ${x.p50} | ${x.p99} | ${x.conflicts} | ${x.errors} |`).join('\n')}`;
}
