/**
 * Inside the run's worker: stores the results the run is kept for as Parquet in the run's artifact
 * folder, with DuckDB's own `COPY (…) TO … (FORMAT parquet)` straight from each node's query. Kept: what each
 * `output.file` node receives, and each final node (nobody reads from it).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { type ResolvedPipeline, refNode } from '../../runtime/document/validate.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { defaultTargets } from '../../runtime/plan/plan-run.ts';
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

/**
 * Artifact → the node whose rows it stores: what each `output.file` node receives, and each final node (nobody
 * reads from it) that is not an output, in that order.
 */
export function artifactNodes(pipeline: ResolvedPipeline): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of pipeline.order) {
    const rn = pipeline.nodes.get(id)!;
    if (rn.def.kind !== 'sink') continue;
    const first = Object.values(rn.inputs).flat()[0];
    if (first) out.set(id, refNode(first));
  }
  for (const id of defaultTargets(pipeline)) {
    if (pipeline.nodes.get(id)!.def.kind !== 'sink') out.set(id, id);
  }
  return out;
}

/**
 * Writers for `RunOptions.writes`: each node an artifact stores is written as Parquet into `runDir` straight from
 * its query (`COPY (…) TO`), never stored as a table first. `runDir` is `<root>/<runId>`; the engine must be
 * allowed to write there (`allowed_directories`). `written()` lists the files in `artifactNodes` order.
 */
export function artifactWriters(engine: Engine, pipeline: ResolvedPipeline, runDir: string) {
  const artifacts = artifactNodes(pipeline);
  const done = new Map<string, ArtifactFile>();
  const names = new Map<string, string>();
  for (const artifact of artifacts.keys()) {
    let name = artifactFileName(artifact, 'parquet');
    // two ids may clean to one name ("a b", "a_b"): number the later one
    for (let i = 2; [...names.values()].includes(name); i++) name = artifactFileName(`${artifact}-${i}`, 'parquet');
    names.set(artifact, name);
  }
  const writes: Record<string, (query: string, schema: Schema) => Promise<number>> = {};
  for (const nodeId of new Set(artifacts.values())) {
    writes[nodeId] = async (query, schema) => {
      let rows = 0;
      for (const [artifact, from] of artifacts) {
        if (from !== nodeId) continue;
        const full = path.join(runDir, names.get(artifact)!);
        const copied = await engine.query(`COPY (${query}) TO ${stringLiteral(full)} (FORMAT parquet)`);
        rows = Number(copied.rows[0]?.Count ?? 0);
        done.set(artifact, {
          nodeId: artifact,
          nodeType: pipeline.nodes.get(artifact)!.node.type,
          format: 'parquet',
          file: `${path.basename(runDir)}/${names.get(artifact)}`,
          rows,
          bytes: statSync(full).size,
          schema,
        });
      }
      return rows;
    };
  }
  const written = () => [...artifacts.keys()].flatMap((a) => (done.has(a) ? [done.get(a)!] : []));
  return { writes, written };
}
