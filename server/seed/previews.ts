/**
 * Preview images of the seeded templates, drawn from each template's own result: the template runs once (in the
 * background after start-up, one at a time, in a worker thread with one DuckDB thread so the server keeps
 * answering) exactly as a scheduled run would (`executePipeline`); its first chart becomes the preview, else a
 * picture of the first rows of its result table. A template that already has a preview for its current version
 * is not run again (seeding clears the preview when the shipped content changes). A failure is logged and
 * leaves the template without a preview (marked `PREVIEW_FAILED`, so the next start does not run a failing
 * template again until its content changes); it never stops the server.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { eq } from 'drizzle-orm';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { stringLiteral } from '../../runtime/sql/quote.ts';
import { datasetResolver } from '../datasets/resolve.ts';
import type { Db } from '../db/client.ts';
import { templates } from '../db/schema.ts';
import type { ArtifactFile } from '../runs/artifacts-write.ts';
import type { ExecuteInput, ExecuteOutput } from '../runs/execute.ts';
import { checkPreview, type PreviewType } from '../templates/preview.ts';
import { tableSvg } from './table-svg.ts';

/**
 * `preview_type` of a template whose preview could not be drawn for its current version (`preview` stays null:
 * the gallery shows none, the preview route answers 404). Seeding clears it with the next content change.
 */
export const PREVIEW_FAILED = 'failed';

export interface PreviewOptions {
  datasetsDir: string;
  /** `config.uploads.previewMaxBytes`. */
  maxBytes: number;
  /** Per template; a model-training template takes 10–20 s. */
  timeLimitMs?: number;
  heapMb?: number;
  now: () => Date;
  log?: (message: string) => void;
  /** Stops between templates (server shutting down). */
  signal?: AbortSignal;
}

/** Draws the missing previews of these templates, one after the other. Resolves when all are done. */
export async function drawTemplatePreviews(db: Db, templateIds: string[], o: PreviewOptions): Promise<void> {
  const worker = new SequentialWorker(o.heapMb ?? 2048);
  const resolve = datasetResolver(db, o.datasetsDir);
  try {
    for (const id of templateIds) {
      if (o.signal?.aborted) return;
      await drawOne(db, id, resolve, worker, o);
    }
  } finally {
    await worker.close();
  }
}

async function drawOne(
  db: Db,
  id: string,
  resolve: (id: string) => Promise<string>,
  worker: SequentialWorker,
  o: PreviewOptions,
): Promise<void> {
  const [t] = await db
    .select({ doc: templates.doc, title: templates.title, preview: templates.preview, type: templates.previewType })
    .from(templates)
    .where(eq(templates.id, id));
  if (!t || t.preview !== null || t.type === PREVIEW_FAILED) return;
  const started = performance.now();
  try {
    const image = await previewOf(t.doc, t.title, resolve, worker, o);
    await db
      .update(templates)
      .set({ previewType: image.type, preview: Buffer.from(image.bytes).toString('base64') })
      .where(eq(templates.id, id));
    o.log?.(`Template "${t.title}": preview drawn in ${Math.round(performance.now() - started)} ms`);
  } catch (e) {
    o.log?.(`Template "${t.title}": no preview (${(e as Error).message})`);
    if (!o.signal?.aborted) await db.update(templates).set({ previewType: PREVIEW_FAILED }).where(eq(templates.id, id));
  }
}

async function previewOf(
  doc: unknown,
  title: string,
  resolve: (id: string) => Promise<string>,
  worker: SequentialWorker,
  o: PreviewOptions,
): Promise<{ type: PreviewType; bytes: Uint8Array }> {
  const datasets: Record<string, string> = {};
  for (const node of (doc as { nodes?: { params?: Record<string, unknown> }[] }).nodes ?? []) {
    const id = node.params?.datasetId;
    if (typeof id === 'string') datasets[id] = await resolve(id);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'cas-template-preview-'));
  try {
    const input: ExecuteInput = {
      doc,
      params: {},
      baseDir: dir, // shipped templates read datasets only; any path stays inside this empty folder
      datasets,
      allowedRoots: [dir, o.datasetsDir],
      threads: 1,
      memoryLimit: '1GB',
      artifactsDir: dir,
    };
    const output = await worker.run(input, o.timeLimitMs ?? 300_000);
    if (!output.ok) throw new Error(output.error ?? 'the run failed');
    return await imageOf(output.artifacts ?? [], dir, title, o.maxBytes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The first chart that passes the preview checks, else the last table with rows (a template's final result). */
async function imageOf(artifacts: ArtifactFile[], dir: string, title: string, maxBytes: number) {
  // artifact paths are `<runDir name>/<file>`: the run folder here is `dir` itself
  const fileOf = (a: ArtifactFile) => path.join(dir, path.basename(a.file));
  for (const a of artifacts.filter((x) => x.format === 'svg')) {
    const bytes = new Uint8Array(await readFile(fileOf(a)));
    try {
      return { type: checkPreview('image/svg+xml', bytes, maxBytes), bytes };
    } catch {
      // a chart the preview checks refuse (too large, external references): try the next one, or a table
    }
  }
  const tables = artifacts.filter((x) => x.format === 'parquet');
  const table = tables.findLast((x) => (x.rows ?? 0) > 0) ?? tables.at(-1);
  if (!table) throw new Error('the result has neither a chart nor a table');
  const engine = await DuckDBNodeEngine.create({ threads: 1 });
  try {
    const result = await engine.query(`SELECT * FROM read_parquet(${stringLiteral(fileOf(table))}) LIMIT 8`);
    const bytes = new TextEncoder().encode(tableSvg(result.columns, result.rows, title));
    return { type: checkPreview('image/svg+xml', bytes, maxBytes), bytes };
  } finally {
    await engine.close();
  }
}

/** One worker thread for all previews (the runtime loads once); replaced after a crash or a timeout. */
class SequentialWorker {
  private worker: Worker | undefined;

  constructor(private readonly heapMb: number) {}

  run(input: ExecuteInput, timeLimitMs: number): Promise<ExecuteOutput> {
    this.worker ??= new Worker(new URL('../runs/worker-entry.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const done = (fn: () => void, keep: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (!keep) void this.close();
        fn();
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`stopped after ${Math.round(timeLimitMs / 1000)} s`)), false),
        timeLimitMs,
      );
      const onMessage = (output: ExecuteOutput) => done(() => resolve(output), true);
      const onError = (e: Error) => done(() => reject(e), false);
      const onExit = (code: number) => done(() => reject(new Error(`the worker exited (code ${code})`)), false);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(input);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
