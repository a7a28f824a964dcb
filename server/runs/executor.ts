/**
 * The runner's executor: loads the run's pipeline version, resolves server datasets by id, refuses
 * source paths outside the allowed data folder, then executes in a `worker_threads` Worker with a JS
 * heap limit, DuckDB `threads` and `memory_limit`, and a wall-clock limit (the worker is terminated).
 * Workers whose run ended normally stay warm for the next run (`worker-pool.ts`).
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { datasetResolver } from '../datasets/resolve.ts';
import type { Db } from '../db/client.ts';
import { pipelines, pipelineVersions, type RunRow, users } from '../db/schema.ts';
import type { ExecuteInput, ExecuteOutput } from './execute.ts';
import { type RunExecutor, RunTimeoutError } from './runner.ts';
import { WorkerPool } from './worker-pool.ts';

export interface ExecutorOptions {
  db: Db;
  /** The server's dataset store (`config.uploads.datasetsDir`). */
  datasetsDir: string;
  /** Source `path`s must resolve inside this folder. */
  allowedDir: string;
  timeLimitMs: number;
  threads: number;
  memoryLimit: string;
  /** Worker JS heap (`resourceLimits.maxOldGenerationSizeMb`). */
  heapMb: number;
  /** Each run stores its artifacts in `<artifactsDir>/<runId>/`; absent: none are stored. */
  artifactsDir?: string;
  /** The model registry (`config.uploads.modelsDir`): `model.score` and `saveAs` use it in runs; absent: no registry. */
  modelsDir?: string;
  /** Warm workers kept between runs (the runner's concurrency); default 2. */
  concurrency?: number;
}

/** A warm worker runs this many runs, then a fresh one takes over (bounds what a long-lived worker accumulates). */
const RUNS_PER_WORKER = 25;

export function workerExecutor(options: ExecutorOptions): RunExecutor {
  const resolve = datasetResolver(options.db, options.datasetsDir);
  const pool = new WorkerPool({ heapMb: options.heapMb, maxIdle: options.concurrency ?? 2, maxRuns: RUNS_PER_WORKER });
  return async (run, signal) => {
    const doc = await loadDoc(options.db, run);
    const nodes = (doc as { nodes?: { id: string; params?: Record<string, unknown> }[] }).nodes ?? [];
    const datasets: Record<string, string> = {};
    for (const node of nodes) {
      const p = node.params ?? {};
      if (typeof p.datasetId === 'string') datasets[p.datasetId] = await resolve(p.datasetId);
      if (typeof p.path === 'string') {
        const full = path.resolve(options.allowedDir, p.path);
        const inside = full === options.allowedDir || full.startsWith(options.allowedDir + path.sep);
        if (!inside) {
          return {
            ok: false,
            log: [],
            error: `node "${node.id}": the path "${p.path}" is outside the server's data folder; use a dataset`,
            errorNodeId: node.id,
          };
        }
      }
    }
    const runDir = options.artifactsDir ? path.resolve(options.artifactsDir, run.id) : undefined;
    if (runDir) await mkdir(runDir, { recursive: true });
    const input: ExecuteInput = {
      doc,
      params: run.params as Record<string, unknown>,
      baseDir: options.allowedDir,
      datasets,
      threads: options.threads,
      memoryLimit: options.memoryLimit,
      artifactsDir: runDir,
      ...(options.modelsDir ? { models: { dir: options.modelsDir, owner: await runOwner(options.db, run) } } : {}),
    };
    try {
      return await inWorker(pool, input, options, signal);
    } catch (e) {
      // a stopped worker may leave half-written files that no database row points at
      if (runDir) await rm(runDir, { recursive: true, force: true });
      throw e;
    }
  };
}

async function loadDoc(db: Db, run: RunRow): Promise<unknown> {
  let version = run.version;
  if (version === null) {
    const [p] = await db.select().from(pipelines).where(eq(pipelines.id, run.pipelineId));
    if (!p || p.deletedAt) throw new Error('the pipeline is deleted');
    version = p.latestVersion;
  }
  const [v] = await db
    .select()
    .from(pipelineVersions)
    .where(and(eq(pipelineVersions.pipelineId, run.pipelineId), eq(pipelineVersions.version, version)));
  if (!v) throw new Error(`the pipeline has no version ${version}`);
  return v.doc;
}

/** Who a run acts for: whoever pressed "run now", else the pipeline's owner (user names, as the API records them). */
async function runOwner(db: Db, run: RunRow): Promise<string> {
  let userId = run.requestedBy;
  if (!userId) {
    const [p] = await db.select({ ownerId: pipelines.ownerId }).from(pipelines).where(eq(pipelines.id, run.pipelineId));
    userId = p?.ownerId ?? null;
  }
  if (!userId) return 'scheduler';
  const [u] = await db.select({ username: users.username }).from(users).where(eq(users.id, userId));
  return u?.username ?? 'scheduler';
}

function inWorker(
  pool: WorkerPool,
  input: ExecuteInput,
  options: ExecutorOptions,
  signal: AbortSignal,
): Promise<ExecuteOutput> {
  return new Promise((resolve, reject) => {
    const slot = pool.acquire();
    const { worker } = slot;
    let settled = false;
    /** `keep`: the run ended normally, the worker may serve the next one. */
    const settle = (fn: () => void, keep = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      fn();
      if (keep) pool.release(slot);
      else pool.discard(slot);
    };
    const timer = setTimeout(() => {
      const seconds = Math.round(options.timeLimitMs / 100) / 10;
      settle(() => reject(new RunTimeoutError(`the run exceeded its time limit of ${seconds} s and was stopped`)));
    }, options.timeLimitMs);
    const onAbort = () => settle(() => reject(signal.reason ?? new Error('cancelled')));
    signal.addEventListener('abort', onAbort, { once: true });
    const onMessage = (output: ExecuteOutput) => settle(() => resolve(output), true);
    const onError = (e: Error) => {
      const heap = /heap|memory/i.test(e.message);
      const message = heap ? `the run exceeded its memory limit (${options.heapMb} MB JS heap)` : e.message;
      settle(() => reject(new Error(message)));
    };
    const onExit = (code: number) => settle(() => reject(new Error(`the run's worker exited (code ${code})`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(input);
  });
}
