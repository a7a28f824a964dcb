import path from 'node:path';
import { readSettings } from '../config.ts';
import { defaultSpillDir } from './spill.ts';

/**
 * Runner settings from the environment, parsed by the server's one settings schema (`readSettings`, units
 * accepted: `RUNNER_INTERVAL_MS=5s`); `RUNNER=off` disables the runner of this instance.
 */
export interface RunnerConfig {
  enabled: boolean;
  /** Milliseconds between ticks. */
  intervalMs: number;
  concurrency: number;
  /** Attempts per run, the first included. */
  maxAttempts: number;
  /** First retry delay; doubled per further attempt. */
  backoffMs: number;
  /** Wall-clock limit per run; its process is ended and the run ends `timed_out`. */
  timeLimitMs: number;
  /** DuckDB `threads` and `memory_limit` per run. */
  threads: number;
  memoryLimit: string;
  /** JS heap of the run's process. */
  heapMb: number;
  /** Source `path`s must stay inside this folder (datasets are resolved by id). */
  allowedDir: string;
  /** Runs store their artifacts in `<artifactsDir>/<runId>/`. */
  artifactsDir: string;
  /** Each run works (spills) in `<spillDir>/<runId>/`, deleted when it ends and on start (`spill.ts`). */
  spillDir: string;
  /** DuckDB `max_temp_directory_size` per run, e.g. `10240MiB`. */
  spillMax: string;
  /** A `running` run whose runner has not renewed its heartbeat for this long is taken for lost. */
  staleAfterMs: number;
  retention: RetentionConfig;
  /** Alert webhooks give up after this long. */
  webhookTimeoutMs: number;
  /**
   * Internal hosts or CIDRs (`10.1.2.3`, `hooks.customs.local`, `10.20.0.0/16`) an admin lets webhooks
   * reach; every other private, loopback or link-local target is refused.
   */
  webhookAllowHosts: string[];
  /** On SIGTERM/SIGINT, running runs may finish for this long before they are interrupted and requeued. */
  shutdownGraceMs: number;
  /** Runs one user may have queued or running at once ("run now" beyond it: 429); 0 turns the limit off. */
  queuePerUser: number;
}

/**
 * Artifact retention, applied after every run: a schedule keeps the artifacts of its last `keepRuns`
 * runs that stored any, and no artifact is kept longer than `keepDays` (0 turns either rule off).
 */
export interface RetentionConfig {
  keepRuns: number;
  keepDays: number;
}

export function readRunnerConfig(env: NodeJS.ProcessEnv = process.env, dataDir = '.data'): RunnerConfig {
  const s = readSettings(env);
  const artifactsDir = path.resolve(s.RUN_ARTIFACTS_DIR ?? `${dataDir}/artifacts`);
  return {
    enabled: s.RUNNER !== 'off',
    intervalMs: Math.max(s.RUNNER_INTERVAL_MS, 100),
    concurrency: s.RUNNER_CONCURRENCY,
    maxAttempts: s.RUNNER_MAX_ATTEMPTS,
    backoffMs: s.RUNNER_BACKOFF_MS,
    timeLimitMs: s.RUN_TIME_LIMIT_MS,
    threads: s.RUN_THREADS,
    // DuckDB reads `MiB` as 1024² bytes, the same base as the size parser.
    memoryLimit: `${Math.max(1, Math.floor(s.RUN_MEMORY_LIMIT / 1024 ** 2))}MiB`,
    heapMb: Math.max(16, Math.floor(s.RUN_HEAP_MB / 1024 ** 2)),
    allowedDir: path.resolve(s.RUN_DATA_DIR ?? `${dataDir}/files`),
    artifactsDir,
    spillDir: path.resolve(s.RUN_SPILL_DIR ?? defaultSpillDir(artifactsDir)),
    spillMax: `${Math.max(1, Math.floor(s.RUN_SPILL_MAX / 1024 ** 2))}MiB`,
    staleAfterMs: s.RUN_STALE_AFTER_MS,
    webhookTimeoutMs: s.RUN_WEBHOOK_TIMEOUT_MS,
    webhookAllowHosts: s.WEBHOOK_ALLOW_HOSTS.split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    shutdownGraceMs: s.SHUTDOWN_GRACE,
    queuePerUser: s.RUN_QUEUE_PER_USER,
    retention: {
      keepRuns: s.RUN_ARTIFACTS_KEEP_RUNS,
      keepDays: s.RUN_ARTIFACTS_KEEP_DAYS,
    },
  };
}
