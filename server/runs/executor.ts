/**
 * The runner's executor. Before any work it loads the run's pipeline version, fills in the run's
 * `{{parameters}}`, and checks the result: every path a source reads must stay inside the allowed data folder and
 * every dataset it reads must be one the pipeline's owner may read (the datasets API's rule). Then it executes the run
 * in a child process (`worker-pool.ts`) with a JS heap cap, DuckDB `threads`, `memory_limit`, a spill
 * folder of its own under a size quota, and a wall-clock limit. Cancel, time-out and shutdown interrupt the
 * query and end the process (its DuckDB threads with it) before the run is recorded; the spill folder is
 * deleted however the run ends, and the whole spill root when the server starts (`clearSpill` in `spill.ts`).
 */
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { registry } from '../../nodes/index.ts';
import { validatePipeline } from '../../runtime/document/validate.ts';
import type { SessionUser } from '../context.ts';
import { datasetForOwner } from '../datasets/resolve.ts';
import type { Db } from '../db/client.ts';
import { pipelines, pipelineVersions, type RunRow, users } from '../db/schema.ts';
import { type ExecuteInput, type ExecuteOutput, pathScrubber } from './execute.ts';
import { type RunExecutor, RunTimeoutError } from './runner.ts';
import { DEFAULT_SPILL_MAX_BYTES, defaultSpillDir } from './spill.ts';
import { type PooledProcess, WorkerPool } from './worker-pool.ts';

export interface ExecutorOptions {
  db: Db;
  /** The server's dataset store (`config.uploads.datasetsDir`). */
  datasetsDir: string;
  /** Source `path`s must resolve inside this folder (on their real path, symlinks followed). */
  allowedDir: string;
  timeLimitMs: number;
  threads: number;
  memoryLimit: string;
  /** The run process's JS heap (`--max-old-space-size`). */
  heapMb: number;
  /** Each run stores its artifacts in `<artifactsDir>/<runId>/`; absent: none are stored. */
  artifactsDir?: string;
  /** The model registry (`config.uploads.modelsDir`): `model.score` and `saveAs` use it in runs; absent: no registry. */
  modelsDir?: string;
  /** Warm processes kept between runs (the runner's concurrency); default 2. */
  concurrency?: number;
  /**
   * Each run works in `<spillDir>/<runId>/` (DuckDB's spill files, artifacts until moved), deleted when it
   * ends; its SQL can see this path. Default `defaultSpillDir` (`spill.ts`).
   */
  spillDir?: string;
  /** DuckDB `max_temp_directory_size` per run, e.g. `10240MiB` (a run that needs more fails); default 10 GiB. */
  spillMax?: string;
}

/** A warm process runs this many runs, then a fresh one takes over (bounds what a long-lived process accumulates). */
const RUNS_PER_WORKER = 25;

/** A cold run process (runtime and node modules loading) must take its run within this long. */
const START_LIMIT_MS = 120_000;

export function workerExecutor(options: ExecutorOptions): RunExecutor {
  const pool = new WorkerPool({ heapMb: options.heapMb, maxIdle: options.concurrency ?? 2, maxRuns: RUNS_PER_WORKER });
  const spillRoot = path.resolve(options.spillDir ?? defaultSpillDir(options.artifactsDir ?? options.allowedDir));
  return async (run, signal) => {
    const doc = await loadDoc(options.db, run);
    const checked = await checkDocument(options, run, doc);
    if ('error' in checked) return { ok: false, log: [], error: checked.error, errorNodeId: checked.nodeId };
    const runDir = options.artifactsDir ? path.resolve(options.artifactsDir, run.id) : undefined;
    // `<spillRoot>/<runId>/spill` for DuckDB's temp files, `…/out` for the artifacts until they are moved
    const workDir = path.join(spillRoot, run.id);
    try {
      await mkdir(path.join(workDir, 'spill'), { recursive: true });
      if (runDir) await mkdir(path.join(workDir, 'out'), { recursive: true });
      const input: ExecuteInput = {
        doc,
        params: run.params as Record<string, unknown>,
        baseDir: options.allowedDir,
        allowedRoots: [options.allowedDir, options.datasetsDir],
        datasets: checked.datasets,
        threads: options.threads,
        memoryLimit: options.memoryLimit,
        workDir,
        spillMax: options.spillMax ?? `${DEFAULT_SPILL_MAX_BYTES / 1024 ** 2}MiB`,
        artifactsDir: runDir,
        ...(options.modelsDir ? { models: { dir: options.modelsDir, owner: await runOwner(options.db, run) } } : {}),
      };
      const output = await inProcess(pool, input, options, signal);
      if (runDir) await moveInto(path.join(workDir, 'out'), runDir);
      const scrub = pathScrubber(input);
      return {
        ...output,
        ...(output.error ? { error: scrub(output.error) } : {}),
        log: output.log.map((n) => (n.error ? { ...n, error: scrub(n.error) } : n)),
      };
    } catch (e) {
      // a stopped process may leave half-written files that no database row points at
      if (runDir) await rm(runDir, { recursive: true, force: true });
      throw e;
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  };
}

/** Moves a run's finished artifacts from its work folder into its artifact folder (copies across disks). */
async function moveInto(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    await rename(path.join(from, name), path.join(to, name)).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EXDEV') throw e;
      await cp(path.join(from, name), path.join(to, name));
    });
  }
}

