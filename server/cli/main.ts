import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { registry } from '../../nodes/index.ts';
import { outputFile } from '../../nodes/output/file.ts';
import { type ResolvedPipeline, validatePipeline } from '../../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { createRunSession } from '../../runtime/execute/run-session.ts';
import { FileModelStore } from '../../runtime/ml/file-model-store.ts';
import { FileTrainingCache, trainingCacheDir } from '../../runtime/ml/file-training-cache.ts';
import { defaultTargets } from '../../runtime/plan/plan-run.ts';
import { createNodeSandbox } from '../../runtime/sandbox/node-sandbox.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { readConfigOrExit } from '../config.ts';
import { type CliArgs, formatOf, parseCli, USAGE, UsageError } from './args.ts';
import { bilingual, issueLine, jsonSummary, nodeLine, type OutputWritten } from './report.ts';

/** Where the officer typed the command: `npm run` moves to the project folder and keeps it in INIT_CWD. */
const callerDir = process.env.INIT_CWD ?? process.cwd();

async function readDoc(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.resolve(callerDir, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

type DocNode = { id: string; type: string; params?: Record<string, unknown> };

/**
 * Relative paths a source reads are read from the pipeline's folder, else from the project folder, so both a
 * pipeline beside its data and a shipped template naming `templates/data/…` work from anywhere. Done on the
 * params as they run (`{{parameters}}` filled in), through each source's own `resolvePaths`.
 */
function anchorSourcePaths(pipeline: ResolvedPipeline, pipelineDir: string): void {
  const anchor = (p: string) => {
    if (path.isAbsolute(p)) return p;
    const beside = path.resolve(pipelineDir, p);
    const inProject = path.resolve(process.cwd(), p);
    return existsSync(beside) || !existsSync(inProject) ? beside : inProject;
  };
  for (const rn of pipeline.nodes.values()) {
    if (rn.def.kind === 'source' && rn.def.resolvePaths) rn.params = rn.def.resolvePaths(rn.params, anchor);
  }
}

/**
 * `--input NODE=FILE`: point a source that reads files at another file (format from its extension), through
 * the source's own `readFrom`; any other node is a usage error.
 */
function applyInputs(doc: unknown, inputs: Record<string, string>): void {
  const nodes = (doc as { nodes?: DocNode[] }).nodes ?? [];
  for (const [id, file] of Object.entries(inputs)) {
    const node = nodes.find((n) => n.id === id);
    if (!node) throw new UsageError(`--input ${id}: no node "${id}" in this pipeline`);
    const def = registry.get(node.type);
    if (def?.kind !== 'source' || !def.readFrom)
      throw new UsageError(`--input ${id}: "${id}" is a ${node.type}, which reads no file`);
    node.params = def.readFrom(node.params ?? {}, { path: path.resolve(callerDir, file), format: formatOf(file) });
  }
}

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCli(argv);
  } catch (e) {
    console.error(`error: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const doc = await readDoc(args.pipeline);
  const pipelineDir = path.dirname(path.resolve(callerDir, args.pipeline));
  applyInputs(doc, args.inputs);
  const validation = validatePipeline(doc, registry, {
    parameters: args.params,
    allowMissingParameters: args.command === 'validate',
  });
  if (!validation.ok) {
    if (args.json)
      console.log(JSON.stringify(jsonSummary(args.pipeline, undefined, new Map(), [], validation.issues), null, 2));
    else for (const issue of validation.issues) console.error(issueLine(issue));
    return 2;
  }
  const pipeline = validation.pipeline;
  anchorSourcePaths(pipeline, pipelineDir);
  for (const id of Object.keys(args.outs)) {
    const node = pipeline.nodes.get(id);
    if (!node) throw new UsageError(`--out ${id}: no node "${id}" in this pipeline`);
    if (node.def.outputs.length === 0) throw new UsageError(`--out ${id}: "${id}" has no output to write`);
    if (!formatOf(args.outs[id]!)) throw new UsageError(`--out ${id}: write .csv, .parquet, .json or .xlsx`);
  }
  if (args.command === 'validate') {
    if (args.json) console.log(JSON.stringify(jsonSummary(args.pipeline, undefined, new Map(), []), null, 2));
    else console.log(`valid: ${pipeline.doc.name} (${pipeline.order.length} nodes)`);
    return 0;
  }
  return run(args, pipeline, pipelineDir);
}

async function run(args: CliArgs, pipeline: ResolvedPipeline, pipelineDir: string): Promise<number> {
  const engine = await DuckDBNodeEngine.create();
  // Models registered from the command line land in the same registry the server reads.
  const models = new FileModelStore(readConfigOrExit().uploads.modelsDir, process.env.USER ?? 'cli');
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const runtime = createRunSession({
      engine,
      files: new NodeFileAccess({ baseDir: pipelineDir, engine }),
      sandbox: createNodeSandbox(),
      models,
      // trainings are kept beside the registry: re-running over the same rows and settings does not train again
      trainings: new FileTrainingCache(trainingCacheDir(readConfigOrExit().uploads.modelsDir)),
    });
    const callerFiles = new NodeFileAccess({ baseDir: callerDir, engine });
    const types = new Map([...pipeline.nodes].map(([id, n]) => [id, n.node.type]));
    const outputs: OutputWritten[] = [];
    // `--out` files are written straight from each node's query (COPY … TO), not stored as a table first
    const writes = Object.fromEntries(
      Object.entries(args.outs).map(([id, file]) => [
        id,
        async (query: string, schema: Schema) => {
          const written = await outputFile.write({
            nodeId: id,
            params: { path: file, format: formatOf(file)! },
            engine,
            files: callerFiles,
            input: `(${query})`,
            schema,
            signal: controller.signal,
          });
          outputs.push({ nodeId: id, path: path.resolve(callerDir, file), rows: written.rows });
          if (!args.json) console.log(`→ ${id} written to ${file} (${written.rows} rows)`);
          return written.rows;
        },
      ]),
    );
    const result = await runtime.run(pipeline, {
      targets: defaultTargets(pipeline).filter((id) => !(id in writes)),
      writes,
      signal: controller.signal,
      onEvent: (e) => {
        if (!args.json && e.type === 'node-end') console.log(nodeLine(e.status, types.get(e.status.nodeId) ?? ''));
      },
    });
    if (args.json) console.log(JSON.stringify(jsonSummary(args.pipeline, result, types, outputs), null, 2));
    const failed = result.nodes.find((n) => n.state === 'error');
    if (failed) {
      console.error(`error: node "${failed.nodeId}": ${bilingual(failed.error?.message ?? '', failed.error?.msg)}`);
      return 1;
    }
    if (result.cancelled) {
      console.error('cancelled');
      return 1;
    }
    if (!args.json) console.log(`done in ${Math.round(result.ms)} ms`);
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
    await engine.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`error: ${(e as Error).message}${e instanceof UsageError ? `\n\n${USAGE}` : ''}`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  },
);
