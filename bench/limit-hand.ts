/**
 * Child process of `--suite limit`: runs one case's hand-written SQL (`limit-cases.ts`) as a `CREATE TABLE
 * … AS` over views of the generated Parquet files and prints `{ ms, rows, peakRssMb, digest }` (time and
 * memory taken before the digest).
 * Usage: tsx bench/limit-hand.ts <case label or index> <declarations.parquet> <companies.parquet>
 */
import { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';
import { stringLiteral } from '../runtime/sql/quote.ts';
import { digestSql } from './digest.ts';
import { findCase, HAND } from './limit-cases.ts';

const [key, declarations, companies] = process.argv.slice(2);
const { label } = findCase(key!);
const sql = HAND[label];
if (!sql) throw new Error(`no hand-written SQL for ${label}`);
const engine = await DuckDBNodeEngine.create();
await engine.exec(`CREATE VIEW d AS SELECT * FROM read_parquet(${stringLiteral(declarations!)})`);
await engine.exec(`CREATE VIEW c AS SELECT * FROM read_parquet(${stringLiteral(companies!)})`);
const t0 = performance.now();
await engine.exec(`CREATE TABLE hand AS ${sql}`);
const ms = performance.now() - t0;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const schema = (await engine.query('DESCRIBE hand')).rows.map((r) => ({
  name: String(r.column_name),
  type: String(r.column_type),
}));
const digest = (await engine.query(digestSql('hand', schema))).rows[0] as { n: number };
await engine.close();
console.log(JSON.stringify({ label, ms, rows: digest.n, peakRssMb, digest }));
