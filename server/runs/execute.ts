/**
 * Runs one pipeline document on a fresh DuckDB native engine, sandboxed: sources load first (only from
 * the allowed folders, checked on the real path when each file is opened), then
 * `SET enable_external_access = false` and `SET lock_configuration = true`, so SQL written by users
 * can no longer read files (`read_csv('/etc/passwd')`), reach the network or load extensions (httpfs).
 * Output nodes do not write where their `path` says: what they receive, and every final node's rows, are
 * stored as Parquet in the run's artifact folder (written straight from each node's query), the one folder the sandbox still lets DuckDB write.
 * DuckDB spills into the run's own work folder under a size quota and writes the artifacts there too (the
 * server moves them into place): these are the only paths `duckdb_settings()` shows, and they sit in a
 * neutral folder rather than among the server's own. Errors are stripped of server paths.
 */
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { registry } from '../../nodes/index.ts';
import { refNode, validatePipeline } from '../../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { RunResult } from '../../runtime/execute/events.ts';
import { createRunSession } from '../../runtime/execute/run-session.ts';
import { FileModelStore } from '../../runtime/ml/file-model-store.ts';
import { FileTrainingCache, trainingCacheDir } from '../../runtime/ml/file-training-cache.ts';
import { defaultTargets } from '../../runtime/plan/plan-run.ts';
import { createNodeSandbox } from '../../runtime/sandbox/node-sandbox.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { stringLiteral } from '../../runtime/sql/quote.ts';
import { isChart, writeChartArtifacts } from './artifacts-chart.ts';
import { type ArtifactFile, artifactWriters } from './artifacts-write.ts';

export interface ExecuteInput {
  doc: unknown;
  params: Record<string, unknown>;
  /** Relative source paths resolve here; files are opened only inside it (or the dataset store). */
  baseDir: string;
  /** Dataset id → absolute path, for the ids the pipeline's owner may read (resolved by the server). */
  datasets: Record<string, string>;
  /** Folders files may be opened from (real paths, symlinks followed): `baseDir` and the dataset store. */
  allowedRoots: string[];
  /**
   * The run's work folder (`spill/` for DuckDB's temp files, `out/` for the artifacts, which the caller moves
   * to `artifactsDir`). Absent: DuckDB's defaults, artifacts written straight to `artifactsDir`.
   */
  workDir?: string;
  /** DuckDB `max_temp_directory_size`, e.g. `10GiB`. */
  spillMax?: string;
  threads: number;
  memoryLimit: string;
  /** This run's artifact folder (`<root>/<runId>`, created by the caller); none: nothing is stored. */
  artifactsDir?: string;
  /** The model registry folder and who runs (recorded as owner of models the run saves); none: no registry. */
  models?: { dir: string; owner: string };
}

export interface NodeLog {
  nodeId: string;
  state: string;
  rows: number | null;
  ms: number;
  warnings: unknown[];
  error?: string;
  reason?: string;
}

export interface ExecuteOutput {
  ok: boolean;
  log: NodeLog[];
  error?: string;
  errorNodeId?: string;
  artifacts?: ArtifactFile[];
}

