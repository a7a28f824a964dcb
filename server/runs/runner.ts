/**
 * The runner: on each `tick()` it enqueues due schedules, aborts runs someone cancelled, and claims
 * queued runs up to its concurrency. Time comes from the injected clock; tests call `tick()` and
 * `idle()` directly instead of waiting for the interval.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { RunRow } from '../db/schema.ts';
import {
  cancelRequested,
  claimRuns,
  enqueueDue,
  failStaleRuns,
  finishRun,
  heartbeat,
  type RunOutcome,
} from './queue.ts';

/** Executes one claimed run; must settle when `signal` aborts. */
export type RunExecutor = (run: RunRow, signal: AbortSignal) => Promise<Omit<RunOutcome, 'status'> & { ok: boolean }>;

export class RunTimeoutError extends Error {}

export interface RunnerOptions {
  db: Db;
  now: () => Date;
  execute: RunExecutor;
  log?: (message: string) => void;
  /** Runs executed at once by this instance. */
  concurrency?: number;
  /** Attempts per scheduled run, the first included. */
  maxAttempts?: number;
  /** First retry delay; doubled per attempt. */
  backoffMs?: number;
  id?: string;
  /** Runs whose heartbeat is older than this are taken for lost (their server died) and failed; default off. */
  staleAfterMs?: number;
  /**
   * Called once a run's end is recorded (`retry`: the attempt queued after it, if any): artifact
   * retention and alerts. Its errors are logged, never fatal.
   */
  afterRun?: (run: RunRow, outcome: RunOutcome, retry: RunRow | undefined) => Promise<void>;
}

export class Runner {
  readonly id: string;
  private readonly inFlight = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: RunnerOptions) {
    this.id = options.id ?? `runner-${randomUUID().slice(0, 8)}`;
  }

  get maxAttempts() {
    return this.options.maxAttempts ?? 3;
  }

  /** One pass: enqueue, cancel, claim and start. Resolves once the claimed runs have started. */
  async tick(): Promise<void> {
    if (this.stopped) return;
    const { db, now } = this.options;
    await enqueueDue(db, now(), this.maxAttempts);
    await heartbeat(db, [...this.inFlight.keys()], now());
    const { staleAfterMs } = this.options;
    if (staleAfterMs) await failStaleRuns(db, now(), staleAfterMs, this.options.backoffMs ?? 60_000);
    for (const id of await cancelRequested(db, [...this.inFlight.keys()])) {
      this.inFlight.get(id)?.controller.abort(new Error('cancelled'));
    }
    const free = (this.options.concurrency ?? 2) - this.inFlight.size;
    for (const run of await claimRuns(db, this.id, now(), free)) this.start(run);
  }

  /** Resolves when every run this instance started has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight.values()].map((f) => f.done));
  }

  /**
   * Ticks every `intervalMs`, and at once whenever a run ends (its slot can take the next queued run
   * without waiting for the interval). A tick never overlaps the previous one.
   */
  every(intervalMs: number): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  private kick(): void {
    if (this.ticking || this.stopped) return;
    this.ticking = this.tick()
      .catch((e: unknown) => this.options.log?.(`runner ${this.id}: ${(e as Error).message}`))
      .finally(() => {
        this.ticking = undefined;
      });
  }

  /** Stops ticking, aborts what runs (recorded as failed, retried later by any instance) and waits. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    for (const f of this.inFlight.values()) f.controller.abort(new Error('server stopping'));
    await this.idle();
  }

  private start(run: RunRow): void {
    const controller = new AbortController();
    const done = this.finish(run, controller).finally(() => {
      this.inFlight.delete(run.id);
      if (this.timer) this.kick();
    });
    this.inFlight.set(run.id, { controller, done });
  }

  private async finish(run: RunRow, controller: AbortController): Promise<void> {
    const { db, now } = this.options;
    let outcome: RunOutcome;
    try {
      const result = await this.options.execute(run, controller.signal);
      outcome = { ...result, status: result.ok ? 'succeeded' : 'failed' };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof RunTimeoutError) outcome = { status: 'timed_out', log: [], error: message };
      else outcome = { status: 'failed', log: [], error: message };
    }
    const reason: unknown = controller.signal.reason;
    if (controller.signal.aborted && reason instanceof Error && reason.message === 'cancelled') {
      outcome = { status: 'cancelled', log: outcome.log, error: 'cancelled by a user' };
    }
    let retry: RunRow | undefined;
    try {
      retry = await finishRun(db, run, outcome, now(), this.options.backoffMs ?? 60_000);
    } catch (e) {
      this.options.log?.(`runner ${this.id}: could not record run ${run.id}: ${(e as Error).message}`);
      return;
    }
    try {
      await this.options.afterRun?.(run, outcome, retry);
    } catch (e) {
      this.options.log?.(`runner ${this.id}: after run ${run.id}: ${(e as Error).message}`);
    }
  }
}
