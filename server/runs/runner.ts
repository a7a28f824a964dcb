/**
 * The runner: on each `tick()` it enqueues due schedules, renews the heartbeat of its runs, aborts runs
 * someone cancelled (or that it no longer holds), and claims queued runs up to its concurrency. Every
 * state change it writes is conditional on still holding the run's claim (see queue.ts), so a run is
 * recorded once even when another instance swept it as stale. Time comes from the injected clock; tests
 * call `tick()` and `idle()` directly instead of waiting for the interval.
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
  requeueRun,
} from './queue.ts';

/** Executes one claimed run; must settle when `signal` aborts. */
export type RunExecutor = (run: RunRow, signal: AbortSignal) => Promise<Omit<RunOutcome, 'status'> & { ok: boolean }>;

export class RunTimeoutError extends Error {}

/** Abort reasons the runner gives a run's signal; the executor must stop the run promptly on any of them. */
export class RunCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}
/** The server is shutting down and the grace period is over: the run goes back to the queue. */
export class ShutdownInterrupt extends Error {
  constructor() {
    super('interrupted: the server is shutting down; the run is queued again');
  }
}
/** Another instance swept the run as stale (this one missed its heartbeats): its result would be dropped. */
export class ClaimLost extends Error {
  constructor() {
    super('this server no longer holds the run');
  }
}

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
  /** How long `stop()` lets running runs finish before it interrupts and requeues them; default 0. */
  shutdownGraceMs?: number;
}

export class Runner {
  readonly id: string;
  private readonly inFlight = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;
  private intervalMs: number | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: RunnerOptions) {
    this.id = options.id ?? `runner-${randomUUID().slice(0, 8)}`;
  }

  get maxAttempts() {
    return this.options.maxAttempts ?? 3;
  }

  /** One pass: enqueue, heartbeat, cancel, sweep and claim. Resolves once the claimed runs have started. */
  async tick(): Promise<void> {
    if (this.stopped) return;
    const { db, now } = this.options;
    await enqueueDue(db, now(), this.maxAttempts);
    await this.watch();
    const { staleAfterMs } = this.options;
    if (staleAfterMs) await failStaleRuns(db, now(), staleAfterMs, this.options.backoffMs ?? 60_000);
    if (this.stopped) return; // stop() came while this tick waited on the database: claim nothing more
    const free = (this.options.concurrency ?? 2) - this.inFlight.size;
    for (const run of await claimRuns(db, this.id, now(), free)) this.start(run);
  }

  /** Renews the heartbeat of the runs in flight; aborts those cancelled by a user or no longer held. */
  private async watch(): Promise<void> {
    const { db, now } = this.options;
    const ids = [...this.inFlight.keys()];
    if (ids.length === 0) return;
    const held = await heartbeat(db, this.id, ids, now());
    for (const id of ids) if (!held.has(id)) this.inFlight.get(id)?.controller.abort(new ClaimLost());
    for (const id of await cancelRequested(db, ids)) this.inFlight.get(id)?.controller.abort(new RunCancelled());
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
    this.intervalMs = intervalMs;
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

  /**
   * Graceful stop: claims nothing more, lets the runs in flight finish for up to `graceMs` (still
   * heartbeating them and honouring cancels), then interrupts the rest, which go back to the queue with
   * their attempt unchanged for any instance to run again. Resolves once every run has been recorded.
   */
  async stop(graceMs = this.options.shutdownGraceMs ?? 0): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    if (this.inFlight.size === 0) return;
    const watching = setInterval(
      () => void this.watch().catch((e: unknown) => this.options.log?.(`runner ${this.id}: ${(e as Error).message}`)),
      Math.min(this.intervalMs ?? 1_000, 1_000),
    );
    watching.unref();
    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => {
      graceTimer = setTimeout(resolve, graceMs);
      graceTimer.unref();
    });
    try {
      await Promise.race([this.idle(), graceOver]);
      for (const f of this.inFlight.values()) f.controller.abort(new ShutdownInterrupt());
      await this.idle();
    } finally {
      clearTimeout(graceTimer);
      clearInterval(watching);
    }
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
    const log = (message: string) => this.options.log?.(`runner ${this.id}: ${message}`);
    let outcome: RunOutcome;
    try {
      const result = await this.options.execute(run, controller.signal);
      outcome = { ...result, status: result.ok ? 'succeeded' : 'failed' };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof RunTimeoutError) outcome = { status: 'timed_out', log: [], error: message };
      else outcome = { status: 'failed', log: [], error: message };
    }
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
    // A run that succeeded just as the abort came keeps its success; otherwise the abort's reason decides.
    if (outcome.status !== 'succeeded') {
      if (reason instanceof ShutdownInterrupt) {
        try {
          if (await requeueRun(db, run, now())) {
            log(`run ${run.id} interrupted by the shutdown, queued again (attempt ${run.attempt} not used up)`);
            return;
          }
        } catch (e) {
          // the stale sweep of another instance retries it later (as a failed attempt)
          log(`could not requeue run ${run.id}: ${(e as Error).message}`);
          return;
        }
        // not requeued: a user asked to cancel it meanwhile (or the claim is gone and nothing is written)
        outcome = { status: 'cancelled', log: outcome.log, error: 'cancelled by a user' };
      } else if (reason instanceof RunCancelled) {
        outcome = { status: 'cancelled', log: outcome.log, error: 'cancelled by a user' };
      }
    }
    let retry: RunRow | undefined;
    try {
      const finished = await finishRun(db, run, outcome, now(), this.options.backoffMs ?? 60_000);
      if (!finished.recorded) {
        log(
          `run ${run.id} was taken over by another server (stale heartbeat): its ${outcome.status} result is dropped`,
        );
        return;
      }
      retry = finished.retry;
    } catch (e) {
      log(`could not record run ${run.id}: ${(e as Error).message}`);
      return;
    }
    try {
      await this.options.afterRun?.(run, outcome, retry);
    } catch (e) {
      log(`after run ${run.id}: ${(e as Error).message}`);
    }
  }
}
