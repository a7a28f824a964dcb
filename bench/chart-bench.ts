import { chartParams } from '../nodes/chart/params.ts';
import { chartPlan } from '../nodes/chart/plan.ts';
import { renderChartSvg } from '../nodes/chart/render-svg.ts';
import { chartSpec } from '../nodes/chart/spec.ts';
import { planSql } from '../nodes/chart/sql.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { ensureData } from './data.ts';
import { writeSection } from './results-file.ts';
import { median, ms } from './stats.ts';

const ROWS = 10_000_000;
const RUNS = 5;

const CHARTS: { name: string; params: Record<string, unknown> }[] = [
  { name: 'bar: sum of value by origin', params: { mark: 'bar', x: 'origin_country', y: 'declared_value_krw' } },
  { name: 'histogram of unit price (30 bins)', params: { mark: 'histogram', x: 'unit_price_usd', bins: 30 } },
  { name: 'box plot of mass by transport', params: { mark: 'boxplot', x: 'transport_mode', y: 'net_mass_kg' } },
  {
    name: 'map: value by origin',
    params: { mark: 'map_choropleth', country: 'origin_country', y: 'declared_value_krw' },
  },
];

interface Row {
  name: string;
  query: number;
  render: number;
  outRows: number;
  svgKb: number;
}

/**
 * A chart over 10M generated declarations (a DuckDB table, loaded once outside the timing): the chart node's
 * pushed-down SQL, then the Vega-Lite spec and the headless SVG render of its few result rows.
 */
export async function runChartSuite(machine: string): Promise<void> {
  const data = await ensureData(ROWS);
  const engine = await DuckDBNodeEngine.create();
  const results: Row[] = [];
  try {
    const cols = 'origin_country, transport_mode, declared_value_krw, unit_price_usd, net_mass_kg, declaration_date';
    await engine.exec(
      `CREATE TABLE decl AS SELECT ${cols} FROM read_parquet('${data.declarations.replaceAll("'", "''")}')`,
    );
    const schema = await engine.describe('SELECT * FROM decl');
    for (const c of CHARTS) {
      const params = chartParams.parse(c.params);
      const sql = planSql(chartPlan(params, schema), 'decl');
      const query: number[] = [];
      const render: number[] = [];
      let outRows = 0;
      let svg = '';
      for (let i = 0; i <= RUNS; i++) {
        const t0 = performance.now();
        const r = await engine.query(sql);
        const t1 = performance.now();
        svg = await renderChartSvg(chartSpec(params, schema, r.rows));
        const t2 = performance.now();
        outRows = r.rows.length;
        if (i === 0) continue; // warm-up
        query.push(t1 - t0);
        render.push(t2 - t1);
      }
      results.push({ name: c.name, query: median(query), render: median(render), outRows, svgKb: svg.length / 1024 });
      console.error(`[bench] ${c.name}: ${ms(median(query))} + ${ms(median(render))}`);
    }
  } finally {
    await engine.close();
  }
  const body = `## Charts over 10M rows, aggregation pushed down (issue 8)

Command: \`npm run bench -- --suite charts\` · ${new Date().toISOString().slice(0, 10)} · ${machine}

${ROWS.toLocaleString('en-US')} generated declarations (6 columns loaded into a DuckDB table once, not timed). Per chart, median
of ${RUNS} runs after a warm-up: the \`chart.vega\` node's SQL (GROUP BY / SQL bins / SQL quartiles) on native DuckDB, then
\`chartSpec\` + \`renderChartSvg\` (Vega headless, Node) over the rows it returns. The browser draws the same few rows.

| chart | aggregation in DuckDB | rows out | spec + SVG render | SVG size | total |
|---|---:|---:|---:|---:|---:|
${results
  .map(
    (r) =>
      `| ${r.name} | ${ms(r.query)} | ${r.outRows} | ${ms(r.render)} | ${Math.round(r.svgKb)} kB | ${ms(r.query + r.render)} |`,
  )
  .join('\n')}`;
  await writeSection('charts', body);
  console.log(body);
}
