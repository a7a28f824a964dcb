/**
 * The run queue in the database. Every step that more than one server instance may attempt at once
 * locks its rows with `FOR UPDATE SKIP LOCKED` inside a transaction, so each due schedule is enqueued
 * once and each queued run is claimed by exactly one runner.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type RunRow, type RunStatus, runArtifacts, runs, schedules, users } from '../db/schema.ts';
import { nextRun } from '../schedules/cron.ts';
import type { ArtifactFile } from './artifacts-write.ts';

/**
 * Missed-run policy: a schedule whose `next_run_at` is in the past gets ONE run (for the oldest missed
 * slot), then `next_run_at` jumps to the first slot after `now`; slots missed while the server was down
 * are not replayed one by one.
 */
export async function enqueueDue(db: Db, now: Date, maxAttempts: number): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(schedules)
      .where(and(eq(schedules.enabled, true), isNotNull(schedules.nextRunAt), lte(schedules.nextRunAt, now)))
      .for('update', { skipLocked: true });
    for (const s of due) {
      await tx.insert(runs).values({
        pipelineId: s.pipelineId,
        scheduleId: s.id,
        version: s.version,
        params: s.params,
        maxAttempts,
        runAfter: now,
        scheduledFor: s.nextRunAt,
        trigger: 'schedule',
        createdAt: now,
      });
      await tx
        .update(schedules)
        .set({ nextRunAt: nextRun(s.cron, s.timeZone, now) })
        .where(eq(schedules.id, s.id));
    }
    return due.length;
  });
}

/**
 * Queues a run someone asked for ("run now"), unless that user already has `limit` runs queued or
 * running (0: no limit); undefined then. The user's row is locked while counting, so parallel requests
 * cannot all pass the count.
 */
export async function enqueueRequested(
  db: Db,
  run: typeof runs.$inferInsert & { requestedBy: string },
  limit: number,
): Promise<RunRow | undefined> {
  return db.transaction(async (tx) => {
    if (limit > 0) {
      await tx.select({ id: users.id }).from(users).where(eq(users.id, run.requestedBy)).for('update');
      const [{ n } = { n: 0 }] = await tx
        .select({ n: count() })
        .from(runs)
        .where(and(eq(runs.requestedBy, run.requestedBy), inArray(runs.status, ['queued', 'running'])));
      if (n >= limit) return undefined;
    }
    const [row] = await tx.insert(runs).values(run).returning();
    return row;
  });
}

/** Claims up to `limit` queued runs whose `run_after` has come, marking them running by `runnerId`. */
export async function claimRuns(db: Db, runnerId: string, now: Date, limit: number): Promise<RunRow[]> {
  if (limit <= 0) return [];
  return db.transaction(async (tx) => {
    const picked = await tx
      .select({ id: runs.id })
      .from(runs)
      .where(and(eq(runs.status, 'queued'), lte(runs.runAfter, now)))
      .orderBy(asc(runs.runAfter))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (picked.length === 0) return [];
    return tx
      .update(runs)
      .set({ status: 'running', startedAt: now, heartbeatAt: now, claimedBy: runnerId })
      .where(
        inArray(
          runs.id,
          picked.map((p) => p.id),
        ),
      )
      .returning();
  });
}

