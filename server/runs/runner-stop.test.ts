/**
 * `Runner.stop(graceMs)`: a run that ends within the grace period is recorded as it ended; one still
 * running when the grace is over is interrupted (the executor sees `ShutdownInterrupt`) and queued again
 * with its attempt unchanged; a run cancelled during the drain ends cancelled, not requeued.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { pipelines, type RunRow, runs, users } from '../db/schema.ts';
import { drivers } from '../test/databases.ts';
import { requestCancel } from './queue.ts';
import { type RunExecutor, Runner, ShutdownInterrupt } from './runner.ts';

describe('stopping a runner [pglite]', () => {
  let database: Database;
  let pipelineId: string;
  const now = () => new Date('2026-11-24T09:00:00Z');

  beforeAll(async () => {
    database = await drivers[0]!.open();
    const [user] = await database.db
      .insert(users)
      .values({ username: 'kim', displayName: 'KIM', passwordHash: 'x' })
      .returning();
    const [p] = await database.db
      .insert(pipelines)
      .values({ ownerId: user!.id, name: 'p', latestVersion: 1 })
      .returning();
    pipelineId = p!.id;
  }, 30_000);
  afterAll(async () => {
    await database?.close();
  });

  const queue = async (n: number): Promise<RunRow[]> =>
    database.db
      .insert(runs)
      .values(Array.from({ length: n }, () => ({ pipelineId, runAfter: now(), trigger: 'manual', maxAttempts: 3 })))
      .returning();
  const row = async (id: string) => (await database.db.select().from(runs).where(eq(runs.id, id)))[0]!;
  const untilAborted = (signal: AbortSignal) =>
    new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

  it('lets a short run finish, and requeues a long one without using its attempt', async () => {
    const [short, long] = await queue(2);
    const reasons: unknown[] = [];
    const execute: RunExecutor = async (run, signal) => {
      if (run.id === short!.id) {
        await new Promise((r) => setTimeout(r, 50));
        return { ok: true, log: [] };
      }
      try {
        return await untilAborted(signal);
      } finally {
        reasons.push(signal.reason);
      }
    };
    const runner = new Runner({ db: database.db, now, execute, id: 'r1', concurrency: 2 });
    await runner.tick();
    await runner.stop(300);

    expect(await row(short!.id)).toMatchObject({ status: 'succeeded', attempt: 1 });
    expect(await row(long!.id)).toMatchObject({
      status: 'queued',
      attempt: 1,
      claimedBy: null,
      startedAt: null,
      finishedAt: null,
      error: null,
    });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toBeInstanceOf(ShutdownInterrupt);
    expect(await database.db.select().from(runs).where(eq(runs.retryOf, long!.id))).toEqual([]);

    // Another instance then runs it as attempt 1.
    const next = new Runner({ db: database.db, now, execute: async () => ({ ok: true, log: [] }), id: 'r2' });
    await next.tick();
    await next.idle();
    expect(await row(long!.id)).toMatchObject({ status: 'succeeded', attempt: 1, claimedBy: 'r2' });
  });

  it('ends a run cancelled during the drain as cancelled', async () => {
    const [run] = await queue(1);
    const execute: RunExecutor = (_, signal) => untilAborted(signal);
    const runner = new Runner({ db: database.db, now, execute, id: 'r3' });
    runner.every(50); // the drain watches cancels at this pace
    await runner.tick();
    const stopping = runner.stop(5_000);
    await requestCancel(database.db, run!.id, now());
    await stopping;
    expect(await row(run!.id)).toMatchObject({ status: 'cancelled', error: 'cancelled by a user', attempt: 1 });
  });
});
