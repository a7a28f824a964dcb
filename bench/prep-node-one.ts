/**
 * Child process of the per-node benchmarks: runs one prep node over generated declarations and prints
 * `{ ms, rows, peakRssMb }` as JSON. A fresh process per node, so the peak RSS is that node's.
 * With `--digest` it then also prints the result's digest (`bench/digest.ts`), taken after time and memory,
 * when `limit-cases.ts` has a hand-written query to compare it with.
 * Usage: tsx bench/prep-node-one.ts <case label or index> <declarations.parquet> <companies.parquet> [--digest]
 */
import { registry } from '../nodes/index.ts';
import { validatePipeline } from '../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { PipelineRuntime } from '../runtime/execute/runtime.ts';
import { NodeFileAccess } from '../runtime/sources/node-file-access.ts';
import { digestSql } from './digest.ts';
import { findCase, HAND } from './limit-cases.ts';

const [key, declarations, companies, digestFlag] = process.argv.slice(2);
const { c, label } = findCase(key!);
const nodes: { id: string; type: string; params: unknown }[] = [
  { id: 'decl', type: 'source.file', params: { path: declarations, format: 'parquet' } },
  { id: 'companies', type: 'source.file', params: { path: companies, format: 'parquet' } },
];
const edges: { source: string; target: string; targetPort?: string; sourcePort?: string }[] = [];
let last = 'decl';
(c.before ?? []).forEach((b, i) => {
  nodes.push({ id: `before_${i}`, ...b });
  edges.push({ source: last, target: `before_${i}` });
  last = `before_${i}`;
});
nodes.push({ id: 'node', type: c.type, params: c.params });
edges.push({ source: last, target: 'node', ...(c.companiesOn ? { targetPort: c.mainPort ?? 'left' } : {}) });
if (c.companiesOn) edges.push({ source: 'companies', target: 'node', targetPort: c.companiesOn });

const doc = { format: 'customs-studio/pipeline', version: 1, name: c.type, nodes, edges };
const v = validatePipeline(doc, registry);
if (!v.ok) throw new Error(JSON.stringify(v.issues));
const engine = await DuckDBNodeEngine.create();
const runtime = new PipelineRuntime(engine, new NodeFileAccess({ baseDir: process.cwd(), engine }));
const t0 = performance.now();
const result = await runtime.run(v.pipeline, { targets: ['node'] });
const ms = performance.now() - t0;
const status = result.nodes.find((n) => n.nodeId === 'node')!;
if (status.state !== 'done') throw new Error(`${c.type}: ${status.error?.message ?? status.reason}`);
const peakRssMb = process.resourceUsage().maxRSS / 1024;

let digest: unknown;
if (digestFlag === '--digest' && HAND[label]) {
  // A SQL node reading the result (a cache hit by now) computes the digest; a node with a report port is
  // read on its `out` port, without its internal columns.
  const ported = registry.get(c.type)?.outputs.some((o) => o.name === 'report') ?? false;
  const schema = (status.schema ?? []).filter((col) => !ported || !col.name.startsWith('__'));
  const probe = validatePipeline(
    {
      ...doc,
      nodes: [...nodes, { id: 'digest', type: 'sql', params: { query: digestSql('input', schema) } }],
      edges: [...edges, { source: 'node', target: 'digest', ...(ported ? { sourcePort: 'out' } : {}) }],
    },
    registry,
  );
  if (!probe.ok) throw new Error(JSON.stringify(probe.issues));
  digest = (await runtime.preview(probe.pipeline, 'digest', { limit: 1 })).rows[0];
}
await engine.close();
console.log(JSON.stringify({ label, ms, rows: status.rows, peakRssMb, digest }));