export async function executePipeline(input: ExecuteInput, signal?: AbortSignal): Promise<ExecuteOutput> {
  const validation = validatePipeline(input.doc, registry, { parameters: input.params });
  if (!validation.ok) {
    const error = validation.issues.map((i) => i.message).join('; ');
    return { ok: false, log: [], error: `the pipeline is not valid: ${error}` };
  }
  const pipeline = validation.pipeline;
  const models = input.models ? new FileModelStore(input.models.dir, input.models.owner) : undefined;
  // trainings are kept beside the registry: a scheduled re-run over the same rows and settings does not train again
  const trainings = input.models ? new FileTrainingCache(trainingCacheDir(input.models.dir)) : undefined;
  const engine = await DuckDBNodeEngine.create({
    threads: input.threads,
    memoryLimit: input.memoryLimit,
    settings: input.workDir
      ? {
          temp_directory: path.join(input.workDir, 'spill'),
          ...(input.spillMax ? { max_temp_directory_size: input.spillMax } : {}),
          // DuckDB's default is under the home folder: an absolute path `duckdb_settings()` would show.
          secret_directory: path.join(input.workDir, 'secrets'),
        }
      : {},
  });
  const files = new NodeFileAccess({
    baseDir: input.baseDir,
    engine,
    allowedRoots: input.allowedRoots,
    resolveDataset: async (id) => {
      const found = input.datasets[id];
      if (!found) throw new Error('접근 권한이 없는 데이터셋입니다. (This dataset is not available to this run.)');
      return found;
    },
  });
  try {
    const runtime = createRunSession({ engine, files, sandbox: createNodeSandbox(), models, trainings });
    const isSource = (id: string) => pipeline.nodes.get(id)?.def.kind === 'source';
    const isOutput = (id: string) => pipeline.nodes.get(id)?.def.kind === 'sink';
    const log = new Map<string, NodeLog>();
    const record = (result: RunResult) => {
      for (const n of result.nodes) {
        if (n.cached && log.has(n.nodeId)) continue;
        log.set(n.nodeId, {
          nodeId: n.nodeId,
          state: n.state,
          rows: n.rows,
          ms: Math.round(n.ms),
          warnings: n.warnings,
          ...(n.error ? { error: n.error.message } : {}),
          ...(n.reason ? { reason: n.reason } : {}),
        });
      }
      return result;
    };
    const sources = pipeline.order.filter(isSource);
    const first = record(await runtime.run(pipeline, { targets: sources, signal }));
    const outDir = input.artifactsDir && input.workDir ? path.join(input.workDir, 'out') : input.artifactsDir;
    if (outDir) await engine.query(`SET allowed_directories = [${stringLiteral(`${outDir}/`)}]`);
    await engine.query('SET enable_external_access = false');
    await engine.query('SET lock_configuration = true');
    let artifacts: ArtifactFile[] = [];
    if (first.ok) {
      const charts = pipeline.order.filter((id) => isChart(pipeline, id)); // drawn as SVG below
      // Stored results are written straight from each node's query; without an artifact folder every final node
      // (or what an output receives) is still computed, as a table.
      const stored = outDir && input.artifactsDir ? artifactWriters(engine, pipeline, outDir) : undefined;
      const targets = new Set<string>(charts);
      if (!stored)
        for (const id of defaultTargets(pipeline)) {
          if (!isOutput(id)) targets.add(id);
          else
            for (const refs of Object.values(pipeline.nodes.get(id)?.inputs ?? {}))
              for (const r of refs) targets.add(refNode(r));
        }
      const second = record(
        await runtime.run(pipeline, {
          targets: [...targets].filter((t) => !isSource(t)),
          writes: stored?.writes,
          signal,
        }),
      );
      const relations = new Map([...first.relations, ...second.relations]);
      const schemas = new Map(
        [...first.nodes, ...second.nodes].flatMap((n) => (n.schema ? [[n.nodeId, n.schema]] : [])),
      );
      if (stored && outDir && input.artifactsDir) {
        artifacts = stored.written();
        artifacts.push(...(await writeChartArtifacts(engine, pipeline, relations, schemas, outDir)));
        // artifact names are `<runId>/<file>`: the run folder's name, not the link's
        const runId = path.basename(input.artifactsDir);
        artifacts = artifacts.map((a) => ({ ...a, file: `${runId}/${path.basename(a.file)}` }));
      }
    }
    const scrub = pathScrubber(input);
    const explain = (error: string) => scrub(spillQuotaMessage(error, input.spillMax) ?? error);
    const entries = [...log.values()].map((n) => (n.error ? { ...n, error: explain(n.error) } : n));
    const failed = entries.find((n) => n.state === 'error');
    if (failed) {
      const error = `노드 "${failed.nodeId}": ${failed.error}`;
      return { ok: false, log: entries, error, errorNodeId: failed.nodeId, artifacts };
    }
    return { ok: true, log: entries, artifacts };
  } finally {
    await files.close();
    await engine.close();
  }
}

/** DuckDB's message when a run's spill quota is used up, in words an officer can act on. */
function spillQuotaMessage(error: string, quota: string | undefined): string | undefined {
  if (!error.includes('max_temp_directory_size')) return undefined;
  return `실행이 임시 저장 공간 한도(${quota ?? '설정값'})를 넘었습니다. 데이터를 줄이거나(필터·집계를 앞에 두기) 관리자에게 RUN_SPILL_MAX 상향을 요청하세요. (The run used up its spill space quota.)`;
}

/**
 * Removes server paths from a message stored with the run (DuckDB and Node name the files they fail
 * on): every absolute path under a folder the run knows becomes its last part, the name an officer wrote.
 */
export function pathScrubber(input: Pick<ExecuteInput, 'baseDir' | 'allowedRoots' | 'workDir' | 'artifactsDir'>) {
  const roots = [
    input.baseDir,
    ...input.allowedRoots,
    input.workDir,
    input.artifactsDir,
    tmpdir(),
    homedir(),
    process.cwd(),
  ]
    .filter((r): r is string => typeof r === 'string' && r.length > 1)
    .sort((a, b) => b.length - a.length);
  const escaped = roots.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?:${escaped.join('|')})(?:/[^\\s"'\`),;]*)?`, 'g');
  return (text: string) => text.replace(pattern, (match) => path.basename(match) || '…');
}
