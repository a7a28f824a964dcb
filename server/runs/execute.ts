/**
 * Runs one pipeline document on a fresh DuckDB native engine, sandboxed: sources load first, then
 * `SET enable_external_access = false` and `SET lock_configuration = true`, so SQL written by users
 * can no longer read files (`read_csv('/etc/passwd')`), reach the network or load extensions (httpfs).
 * Output nodes do not write where their `path` says: what they receive, and every final node's table,
 * is stored as Parquet in the run's artifact folder, the one folder the sandbox still lets DuckDB write.
 */
import { registry } from '../../nodes/index.ts';
import { refNode, validatePipeline } from '../../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { defaultTargets, PipelineRuntime } from '../../runtime/execute/runtime.ts';
import { FileModelStore } from '../../runtime/ml/file-model-store.ts';
import { setModelStore } from '../../runtime/ml/model-store.ts';
import { createNodeSandbox } from '../../runtime/sandbox/node-sandbox.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { stringLiteral } from '../../runtime/sql/quote.ts';
import { isChart, writeChartArtifacts } from './artifacts-chart.ts';
import { type ArtifactFile, writeArtifacts } from './artifacts-write.ts';

export interface ExecuteInput {
  doc: unknown;
  params: Record<string, unknown>;
  /** Relative source paths resolve here; the caller checked every path stays inside it. */
  baseDir: string;
  /** Dataset id → absolute path (resolved by the server before the run). */
  datasets: Record<string, string>;
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
  // A worker executes one run at a time, so the module-level store is this run's.
  setModelStore(input.models ? new FileModelStore(input.models.dir, input.models.owner) : null);
  const engine = await DuckDBNodeEngine.create({ threads: input.threads, memoryLimit: input.memoryLimit });
  try {
    const files = new NodeFileAccess({
      baseDir: input.baseDir,
      engine,
      resolveDataset: async (id) => {
        const found = input.datasets[id];
        if (!found) throw new Error(`dataset ${id} is not available to this run`);
        return found;
      },
    });
    const runtime = new PipelineRuntime(engine, files, { sandbox: createNodeSandbox() });
    const isSource = (id: string) => pipeline.nodes.get(id)?.node.type.startsWith('source.') ?? false;
    const isOutput = (id: string) => pipeline.nodes.get(id)?.node.type.startsWith('output.') ?? false;
    const log = new Map<string, NodeLog>();
    const record = (result: Awaited<ReturnType<PipelineRuntime['run']>>) => {
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
    if (input.artifactsDir) {
      await engine.query(`SET allowed_directories = [${stringLiteral(`${input.artifactsDir}/`)}]`);
    }
    await engine.query('SET enable_external_access = false');
    await engine.query('SET lock_configuration = true');
    let artifacts: ArtifactFile[] = [];
    if (first.ok) {
      const targets = new Set<string>();
      for (const id of defaultTargets(pipeline)) {
        if (!isOutput(id)) targets.add(id);
        else
          for (const refs of Object.values(pipeline.nodes.get(id)?.inputs ?? {}))
            for (const r of refs) targets.add(refNode(r));
      }
      for (const id of pipeline.order) if (isChart(pipeline, id)) targets.add(id); // drawn as SVG below
      const second = record(await runtime.run(pipeline, { targets: [...targets].filter((t) => !isSource(t)), signal }));
      const relations = new Map([...first.relations, ...second.relations]);
      const schemas = new Map(
        [...first.nodes, ...second.nodes].flatMap((n) => (n.schema ? [[n.nodeId, n.schema]] : [])),
      );
      if (input.artifactsDir) {
        artifacts = await writeArtifacts(engine, pipeline, relations, input.artifactsDir);
        artifacts.push(...(await writeChartArtifacts(engine, pipeline, relations, schemas, input.artifactsDir)));
      }
    }
    const entries = [...log.values()];
    const failed = entries.find((n) => n.state === 'error');
    if (failed) {
      const error = `node "${failed.nodeId}": ${failed.error}`;
      return { ok: false, log: entries, error, errorNodeId: failed.nodeId, artifacts };
    }
    return { ok: true, log: entries, artifacts };
  } finally {
    await engine.close();
  }
}
