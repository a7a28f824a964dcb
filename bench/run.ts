/**
 * npm run bench -- [--suite NAME,…] [--rows 1000000,10000000] [--runs 5] [--no-arquero] [--node prep.unpivot,prep.window]
 * Suites (default runtime,nodes): nodes, limit, runtime, cluster, api, models, objectives, runner, studio, charts,
 *   graph, studio-network, text, hs-code, recommend, datamap, home, port-calls, xray, co — one line each below.
 * Each suite writes its figures into its own section of bench/RESULTS.md; `--node` re-runs only those prep
 * nodes and prints their rows without rewriting the section (which holds every node).
 */
import { parseArgs } from 'node:util';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { benchClusters, type ClusterBenchRow } from './cluster-bench.ts';
import { companyBases } from './cluster-data.ts';
import { benchPrepNodes, type NodeBenchRow } from './prep-nodes.ts';
import { machine, writeSection } from './results-file.ts';
import { benchRuntime, type RuntimeBenchRow } from './runtime-bench.ts';
import { ms } from './stats.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000,10000000' },
    runs: { type: 'string', default: '5' },
    'no-arquero': { type: 'boolean', default: false },
    suite: { type: 'string', default: 'runtime,nodes' },
    node: { type: 'string' },
  },
});
const suites = new Set(values.suite.split(','));
const sizes = values.rows.split(',').map((s) => Number(s.replaceAll('_', '')));
const runs = Number(values.runs);

const engine = await DuckDBNodeEngine.create();
const duckdb = await engine.version();
await engine.close();

if (suites.has('nodes') && values.node) printNodes(await benchPrepNodes(sizes, values.node.split(',')));
else if (suites.has('nodes')) await writeNodes(await benchPrepNodes(sizes), duckdb);
if (suites.has('limit')) await writeLimit();
if (suites.has('runtime')) await writeRuntime(sizes, duckdb);
if (suites.has('cluster')) await writeClusters(await benchClusters(), duckdb);
if (suites.has('api')) await writeApi();
if (suites.has('models')) await (await import('./model-bench.ts')).runModelSuite();
if (suites.has('objectives')) await (await import('./objective-frontier.ts')).runFrontierSuite(); // issue 15
if (suites.has('runner')) await (await import('./runner-bench.ts')).runRunnerSuite(machine(duckdb)); // PostgreSQL
if (suites.has('studio')) await (await import('./studio-bench.ts')).runStudioSuite(machine(duckdb)); // chromium
if (suites.has('charts')) await (await import('./chart-bench.ts')).runChartSuite(machine(duckdb));
if (suites.has('graph')) await (await import('./graph-bench.ts')).runGraphSuite(machine(duckdb)); // BigFINDER rings (issue 16)
if (suites.has('studio-network')) await (await import('./network-bench.ts')).runNetworkSuite(machine(duckdb)); // chromium, issue 16
if (suites.has('text')) await (await import('./text-bench.ts')).runTextSuite(machine(duckdb)); // issue 17
if (suites.has('hs-code')) await (await import('./hs-code-bench.ts')).runHsCodeSuite(machine(duckdb)); // issue 17
if (suites.has('recommend')) await (await import('./recommend-bench.ts')).runRecommendSuite(machine(duckdb));
if (suites.has('datamap')) await (await import('./datamap-bench.ts')).runDataMapSuite(machine(duckdb)); // issue 18
if (suites.has('home')) await (await import('./home-bench.ts')).runHomeSuite(machine(duckdb)); // issue 19
if (suites.has('port-calls')) await (await import('./port-calls-bench.ts')).runPortCallsSuite(machine(duckdb)); // issue 16
if (suites.has('co')) await (await import('./co-bench.ts')).runCoSuite(machine(duckdb)); // issue 18
if (suites.has('xray')) await (await import('./xray-bench.ts')).runXraySuite(machine(duckdb)); // issue 18

/**
 * `--suite limit`: each node against hand-written SQL. Every row is kept in bench/limit-rows.json (committed) as
 * it is measured and the section is redrawn from that file alone, so `--node` re-runs a few cases in place.
 */
async function writeLimit() {
  const { benchLimit, keepRow, writeLimitSection } = await import('./limit.ts');
  const command = `npm run bench -- --suite limit --rows ${values.rows}${values.node ? ` --node "${values.node}"` : ''}`;
  await benchLimit(sizes, values.node?.split(','), async (row) => {
    await keepRow(row);
    await writeLimitSection(command, machine(duckdb));
  });
  console.log(await writeLimitSection(command, machine(duckdb)));
}

function printNodes(rows: NodeBenchRow[]) {
  for (const r of rows) {
    console.log(
      `| \`${r.type}\` @ ${r.rows.toLocaleString('en-US')} | ${ms(r.ms)} · ${Math.round(r.peakRssMb).toLocaleString('en-US')} MB | ${r.outRows.toLocaleString('en-US')} rows out |`,
    );
  }
}

