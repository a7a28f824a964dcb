/**
 * Exactly-once under stale sweeps: runner A claims a run and then stops renewing its heartbeat (its
 * process froze or died mid-run). Runners B and C, each with its own connection pool, sweep at the same
 * moment: the run must be retried once (attempt 2, one history row after it), executed to the end once
 * more, and A's late result, if it ever comes, must not overwrite anything.
 * Runs on PostgreSQL (TEST_DATABASE_URL) with three pools, and on embedded PGlite with one shared handle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';
import { pipelines, runs, users } from '../db/schema.ts';
import { drivers, postgresUrl, scratchPostgres } from '../test/databases.ts';
import { type RunExecutor, Runner } from './runner.ts';

if (!postgresUrl) {
  console.warn('exactly-once test: PostgreSQL variant NOT run (set TEST_DATABASE_URL); the PGlite variant runs.');
}

interface Pools {
  a: Database;
  b: Database;
  c: Database;
  close(): Promise<void>;
}

/** Three pools on one fresh PostgreSQL database: three server instances. */
async function postgresPools(url: string): Promise<Pools> {
  const scratch = await scratchPostgres(url, 'cas_once');
  const open = () => openDatabase({ url: scratch.url, onIdleError: () => {} });
  const a = await open();
  const [b, c] = await Promise.all([open(), open()]);
  return {
    a,
    b,
    c,
    async close() {
      await Promise.all([a.close(), b.close(), c.close()]);
      await scratch.drop();
    },
  };
}

async function pglitePools(): Promise<Pools> {
  const one = await drivers[0]!.open();
  return { a: one, b: one, c: one, close: () => one.close() };
}

const variants: { name: string; open: () => Promise<Pools> }[] = [{ name: 'pglite', open: pglitePools }];
const pgUrl = postgresUrl;
if (pgUrl) variants.push({ name: 'postgres', open: () => postgresPools(pgUrl) });

describe.each(variants)('a run whose runner froze mid-run [$name]', ({ open }) => {
  let pools: Pools;
  beforeAll(async () => {
    pools = await open();
  }, 60_000);
  afterAll(async () => {
    await pools?.close();
  });

  it('is retried once, executed to the end once more, and the frozen runner cannot overwrite it', async () => {
    const { db } = pools.a;
    let now = Date.parse('2026-11-24T09:00:00Z');
    const clock = () => new Date(now);
    const [user] = await db
      .insert(users)
      .values({ username: 'kim', displayName: 'KIM', passwordHash: 'x' })
      .returning();
    const [pipeline] = await db
      .insert(pipelines)
      .values({ ownerId: user!.id, name: 'p', latestVersion: 1 })
      .returning();
    const [first] = await db
      .insert(runs)
      .values({ pipelineId: pipeline!.id, runAfter: clock(), trigger: 'manual', maxAttempts: 3 })
      .returning();

    const started: string[] = [];
    const completed: string[] = [];
    let releaseA: () => void = () => {};
    const frozen = new Promise<void>((resolve) => {
      releaseA = resolve;
    });
    const execute =
      (who: string): RunExecutor =>
      async (run) => {
        started.push(`${who}:${run.attempt}`);
        if (who === 'a')
          await frozen; // A's process stalls; it neither heartbeats nor finishes
        else await new Promise((r) => setTimeout(r, 20));
        completed.push(`${who}:${run.attempt}`);
        return { ok: true, log: [{ nodeId: 'q', rows: who === 'a' ? 999 : 2 }] };
      };
    const options = { now: clock, staleAfterMs: 60_000, backoffMs: 0, maxAttempts: 3 };
    const a = new Runner({ ...options, db: pools.a.db, execute: execute('a'), id: 'a', log: () => {} });
    const b = new Runner({ ...options, db: pools.b.db, execute: execute('b'), id: 'b', log: () => {} });
    const c = new Runner({ ...options, db: pools.c.db, execute: execute('c'), id: 'c', log: () => {} });

    await a.tick();
    expect(started).toEqual(['a:1']);

    // A misses its heartbeats for longer than staleAfterMs; B and C sweep at the same moment.
    now += 61_000;
    await Promise.all([b.tick(), c.tick()]);
    await Promise.all([b.idle(), c.idle()]);
    // Later ticks change nothing: nothing is left to sweep or claim.
    await Promise.all([b.tick(), c.tick()]);
    await Promise.all([b.idle(), c.idle()]);

    // A wakes up and reports success for the run it no longer holds.
    releaseA();
    await a.idle();
    await Promise.all([a.stop(), b.stop(), c.stop()]);

    const rows = (await db.select().from(runs)).sort((x, y) => x.attempt - y.attempt);
    expect(rows.map((r) => r.attempt)).toEqual([1, 2]);
    expect(rows[0]).toMatchObject({ id: first!.id, status: 'failed' });
    expect(rows[0]!.error).toMatch(/^interrupted/);
    expect(rows[1]).toMatchObject({ status: 'succeeded', retryOf: first!.id, trigger: 'retry', attempt: 2 });
    expect(rows[1]!.log).toEqual([{ nodeId: 'q', rows: 2 }]);
    // The retry ran to its end exactly once, by B or C; A's stale result was dropped.
    const retried = completed.filter((e) => e.endsWith(':2'));
    expect(retried).toHaveLength(1);
    expect(started.filter((e) => e.endsWith(':2'))).toHaveLength(1);
  }, 60_000);
});
