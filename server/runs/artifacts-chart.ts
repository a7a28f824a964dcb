/**
 * Inside the run's worker: each `chart.vega` node's chart as SVG (`nodes/chart`'s own spec and
 * headless Vega renderer), from the small table the node computed. Vega loads only when a run has charts.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChartParams } from '../../nodes/chart/params.ts';
import { type ResolvedPipeline, refNode } from '../../runtime/document/validate.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { type ArtifactFile, artifactFileName } from './artifacts-write.ts';

export const isChart = (pipeline: ResolvedPipeline, id: string) => pipeline.nodes.get(id)?.node.type === 'chart.vega';

/** `schemas`: every node's output schema from the run (a chart's spec needs its input's column types). */
export async function writeChartArtifacts(
  engine: Engine,
  pipeline: ResolvedPipeline,
  relations: Map<string, string>,
  schemas: Map<string, Schema>,
  runDir: string,
): Promise<ArtifactFile[]> {
  const charts = pipeline.order.filter((id) => isChart(pipeline, id) && relations.has(id));
  if (charts.length === 0) return [];
  const [{ chartSpec }, { renderChartSvg }] = await Promise.all([
    import('../../nodes/chart/spec.ts'),
    import('../../nodes/chart/render-svg.ts'),
  ]);
  const written: ArtifactFile[] = [];
  for (const id of charts) {
    const rn = pipeline.nodes.get(id)!;
    const input = Object.values(rn.inputs).flat()[0];
    const inputSchema = input ? schemas.get(refNode(input)) : undefined;
    if (!inputSchema) continue;
    const table = await engine.query(`SELECT * FROM ${relations.get(id)}`);
    const svg = await renderChartSvg(chartSpec(rn.params as ChartParams, inputSchema, table.rows));
    const name = artifactFileName(id, 'svg');
    await writeFile(path.join(runDir, name), svg);
    written.push({
      nodeId: id,
      nodeType: rn.node.type,
      format: 'svg',
      file: `${path.basename(runDir)}/${name}`,
      rows: table.rows.length,
      bytes: Buffer.byteLength(svg),
      schema: table.columns,
    });
  }
  return written;
}
