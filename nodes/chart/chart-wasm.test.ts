import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmEngineForNode } from '../../runtime/engine/duckdb-wasm-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { applyNode } from '../prep/prep-test-kit.ts';

/** The browser engine (DuckDB-WASM 1.4) gives the same aggregates as `chart.test.ts` worked out on native. */
let wasm: Engine;
beforeAll(async () => {
  wasm = await createWasmEngineForNode();
});
afterAll(async () => {
  await wasm.close();
});

describe('chart.vega on DuckDB-WASM', () => {
  it('sums per category with a top-N cut', async () => {
    // CN 18M, NO 25M kept; DE 0.98M and VN 0.7M cut
    expect(await applyNode(wasm, 'chart.vega', { mark: 'bar', x: 'origin', y: 'value_krw', topN: 2 })).toEqual([
      { origin: 'CN', value_krw: 18_000_000 },
      { origin: 'NO', value_krw: 25_000_000 },
    ]);
  });

  it('bins and box-plots in SQL', async () => {
    // qty 2,10,4,100,10,50,40 → step 20 from 0 (see chart.test.ts)
    expect(await applyNode(wasm, 'chart.vega', { mark: 'histogram', x: 'qty', bins: 5 })).toEqual([
      { '구간 시작': 0, '구간 끝': 20, 건수: 4 },
      { '구간 시작': 40, '구간 끝': 60, 건수: 2 },
      { '구간 시작': 100, '구간 끝': 120, 건수: 1 },
    ]);
    expect(await applyNode(wasm, 'chart.vega', { mark: 'boxplot', y: 'qty' })).toEqual([
      { '아래 수염': 2, Q1: 7, 중앙값: 10, Q3: 45, '위 수염': 100, 건수: 7 },
    ]);
    // per importer: 한빛 qty 2,4 (id 6 null) → Q1 2.5, median 3, Q3 3.5; 바다 10,10,40 → Q1 10, Q3 25, fence 47.5;
    // 초록 100,50 → Q1 62.5, median 75, Q3 87.5. Rows in byte order of the names: "(" < "㈜" < "주".
    expect(await applyNode(wasm, 'chart.vega', { mark: 'boxplot', x: 'importer', y: 'qty' })).toEqual([
      { importer: '(주)한빛무역', '아래 수염': 2, Q1: 2.5, 중앙값: 3, Q3: 3.5, '위 수염': 4, 건수: 2 },
      { importer: '㈜바다상사', '아래 수염': 10, Q1: 10, 중앙값: 10, Q3: 25, '위 수염': 40, 건수: 3 },
      { importer: '주식회사 초록', '아래 수염': 50, Q1: 62.5, 중앙값: 75, Q3: 87.5, '위 수염': 100, 건수: 2 },
    ]);
  });

  it('samples points with both coordinates present', async () => {
    const rows = await applyNode(wasm, 'chart.vega', { mark: 'scatter', x: 'value_krw', y: 'qty' });
    expect(rows).toHaveLength(6); // ids 6 (no qty) and 7 (no value) dropped
  });
});
