import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeDefinitions } from '../../nodes/index.ts';
import { DuckDBNodeEngine } from '../engine/duckdb-node.ts';
import type { Engine } from '../engine/engine.ts';
import { doc, resolve, runtimeFor, values } from '../testing/harness.ts';

let base: Engine;
beforeAll(async () => {
  base = await DuckDBNodeEngine.create();
});
afterAll(() => base.close());

/** Tables created through `engine`, by name (sources through createTable, fused queries through CREATE TABLE). */
function counting(engine: Engine) {
  const created: string[] = [];
  const wrapped: Engine = Object.create(engine);
  wrapped.exec = (sql, o) => {
    const m = /CREATE OR REPLACE TABLE "(\w+)"/.exec(sql);
    if (m) created.push(m[1]!);
    return engine.exec(sql, o);
  };
  wrapped.createTable = (...a) => {
    created.push(a[0]);
    return engine.createTable(...a);
  };
  return { engine: wrapped, created };
}

const pipeline = resolve(
  doc(
    [
      {
        id: 'decl',
        type: 'test.values',
        params: values(
          ['origin', 'value:DOUBLE'],
          [
            ['CN', 100],
            ['VN', 250],
            ['CN', 300],
            ['US', 50],
          ],
        ),
      },
      {
        id: 'by_origin',
        type: 'prep.aggregate',
        params: { groupBy: ['origin'], measures: [{ fn: 'sum', column: 'value', as: 'total' }] },
      },
    ],
    [['decl', 'by_origin']],
  ),
  nodeDefinitions,
);

describe('result cache', () => {
  it('two runs of the same target at once load and compute it once, and both get its rows', async () => {
    const { engine, created } = counting(base);
    const runtime = runtimeFor(engine, nodeDefinitions);
    const [a, b] = await Promise.all([runtime.run(pipeline), runtime.run(pipeline)]);
    expect(a.ok && b.ok).toBe(true);
    expect(created).toHaveLength(2); // the source's table and the aggregate's, once each
    expect(a.relations.get('by_origin')).toBe(b.relations.get('by_origin'));
    // one of the two did the work, the other waited for it
    expect([a, b].map((r) => r.nodes.find((n) => n.nodeId === 'by_origin')!.cached).sort()).toEqual([false, true]);
    const rows = await base.query(`SELECT * FROM ${a.relations.get('by_origin')} ORDER BY origin`);
    expect(rows.rows).toEqual([
      { origin: 'CN', total: 400 },
      { origin: 'US', total: 50 },
      { origin: 'VN', total: 250 },
    ]);
    await runtime.clear();
  });
});