type Checked = { datasets: Record<string, string> } | { error: string; nodeId: string };

/** The document as it will run (parameters filled in): paths inside the data folder, datasets the owner may read. */
async function checkDocument(options: ExecutorOptions, run: RunRow, doc: unknown): Promise<Checked> {
  const validation = validatePipeline(doc, registry, { parameters: run.params as Record<string, unknown> });
  // an invalid document is reported by the run process, which validates it the same way
  if (!validation.ok) return { datasets: {} };
  const owner = await pipelineOwner(options.db, run);
  const datasets: Record<string, string> = {};
  // Sources say which files and datasets they read; output nodes never write where their path says on the
  // server (what they receive is stored as the run's artifacts), so only what is read is checked.
  for (const [id, rn] of validation.pipeline.nodes) {
    if (rn.def.kind !== 'source') continue;
    const outside: string[] = [];
    rn.def.resolvePaths?.(rn.params, (p) => {
      const full = path.resolve(options.allowedDir, p);
      if (full !== options.allowedDir && !full.startsWith(options.allowedDir + path.sep)) outside.push(p);
      return full;
    });
    if (outside.length > 0) {
      const error = `노드 "${id}": 경로 "${outside[0]}"은(는) 서버의 데이터 폴더 밖에 있어 열 수 없습니다. 업로드한 데이터셋을 사용하세요. (The path is outside the server's data folder; use a dataset.)`;
      return { error, nodeId: id };
    }
    for (const datasetId of rn.def.datasetRefs?.(rn.params) ?? []) {
      const found = owner
        ? await datasetForOwner(options.db, options.datasetsDir, owner, datasetId)
        : ({ ok: false, reason: 'denied' } as const);
      if (!found.ok) {
        const error =
          found.reason === 'denied'
            ? `노드 "${id}": 접근 권한이 없는 데이터셋입니다. 파이프라인 소유자가 읽을 수 있는 데이터셋만 쓸 수 있습니다. (The pipeline's owner may not read this dataset.)`
            : `노드 "${id}": 데이터셋을 찾을 수 없습니다. 삭제되었을 수 있습니다. (No such dataset.)`;
        return { error, nodeId: id };
      }
      datasets[datasetId] = found.file;
    }
  }
  return { datasets };
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

/** The pipeline's owner, whose rights bound what its runs may read (whoever started the run). */
async function pipelineOwner(db: Db, run: RunRow): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      department: users.department,
      mustChangePassword: users.mustChangePassword,
    })
    .from(pipelines)
    .innerJoin(users, eq(users.id, pipelines.ownerId))
    .where(eq(pipelines.id, run.pipelineId));
  return row;
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

type FromRunProcess = { type: 'started' } | { type: 'done'; output: ExecuteOutput } | { type: 'stopped' };

/**
 * Runs `input` in a pooled process. A time-out, a cancel or a shutdown (`signal`) ends the process first
 * (`pool.stop`: interrupt, then SIGKILL) and only then rejects, so a run recorded as stopped no longer runs.
 */
function inProcess(
  pool: WorkerPool,
  input: ExecuteInput,
  options: ExecutorOptions,
  signal: AbortSignal,
): Promise<ExecuteOutput> {
  return new Promise((resolve, reject) => {
    const slot: PooledProcess = pool.acquire();
    const { child } = slot;
    let settled = false;
    const detach = () => {
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      child.off('message', onMessage).off('exit', onExit);
    };
    /** Ends the process, then fails the run with `error`. */
    const stopWith = (error: unknown) => {
      if (settled) return;
      detach();
      pool.stop(slot).then(
        () => reject(error),
        () => reject(error),
      );
    };
    const timeLimit = (ms: number) =>
      setTimeout(() => {
        const seconds = Math.round(ms / 100) / 10;
        stopWith(
          new RunTimeoutError(
            `실행 시간 제한(${seconds}초)을 넘어 중지했습니다. (the run exceeded its time limit of ${seconds} s and was stopped)`,
          ),
        );
      }, ms);
    let timer = timeLimit(START_LIMIT_MS);
    const onAbort = () => stopWith(signal.reason ?? new Error('cancelled'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const onMessage = (message: FromRunProcess) => {
      if (settled) return;
      if (message.type === 'started') {
        clearTimeout(timer);
        timer = timeLimit(options.timeLimitMs);
        pool.prepare();
        return;
      }
      if (message.type !== 'done') return;
      detach();
      pool.release(slot);
      resolve(message.output);
    };
    const onExit = (code: number | null, killedBy: NodeJS.Signals | null) => {
      if (settled) return;
      detach();
      // V8 aborts the process when the heap cap is reached
      const heap = killedBy === 'SIGABRT' || code === 134;
      const message = heap
        ? `실행이 메모리 한도(JS 힙 ${options.heapMb} MB)를 넘었습니다. (the run exceeded its memory limit of ${options.heapMb} MB JS heap)`
        : `실행 프로세스가 예기치 않게 끝났습니다. (the run's process exited: ${killedBy ?? `code ${code}`})`;
      reject(new Error(message));
    };
    child.on('message', onMessage).on('exit', onExit);
    child.send({ type: 'run', input }, (e) => {
      if (e)
        stopWith(
          new Error(`실행 프로세스에 실행을 넘기지 못했습니다. (could not hand the run to its process: ${e.message})`),
        );
    });
  });
}