export interface RunOutcome {
  status: Extract<RunStatus, 'succeeded' | 'failed' | 'cancelled' | 'timed_out'>;
  log: unknown[];
  error?: string;
  errorNodeId?: string;
  artifacts?: ArtifactFile[];
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * What a runner holds while it executes a run: the row is still `running` under the same claim. A run
 * swept as stale, or requeued and claimed again, no longer matches, so a late runner changes nothing.
 */
export type Claim = Pick<RunRow, 'id' | 'attempt' | 'claimedBy' | 'startedAt'>;

const held = (claim: Claim) =>
  and(
    eq(runs.id, claim.id),
    eq(runs.status, 'running'),
    eq(runs.attempt, claim.attempt),
    claim.claimedBy === null ? isNull(runs.claimedBy) : eq(runs.claimedBy, claim.claimedBy),
    claim.startedAt === null ? isNull(runs.startedAt) : eq(runs.startedAt, claim.startedAt),
  );

/**
 * The runner still executes these runs: renews their heartbeat so no other instance fails them.
 * Returns the ids it still holds; a run missing from it was swept as stale or otherwise taken away.
 */
export async function heartbeat(db: Db, runnerId: string, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const renewed = await db
    .update(runs)
    .set({ heartbeatAt: now })
    .where(and(inArray(runs.id, ids), eq(runs.status, 'running'), eq(runs.claimedBy, runnerId)))
    .returning({ id: runs.id });
  return new Set(renewed.map((r) => r.id));
}

/** How `finishRun` went: `recorded` is false when the claim was no longer held (nothing was written). */
export interface FinishResult {
  recorded: boolean;
  /** The attempt queued after a failure, if any. */
  retry?: RunRow;
}

/**
 * Records how a run ended (and the artifacts it stored), only while `run`'s claim still holds. A failed
 * or timed-out run with attempts left is followed by a new queued run (attempt + 1) not claimed before
 * `now + backoffMs · 2^(attempt-1)`, in the same transaction.
 */
export async function finishRun(
  db: Db,
  run: RunRow,
  outcome: RunOutcome,
  now: Date,
  backoffMs: number,
): Promise<FinishResult> {
  return db.transaction((tx) => recordEnd(tx, run, outcome, now, backoffMs));
}

async function recordEnd(
  tx: Tx,
  run: RunRow,
  outcome: RunOutcome,
  now: Date,
  backoffMs: number,
): Promise<FinishResult> {
  const ended = await tx
    .update(runs)
    .set({
      status: outcome.status,
      finishedAt: now,
      log: outcome.log,
      error: outcome.error ?? null,
      errorNodeId: outcome.errorNodeId ?? null,
    })
    .where(held(run))
    .returning({ id: runs.id });
  if (ended.length === 0) return { recorded: false };
  if (outcome.artifacts?.length) {
    await tx.insert(runArtifacts).values(outcome.artifacts.map((a) => ({ ...a, runId: run.id, createdAt: now })));
  }
  const retryable = outcome.status === 'failed' || outcome.status === 'timed_out';
  if (!retryable || run.attempt >= run.maxAttempts) return { recorded: true };
  const [retry] = await tx
    .insert(runs)
    .values({
      pipelineId: run.pipelineId,
      scheduleId: run.scheduleId,
      version: run.version,
      params: run.params,
      attempt: run.attempt + 1,
      maxAttempts: run.maxAttempts,
      runAfter: new Date(now.getTime() + backoffMs * 2 ** (run.attempt - 1)),
      scheduledFor: run.scheduledFor,
      trigger: 'retry',
      requestedBy: run.requestedBy,
      retryOf: run.id,
      createdAt: now,
    })
    .returning();
  return { recorded: true, retry };
}

/**
 * Puts a run this runner holds back in the queue as it was, attempt unchanged: the server is shutting
 * down and interrupted it, which is not the run's failure. False when the claim is gone or someone asked
 * to cancel the run (the caller then records it cancelled).
 */
export async function requeueRun(db: Db, run: Claim, now: Date): Promise<boolean> {
  const back = await db
    .update(runs)
    .set({ status: 'queued', claimedBy: null, startedAt: null, heartbeatAt: null, runAfter: now })
    .where(and(held(run), eq(runs.cancelRequested, false)))
    .returning({ id: runs.id });
  return back.length > 0;
}

/**
 * Cancels a run: a queued one at once; a running one is flagged and its runner aborts it on its next
 * tick. Returns the run after the change, or undefined when there is no such run.
 */
export async function requestCancel(db: Db, id: string, now: Date): Promise<RunRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(runs).where(eq(runs.id, id)).for('update');
    if (!row) return undefined;
    if (row.status === 'queued') {
      const [done] = await tx
        .update(runs)
        .set({ status: 'cancelled', finishedAt: now, error: 'cancelled before it started' })
        .where(eq(runs.id, id))
        .returning();
      return done;
    }
    if (row.status !== 'running') return row;
    const [flagged] = await tx.update(runs).set({ cancelRequested: true }).where(eq(runs.id, id)).returning();
    return flagged;
  });
}

/** Of these running runs, the ones someone asked to cancel. */
export async function cancelRequested(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: runs.id })
    .from(runs)
    .where(and(inArray(runs.id, ids), eq(runs.cancelRequested, true)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Runs still `running` whose runner stopped renewing their heartbeat for `staleMs` (their server died
 * mid-run) end `failed` and are retried like any failure. Selecting, failing and requeueing happen in
 * one transaction that keeps the rows locked, so two instances sweeping at once retry a run once.
 * `staleMs` must be several tick intervals.
 */
export async function failStaleRuns(db: Db, now: Date, staleMs: number, backoffMs: number): Promise<number> {
  const cutoff = new Date(now.getTime() - staleMs);
  return db.transaction(async (tx) => {
    const stale = await tx
      .select()
      .from(runs)
      .where(and(eq(runs.status, 'running'), lte(sql`coalesce(${runs.heartbeatAt}, ${runs.startedAt})`, cutoff)))
      .for('update', { skipLocked: true });
    const error = 'interrupted: the server running it stopped before it ended';
    let swept = 0;
    for (const run of stale) {
      const ended = await recordEnd(tx, run, { status: 'failed', log: run.log as unknown[], error }, now, backoffMs);
      if (ended.recorded) swept++;
    }
    return swept;
  });
}
