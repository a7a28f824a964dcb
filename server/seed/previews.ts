/**
 * Preview images of the seeded templates, drawn from each template's own result: the template's pipeline version
 * runs once through the runner's own executor (`workerExecutor`: a separate run process, sandboxed, one DuckDB
 * thread), in the background after start-up and one template at a time, so the server keeps answering. Its first
 * chart becomes the preview, else a picture of the first rows of its result table. A template that already has a
 * preview for its current version is not run again (seeding clears the preview when the shipped content changes).
 * A failure is logged and leaves the template without a preview (marked `PREVIEW_FAILED`, so the next start does
 * not run a failing template again until its content changes); it never stops the server.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { stringLiteral } from '../../runtime/sql/quote.ts';
import type { Db } from '../db/client.ts';
import { type RunRow, templates } from '../db/schema.ts';
import type { ArtifactFile } from '../runs/artifacts-write.ts';
import { workerExecutor } from '../runs/executor.ts';
import type { RunExecutor } from '../runs/runner.ts';
import { checkPreview } from '../templates/preview.ts';
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
  /** Per template; a model-training template takes 10–20 s on a quiet machine, minutes on a busy one. */
  timeLimitMs?: number;
  heapMb?: number;
  now: () => Date;
  log?: (message: string) => void;
  /** Stops between templates (server shutting down). */
  signal?: AbortSignal;
}

/** Draws the missing previews of these templates, one after the other. Resolves when all are done. */
export async function drawTemplatePreviews(db: Db, templateIds: string[], o: PreviewOptions): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'cas-template-previews-'));
  const artifactsDir = path.join(work, 'artifacts');
  const allowedDir = path.join(work, 'files'); // shipped templates read datasets only: no file is allowed
  await mkdir(allowedDir, { recursive: true });
  const execute = workerExecutor({
    db,
    datasetsDir: o.datasetsDir,
    allowedDir,
    artifactsDir,
    spillDir: path.join(work, 'spill'),
    timeLimitMs: o.timeLimitMs ?? 600_000,
    threads: 1,
    memoryLimit: '1GB',
    heapMb: o.heapMb ?? 2048,
    concurrency: 0, // no warm process left behind once the previews are drawn
  });
  try {
    for (const id of templateIds) {
      if (o.signal?.aborted) return;
      await drawOne(db, id, execute, artifactsDir, o);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function drawOne(db: Db, id: string, execute: RunExecutor, artifactsDir: string, o: PreviewOptions) {
  const [t] = await db
    .select({
      title: templates.title,
      pipelineId: templates.pipelineId,
      version: templates.pipelineVersion,
      preview: templates.preview,
      type: templates.previewType,
    })
    .from(templates)
    .where(eq(templates.id, id));
  if (!t || t.preview !== null || t.type === PREVIEW_FAILED || !t.pipelineId) return;
  const started = performance.now();
  try {
    const run = previewRun(t.pipelineId, t.version, o.now());
    const output = await execute(run, o.signal ?? new AbortController().signal);
    if (!output.ok) throw new Error(output.error ?? 'the run failed');
    const image = await imageOf(output.artifacts ?? [], artifactsDir, t.title, o.maxBytes);
    await rm(path.join(artifactsDir, run.id), { recursive: true, force: true });
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

/** A run of the template's pipeline version as the executor takes it (never stored: nothing is queued). */
function previewRun(pipelineId: string, version: number, now: Date): RunRow {
  return {
    id: randomUUID(),
    pipelineId,
    scheduleId: null,
    version,
    params: {},
    status: 'running',
    attempt: 1,
    maxAttempts: 1,
    runAfter: now,
    scheduledFor: null,
    trigger: 'template-preview',
    requestedBy: null, // the pipeline's owner: the system account, which owns the sample datasets
    claimedBy: null,
    cancelRequested: false,
    startedAt: now,
    heartbeatAt: null,
    finishedAt: null,
    log: [],
    error: null,
    errorNodeId: null,
    retryOf: null,
    createdAt: now,
  };
}

/** The first chart that passes the preview checks, else the last table with rows (a template's final result). */
async function imageOf(artifacts: ArtifactFile[], root: string, title: string, maxBytes: number) {
  const fileOf = (a: ArtifactFile) => path.join(root, a.file); // `<runId>/<node>.<ext>` under the artifacts root
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
