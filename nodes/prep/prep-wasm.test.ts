import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { createWasmEngineForNode } from '../../runtime/engine/duckdb-wasm-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { values } from '../../runtime/testing/harness.ts';
import { applyNode, type Table } from './prep-test-kit.ts';

/** The same node, params and data on DuckDB native (1.5) and DuckDB-WASM (1.4): the same rows. */
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

const RAW = values(
  ['decl_no', 'value_krw', 'declared_on', 'fta'],
  [
    ['D001', '1,200,000', '2024. 1. 5.', '예'],
    ['D002', '98만', '2024/02/30', 'N'],
    ['D003', '', '20240301', 'x'],
  ],
);

const CASES: {
  name: string;
  type: string;
  params: Record<string, unknown>;
  port?: string;
  table?: Table;
  expected?: unknown;
}[] = [
  {
    name: 'quantile bins with range labels',
    type: 'prep.bin',
    params: { column: 'value_krw', method: 'quantile', bins: 4, as: 'q' },
  },
  {
    name: 'robust scaling per group',
    type: 'prep.scale',
    params: { columns: ['value_krw'], method: 'robust', groupBy: ['importer'] },
  },
  {
    name: 'pivot with a value list',
    type: 'prep.pivot',
    params: { index: ['importer'], namesFrom: 'origin', valuesFrom: 'value_krw', values: ['CN', 'VN'] },
    expected: [
      { importer: '(주)한빛무역', CN: 6000000, VN: null },
      { importer: '㈜바다상사', CN: 12000000, VN: 700000 },
      { importer: '주식회사 초록', CN: null, VN: null },
    ],
  },
  { name: 'unpivot', type: 'prep.unpivot', params: { columns: ['value_krw', 'qty'], dropNulls: true } },
  {
    name: 'window calculations',
    type: 'prep.window',
    params: {
      partitionBy: ['importer'],
      orderBy: [{ column: 'day' }],
      calcs: [
        { fn: 'percent_rank', as: 'p' },
        { fn: 'cumsum', column: 'value_krw', as: 'run' },
        { fn: 'moving_avg', column: 'value_krw', rows: 2, as: 'ma' },
        { fn: 'share', column: 'value_krw', as: 's' },
      ],
    },
  },
  // hash() is the same function in both builds: one seed picks the same rows on either engine.
  { name: 'random sample', type: 'prep.sample', params: { n: 4, seed: 2024 } },
  {
    name: 'stratified sample',
    type: 'prep.sample',
    params: { method: 'stratified', strata: ['importer'], fraction: 0.5 },
  },
  {
    name: 'top n with ties',
    type: 'prep.top_n',
    params: { groupBy: ['importer'], orderBy: [{ column: 'value_krw' }], n: 2, ties: 'all' },
  },
  {
    name: 'type conversion',
    type: 'prep.infer_types',
    params: { columns: { value_krw: 'BIGINT', declared_on: 'DATE', fta: 'BOOLEAN' } },
    port: 'out',
    table: RAW,
    expected: [
      { decl_no: 'D001', value_krw: 1200000, declared_on: '2024-01-05', fta: true },
      { decl_no: 'D002', value_krw: null, declared_on: null, fta: false },
      { decl_no: 'D003', value_krw: null, declared_on: '2024-03-01', fta: false },
    ],
  },
  {
    name: 'type conversion report',
    type: 'prep.infer_types',
    params: { columns: { value_krw: 'BIGINT', declared_on: 'DATE' } },
    port: 'report',
    table: RAW,
    expected: [
      {
        column: 'value_krw',
        from_type: 'VARCHAR',
        to_type: 'BIGINT',
        total: 3,
        converted: 1,
        mismatched: 1,
        example_mismatch: '98만',
      },
      {
        column: 'declared_on',
        from_type: 'VARCHAR',
        to_type: 'DATE',
        total: 3,
        converted: 2,
        mismatched: 1,
        example_mismatch: '2024/02/30',
      },
    ],
  },
  {
    name: 'validation',
    type: 'prep.validate',
    params: {
      rules: [
        { rule: 'required', column: 'qty' },
        { rule: 'hs_code', column: 'hs6', digits: '6' },
        { rule: 'country', column: 'origin' },
        { rule: 'unique', columns: ['importer', 'hs6'], keep: 'first' },
        { rule: 'regex', column: 'importer', pattern: '(\\(주\\)|㈜|주식회사 ).+' },
      ],
    },
    port: 'rejected',
    expected: [
      // Every importer name fits the pattern. Id 6 has no qty; ids 5 and 8 repeat 바다's 851712 (id 2),
      // id 7 repeats 초록's 220300 (id 4).
      { id: 5, reason: '중복: importer, hs6 (duplicate: importer, hs6)' },
      { id: 6, reason: '필수값 누락: qty (missing required value: qty)' },
      { id: 7, reason: '중복: importer, hs6 (duplicate: importer, hs6)' },
      { id: 8, reason: '중복: importer, hs6 (duplicate: importer, hs6)' },
    ],
  },
];

describe('preparation nodes on DuckDB native and WASM', () => {
  it('pivot "auto" is native only: WASM refuses the statements DuckDB expands it into', async () => {
    const params = { index: ['hs6'], namesFrom: 'origin', fn: 'count', values: 'auto' };
    expect(await applyNode(native, 'prep.pivot', params)).toHaveLength(4);
    await expect(applyNode(wasm, 'prep.pivot', params)).rejects.toThrow(/multiple statements/);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const options = { port: c.port, table: c.table };
      const a = await applyNode(native, c.type, c.params, options);
      const b = await applyNode(wasm, c.type, c.params, options);
      expect(b).toEqual(a);
      expect(a.length).toBeGreaterThan(0);
      if (c.expected) {
        const pick = c.type === 'prep.validate' ? a.map((r) => ({ id: r.id, reason: r.reason })) : a;
        expect(pick).toEqual(c.expected);
      }
    });
  }
});
