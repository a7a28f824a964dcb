import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { createWasmEngineForNode } from '../../runtime/engine/duckdb-wasm-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { unpivot } from './unpivot.ts';
import { windowCalc } from './window.ts';

/**
 * Row order at a size where DuckDB scans in parallel (300,000 rows = 3 row groups of 122,880): unpivot relies
 * on insertion order being kept (no final sort), window restores it only when asked to.
 */
const ROWS = 300_000;
const SCHEMA = [
  { name: 'id', type: 'BIGINT' },
  { name: 'grp', type: 'BIGINT' },
  { name: 'a', type: 'BIGINT' },
  { name: 'b', type: 'BIGINT' },
];
const sqlOf = <P>(def: { toSql(ctx: never): string; params: { parse(x: unknown): P } }, params: unknown) =>
  def.toSql({
    nodeId: 'n',
    params: def.params.parse(params),
    schemas: { in: [SCHEMA] },
    inputs: { in: ['"src"'] },
    sources: { in: ['src'] },
  } as never);

/** Output rows out of insertion order: those whose `id` (then `name`) goes back compared with the row before. */
async function outOfOrder(engine: Engine, sql: string, tieBreak: string): Promise<number> {
  await engine.exec(`CREATE OR REPLACE TABLE "out" AS ${sql}`);
  const r = await engine.query(
    `SELECT count(*) FILTER (WHERE id < prev_id OR (id = prev_id AND ${tieBreak} <= prev_tie)) AS bad FROM (
       SELECT id, ${tieBreak}, lag(id) OVER (ORDER BY rowid) AS prev_id, lag(${tieBreak}) OVER (ORDER BY rowid) AS prev_tie FROM "out")`,
  );
  return Number(r.rows[0]!.bad);
}

describe.each([
  ['native', () => DuckDBNodeEngine.create()],
  ['wasm', () => createWasmEngineForNode()],
] as const)('row order on %s DuckDB', (_name, create) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    // b is NULL on every 3rd row, so dropNulls removes rows in the middle of the scan
    await engine.exec(
      `CREATE TABLE "src" AS SELECT range AS id, range % 7 AS grp, range * 2 AS a, CASE WHEN range % 3 = 0 THEN NULL ELSE range * 3 END AS b FROM range(${ROWS})`,
    );
  }, 60_000);
  afterAll(() => engine.close());

  it('unpivot gives one row per input row and column, in input order, without sorting', async () => {
    const sql = sqlOf(unpivot, { columns: ['a', 'b'] });
    expect(sql).not.toMatch(/ORDER BY/);
    // names 'a' < 'b' in each input row: strictly increasing (id, name)
    expect(await outOfOrder(engine, sql, 'name')).toBe(0);
    const n = await engine.query('SELECT count(*) AS n FROM "out"');
    expect(Number(n.rows[0]!.n)).toBe(2 * ROWS);
    const dropped = sqlOf(unpivot, { columns: ['a', 'b'], dropNulls: true });
    expect(await outOfOrder(engine, dropped, 'name')).toBe(0);
    // 100,000 ids (0, 3, …, 299,997) have b NULL: 600,000 − 100,000
    const kept = await engine.query('SELECT count(*) AS n FROM "out"');
    expect(Number(kept.rows[0]!.n)).toBe(2 * ROWS - 100_000);
  }, 60_000);

  it('window keeps input order by default, and skips the sort when keepOrder is off', async () => {
    const params = {
      partitionBy: ['grp'],
      orderBy: [{ column: 'a' }],
      calcs: [{ fn: 'cumsum', column: 'a', as: 's' }],
    };
    expect(await outOfOrder(engine, sqlOf(windowCalc, params), 'a')).toBe(0);
    const loose = sqlOf(windowCalc, { ...params, keepOrder: false });
    expect(loose).not.toMatch(/ORDER BY "__pos"$/);
    await engine.exec(`CREATE OR REPLACE TABLE "loose" AS ${loose}`);
    // the same rows either way: ordered output (still in "out") minus loose output is empty, and both have ROWS
    const diff = await engine.query(
      'SELECT (SELECT count(*) FROM (SELECT * FROM "out" EXCEPT ALL SELECT * FROM "loose")) AS missing, (SELECT count(*) FROM "loose") AS n',
    );
    expect(diff.rows[0]).toEqual({ missing: 0, n: ROWS });
    // a spot check by hand: group 0 holds ids 0, 7, 14 … so at id 14 the running sum of a = 2·(0 + 7 + 14) = 42
    const at14 = await engine.query('SELECT s FROM "loose" WHERE id = 14');
    expect(Number(at14.rows[0]!.s)).toBe(42);
  }, 60_000);
});
