/**
 * Inside the run's worker: stores the results the run is kept for as Parquet in the run's artifact
 * folder, with DuckDB's own `COPY … TO … (FORMAT parquet)`. Kept: what each `output.file` node
 * receives, and each final node (nobody reads from it) that has a table.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { type ResolvedPipeline, refNode } from '../../runtime/document/validate.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { defaultTargets } from '../../runtime/execute/runtime.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { stringLiteral } from '../../runtime/sql/quote.ts';

export interface ArtifactFile {
  nodeId: string;
  nodeType: string;
  format: 'parquet' | 'svg';
  /** Relative to the artifacts root: `<runId>/<nodeId>.parquet`. */
  file: string;
  rows: number | null;
  bytes: number;
  schema: Schema;
}

/** Node ids are free text in documents; the file name keeps only safe characters. */
export const artifactFileName = (nodeId: string, ext: string) => `${nodeId.replace(/[^\w.-]/g, '_')}.${ext}`;

/** Node → the relation holding what it stores (its own result, or the input of an output node). */
export function artifactSources(pipeline: ResolvedPipeline, relations: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const keep = (nodeId: string, from: string) => {
    const relation = relations.get(from);
    if (relation) out.set(nodeId, relation);
  };
  for (const id of pipeline.order) {
    const rn = pipeline.nodes.get(id)!;
    if (rn.node.type !== 'output.file') continue;
    const first = Object.values(rn.inputs).flat()[0];
    if (first) keep(id, refNode(first));
  }
  for (const id of defaultTargets(pipeline)) {
    if (!pipeline.nodes.get(id)!.node.type.startsWith('output.')) keep(id, id);
  }
  return out;
}

/** `runDir` is `<root>/<runId>`; the engine must be allowed to write there (`allowed_directories`). */
export async function writeArtifacts(
  engine: Engine,
  pipeline: ResolvedPipeline,
  relations: Map<string, string>,
  runDir: string,
): Promise<ArtifactFile[]> {
  const written: ArtifactFile[] = [];
  const used = new Set<string>();
  for (const [nodeId, relation] of artifactSources(pipeline, relations)) {
    let name = artifactFileName(nodeId, 'parquet');
    // two ids may clean to one name ("a b", "a_b"): number the later one
    for (let i = 2; used.has(name); i++) name = artifactFileName(`${nodeId}-${i}`, 'parquet');
    used.add(name);
    const full = path.join(runDir, name);
    await engine.exec(`COPY (SELECT * FROM ${relation}) TO ${stringLiteral(full)} (FORMAT parquet)`);
    const counted = await engine.query(`SELECT count(*)::BIGINT AS n FROM ${relation}`);
    written.push({
      nodeId,
      nodeType: pipeline.nodes.get(nodeId)!.node.type,
      format: 'parquet',
      file: `${path.basename(runDir)}/${name}`,
      rows: Number(counted.rows[0]?.n ?? 0),
      bytes: statSync(full).size,
      schema: await engine.describe(`SELECT * FROM ${relation}`),
    });
  }
  return written;
}
