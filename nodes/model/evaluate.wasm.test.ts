import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { createWasmEngineForNode } from '../../runtime/engine/duckdb-wasm-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';
import { applyNode } from '../prep/prep-test-kit.ts';

/** The SQL model nodes give the same rows on DuckDB native (1.5) and DuckDB-WASM (1.4). */
let native: Engine;
let wasm: Engine;
beforeAll(async () => {
  native = await DuckDBNodeEngine.create();
  wasm = await createWasmEngineForNode();
});
afterAll(async () => {
  await native.close();
  await wasm.close();
});

const SCORED = values(
  ['score:DOUBLE', 'y:INTEGER', 'rev:DOUBLE', 'day:DATE', 'hs', 'value:DOUBLE', 'qty:DOUBLE', 'rate:DOUBLE'],
  [
    [0.9, 1, 100, '2024-02-01', '1111', 1000, 10, 8],
    [0.8, 1, 50, '2024-02-02', '1111', 1100, 10, 8],
    [0.8, 0, 0, '2024-02-03', '1111', 900, 10, 8],
    [0.4, 0, 0, '2024-02-04', '1111', 1050, 10, 8],
    [0.3, 1, 50, '2024-02-05', '1111', 950, 10, 8],
    [0.2, 0, 0, '2024-03-01', '1111', 200, 10, 8],
    [0.1, 0, 0, '2023-12-01', '2222', 500, 1, 0],
  ],
);

async function both(run: (e: Engine) => Promise<unknown>) {
  const [a, b] = [await run(native), await run(wasm)];
  expect(b).toEqual(a);
  return a;
}

describe('model SQL nodes on both engines', () => {
  it.each(['out', 'roc', 'pr', 'confusion'])('model.evaluate port %s', async (port) => {
    const params = { score: 'score', label: 'y', revenue: 'rev', time: 'day', cutoff: '2024-01-01', ks: [10, 50] };
    const rows = (await both((e) => applyNode(e, 'model.evaluate', params, { table: SCORED, port }))) as unknown[];
    expect(rows.length).toBeGreaterThan(0);
  });

  it('model.price_band', async () => {
    const params = { value: 'value', quantity: 'qty', groupBy: ['hs'], taxRate: 'rate', minComparables: 5 };
    const rows = (await both((e) => applyNode(e, 'model.price_band', params, { table: SCORED }))) as {
      under_valued: boolean;
    }[];
    expect(rows.filter((r) => r.under_valued).length).toBe(1);
  });

  it('model.trade_finance', async () => {
    const fx = values(
      ['payer', 'day:DATE', 'amount:DOUBLE'],
      [
        ['A', '2024-01-05', 3000],
        ['A', '2024-09-05', 9500],
        ['B', '2024-02-01', 100],
      ],
    );
    const decl = values(
      ['imp', 'day:DATE', 'value:DOUBLE'],
      [
        ['A', '2024-01-10', 1000],
        ['B', '2024-01-15', 2000],
      ],
    );
    const p = resolve(
      doc(
        [
          { id: 'd', type: 'test.values', params: decl },
          { id: 'f', type: 'test.values', params: fx },
          {
            id: 'n',
            type: 'model.trade_finance',
            params: {
              importer: 'imp',
              declDate: 'day',
              value: 'value',
              payer: 'payer',
              txDate: 'day',
              amount: 'amount',
            },
          },
        ],
        [
          { source: 'd', target: 'n', targetPort: 'declarations' },
          { source: 'f', target: 'n', targetPort: 'fx' },
        ],
      ),
      nodeDefinitions,
    );
    const rows = (await both(
      async (e) => (await runtimeFor(e, nodeDefinitions).preview(p, 'n', { limit: 10 })).rows,
    )) as unknown[];
    expect(rows.length).toBe(3);
  });
});
