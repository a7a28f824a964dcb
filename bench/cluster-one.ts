/**
 * Child process of the cluster benchmark: runs `findClusters` with one method over the generated company-name
 * column and prints `{ ms, distinct, clusters, clusteredValues, peakRssMb }` as JSON. A fresh process per
 * method, so the peak RSS is that method's.
 * Usage: tsx bench/cluster-one.ts <method> <names.parquet>
 */

import { type ClusterMethod, findClusters } from '../nodes/prep/cluster/find-clusters.ts';
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { stringLiteral } from '../runtime/sql/quote.ts';

const [method, file] = process.argv.slice(2) as [ClusterMethod, string];
const engine = await DuckDBNodeEngine.create();
const relation = `(SELECT name FROM read_parquet(${stringLiteral(file)}))`;
const distinct = Number((await engine.query(`SELECT count(DISTINCT name) AS n FROM ${relation}`)).rows[0]?.n ?? 0);
const t0 = performance.now();
const clusters = await findClusters(engine, relation, 'name', { method, maxDistance: 1 });
const ms = performance.now() - t0;
await engine.close();
const clusteredValues = clusters.reduce((a, c) => a + c.size, 0);
console.log(
  JSON.stringify({
    ms,
    distinct,
    clusters: clusters.length,
    clusteredValues,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
