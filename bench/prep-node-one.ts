/**
 * Child process of the per-node benchmark: runs one prep node over generated declarations and prints
 * `{ ms, rows, peakRssMb }` as JSON. A fresh process per node, so the peak RSS is that node's.
 * Usage: tsx bench/prep-node-one.ts <case index> <declarations.parquet> <companies.parquet>
 */
import { registry } from '../nodes/index.ts';
import { validatePipeline } from '../runtime/document/validate.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { PipelineRuntime } from '../runtime/execute/runtime.ts';
import { NodeFileAccess } from '../runtime/sources/node-file-access.ts';
import { NODE_CASES } from './prep-node-cases.ts';

const [index, declarations, companies] = process.argv.slice(2);
const c = NODE_CASES[Number(index)]!;
const nodes: { id: string; type: string; params: unknown }[] = [
  { id: 'decl', type: 'source.file', params: { path: declarations, format: 'parquet' } },
  { id: 'companies', type: 'source.file', params: { path: companies, format: 'parquet' } },
];
const edges: { source: string; target: string; targetPort?: string }[] = [];
let last = 'decl';
(c.before ?? []).forEach((b, i) => {
  nodes.push({ id: `before_${i}`, ...b });
  edges.push({ source: last, target: `before_${i}` });
  last = `before_${i}`;
});
nodes.push({ id: 'node', type: c.type, params: c.params });
edges.push({ source: last, target: 'node', ...(c.companiesOn ? { targetPort: 'left' } : {}) });
if (c.companiesOn) edges.push({ source: 'companies', target: 'node', targetPort: c.companiesOn });

const v = validatePipeline({ format: 'customs-studio/pipeline', version: 1, name: c.type, nodes, edges }, registry);
if (!v.ok) throw new Error(JSON.stringify(v.issues));
const engine = await DuckDBNodeEngine.create();
const runtime = new PipelineRuntime(engine, new NodeFileAccess({ baseDir: process.cwd(), engine }));
const t0 = performance.now();
const result = await runtime.run(v.pipeline, { targets: ['node'] });
const ms = performance.now() - t0;
const status = result.nodes.find((n) => n.nodeId === 'node')!;
if (status.state !== 'done') throw new Error(`${c.type}: ${status.error?.message ?? status.reason}`);
await engine.close();
console.log(JSON.stringify({ ms, rows: status.rows, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