async function writeNodes(rows: NodeBenchRow[], duckdb: string) {
  const types = [...new Set(rows.map((r) => r.type))];
  const cell = (type: string, size: number) => {
    const r = rows.find((x) => x.type === type && x.rows === size);
    return r ? `${ms(r.ms)} · ${Math.round(r.peakRssMb).toLocaleString('en-US')} MB` : '—';
  };
  const body = `## Each prep node alone (issue 4)

Command: \`npm run bench -- --suite nodes --rows ${values.rows}\` · ${new Date().toISOString().slice(0, 10)} · ${machine(duckdb)}

One fresh process per node and size: generated declarations (Parquet view) → the node (\`bench/prep-node-cases.ts\` holds
each configuration) → result written as a table. Time is the runtime's run (plan + fused query + CREATE TABLE); memory
is the process's peak RSS (Node + DuckDB; an idle process with DuckDB loaded is about 150 MB).

| node | ${sizes.map((s) => `${s.toLocaleString('en-US')} rows: time · peak RSS`).join(' | ')} |
|---|${sizes.map(() => '---:').join('|')}|
${types.map((t) => `| \`${t}\` | ${sizes.map((s) => cell(t, s)).join(' | ')} |`).join('\n')}`;
  await writeSection('prep-nodes', body);
  console.log(body);
}

async function writeRuntime(sizes: number[], duckdb: string) {
  const results: RuntimeBenchRow[] = [];
  for (const rows of sizes) results.push(await benchRuntime(rows, runs, !values['no-arquero']));

  const n = (x: number) => x.toLocaleString('en-US');
  const table = [
    '| declarations | runtime (8 nodes, cold cache) | one hand-written SQL | runtime / hand SQL | re-run after editing the last node | share of full run | Arquero (JS) | Arquero load |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${n(r.rows)} | ${ms(r.runtime)} | ${ms(r.hand)} | **${r.ratio.toFixed(3)}** | ${ms(r.editLast)} | ${(r.editShare * 100).toFixed(1)} % | ${r.arquero === null ? '—' : ms(r.arquero)} | ${r.arqueroLoad === null ? '—' : ms(r.arqueroLoad)} |`,
    ),
  ];
  const body = `## Runtime vs hand-written SQL vs Arquero (issue 2)

Command: \`npm run bench -- --suite runtime --rows ${values.rows} --runs ${runs}\` · ${new Date().toISOString().slice(0, 10)} · ${machine(duckdb)}

Pipeline (\`bench/prep-pipeline.ts\`): declarations (Parquet) → filter (date, value) → derive unit value → cast → left join
companies → aggregate by region × origin (count, sum, avg, count distinct, fraud rate) → sort + limit 100; 8 nodes.
Medians of ${runs} interleaved runs after one warm-up. "Runtime" starts from an empty cache each run (sources
opened, fused query planned and run, results kept as tables); "hand SQL" is the same logic as one \`CREATE TABLE … AS
SELECT\` in the same DuckDB process; both results are checked equal. "Re-run after editing the last node" changes
the sort's limit on a warm runtime: the aggregate is a cache hit, only the sort runs. Arquero runs the same logic
in JS on columns already loaded (load time shown apart).

${table.join('\n')}

Targets: ratio ≤ 1.10 at 10M rows; edit-last re-run ≤ 5 % of the full run.`;
  await writeSection('runtime', body);
  console.log(body);
}

async function writeClusters(rows: ClusterBenchRow[], duckdb: string) {
  const n = (x: number) => x.toLocaleString('en-US');
  const body = `## Cluster and edit on a 1M-row company-name column (issue 4)

Command: \`npm run bench -- --suite cluster\` · ${new Date().toISOString().slice(0, 10)} · ${machine(duckdb)}

Column (\`bench/cluster-data.ts\`, seed 42): ${n(rows[0]?.rows ?? 0)} rows drawn (skewed) from ${n(companyBases(20_000, 42).length)} distinct generator
company names (\`name_ko\` with the legal form taken off) written with legal-form variants (\`(주)\`, \`㈜\`, \`주식회사\` before or after, \`( 주 )\`), a
space inside 10 % of the time and a one-jamo or dropped-syllable typo 3 % of the time; ${n(rows[0]?.distinct ?? 0)} distinct
values. One fresh process per method: \`findClusters\` (DuckDB GROUP BY of the distinct values, then keys or
edit distance in JS). Memory is the process's peak RSS.

| method | time | peak RSS | clusters | values in clusters |
|---|---:|---:|---:|---:|
${rows.map((r) => `| \`${r.method}\`${r.method === 'edit_distance' ? ' (distance 1)' : ''} | ${ms(r.ms)} | ${n(Math.round(r.peakRssMb))} MB | ${n(r.clusters)} | ${n(r.clusteredValues)} |`).join('\n')}`;
  await writeSection('cluster', body);
  console.log(body);
}

async function writeApi() {
  const { API_DEFAULTS, apiSection, benchApi } = await import('./api-load.ts'); // the server's modules: only for this suite
  const body = apiSection(await benchApi(API_DEFAULTS), API_DEFAULTS, machine(duckdb));
  await writeSection('api', body);
  console.log(body);
}
