/**
 * Two runner instances, each with its own connection pool to one real PostgreSQL, drain 50 due runs:
 * `FOR UPDATE SKIP LOCKED` must give every run to exactly one of them.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';
import { pipelines, runs, schedules, users } from '../db/schema.ts';
import { postgresUrl } from '../test/databases.ts';
import { type RunExecutor, Runner } from './runner.ts';

if (!postgresUrl) console.warn('SKIP LOCKED test skipped: set TEST_DATABASE_URL to a PostgreSQL server to run it.');

describe.skipIf(!postgresUrl)('two runners sharing one PostgreSQL', () => {
  const name = `cas_runner_${randomBytes(6).toString('hex')}`;
  let a: Database;
  let b: Database;

  beforeAll(async () => {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    a = await openDatabase({ url: url.toString(), onIdleError: () => {} });
    b = await openDatabase({ url: url.toString(), onIdleError: () => {} });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('executes 50 due runs exactly once', async () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const [user] = await a.db
      .insert(users)
      .values({ username: 'kim', displayName: 'KIM', passwordHash: 'x' })
      .returning();
    const [pipeline] = await a.db
      .insert(pipelines)
      .values({ ownerId: user!.id, name: 'p', latestVersion: 1 })
      .returning();
    // 50 schedules all due now: enqueued by whichever runner locks them first, once.
    await a.db.insert(schedules).values(
      Array.from({ length: 50 }, (_, i) => ({
        pipelineId: pipeline!.id,
        ownerId: user!.id,
        name: `s${i}`,
        cron: '0 0 1 1 *',
        nextRunAt: new Date(now.getTime() - 1000),
      })),
    );
    const executed: string[] = [];
    const execute =
      (who: string): RunExecutor =>
      async (run) => {
        executed.push(`${run.id}:${who}`);
        await new Promise((r) => setTimeout(r, 2));
        return { ok: true, log: [] };
      };
    const clock = () => now;
    const one = new Runner({ db: a.db, now: clock, execute: execute('a'), concurrency: 4, id: 'a' });
    const two = new Runner({ db: b.db, now: clock, execute: execute('b'), concurrency: 4, id: 'b' });
    const drain = async (r: Runner) => {
      for (let i = 0; i < 200; i++) {
        await r.tick();
        await r.idle();
        const left = await a.db.select({ id: runs.id }).from(runs);
        if (left.length === 50 && executed.length >= 50) break;
      }
    };
    await Promise.all([drain(one), drain(two)]);
    const rows = await a.db.select().from(runs);
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.status === 'succeeded')).toBe(true);
    const ids = executed.map((e) => e.split(':')[0]);
    expect(new Set(ids).size).toBe(50);
    expect(ids).toHaveLength(50);
    const byA = executed.filter((e) => e.endsWith(':a')).length;
    console.log(`SKIP LOCKED: runner a executed ${byA}, runner b ${50 - byA} of 50 runs`);
  });
});
