import path from 'node:path';

/** Runner settings from the environment (`RUNNER=off` disables the runner of this instance). */
export interface RunnerConfig {
  enabled: boolean;
  /** Milliseconds between ticks. */
  intervalMs: number;
  concurrency: number;
  /** Attempts per run, the first included. */
  maxAttempts: number;
  /** First retry delay; doubled per further attempt. */
  backoffMs: number;
  /** Wall-clock limit per run; the worker is terminated and the run ends `timed_out`. */
  timeLimitMs: number;
  /** DuckDB `threads` and `memory_limit` per run. */
  threads: number;
  memoryLimit: string;
  /** JS heap of the run's worker thread. */
  heapMb: number;
  /** Source `path`s must stay inside this folder (datasets are resolved by id). */
  allowedDir: string;
  /** Runs store their artifacts in `<artifactsDir>/<runId>/`. */
  artifactsDir: string;
  /** A `running` run whose runner has not renewed its heartbeat for this long is taken for lost. */
  staleAfterMs: number;
  retention: RetentionConfig;
  /** Alert webhooks give up after this long. */
  webhookTimeoutMs: number;
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
  return {
    enabled: env.RUNNER !== 'off',
    intervalMs: Number(env.RUNNER_INTERVAL_MS ?? 5_000),
    concurrency: Number(env.RUNNER_CONCURRENCY ?? 2),
    maxAttempts: Number(env.RUNNER_MAX_ATTEMPTS ?? 3),
    backoffMs: Number(env.RUNNER_BACKOFF_MS ?? 60_000),
    timeLimitMs: Number(env.RUN_TIME_LIMIT_MS ?? 30 * 60_000),
    threads: Number(env.RUN_THREADS ?? 2),
    memoryLimit: env.RUN_MEMORY_LIMIT ?? '2GB',
    heapMb: Number(env.RUN_HEAP_MB ?? 512),
    allowedDir: path.resolve(env.RUN_DATA_DIR ?? `${dataDir}/files`),
    artifactsDir: path.resolve(env.RUN_ARTIFACTS_DIR ?? `${dataDir}/artifacts`),
    staleAfterMs: Number(env.RUN_STALE_AFTER_MS ?? 2 * 60_000),
    webhookTimeoutMs: Number(env.RUN_WEBHOOK_TIMEOUT_MS ?? 5_000),
    retention: {
      keepRuns: Number(env.RUN_ARTIFACTS_KEEP_RUNS ?? 20),
      keepDays: Number(env.RUN_ARTIFACTS_KEEP_DAYS ?? 30),
    },
  };
}
