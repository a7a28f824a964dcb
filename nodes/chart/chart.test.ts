import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { values } from '../../runtime/testing/harness.ts';
import { applyNode, schemaOf } from '../prep/prep-test-kit.ts';
import { chartParams } from './params.ts';
import { chartPlan, SAMPLE_CAP } from './plan.ts';
import { planSql } from './sql.ts';

/*
 * DECL (prep-test-kit), the rows these expectations are worked out from:
 * id importer       origin value_krw   qty  day
 * 1  (주)한빛무역    CN     1,200,000   2    2024-01-05
 * 2  ㈜바다상사      VN       350,000   10   2024-01-05
 * 3  (주)한빛무역    CN     4,800,000   4    2024-02-11
 * 4  주식회사 초록   DE       980,000   100  2024-02-29
 * 5  ㈜바다상사      VN       350,000   10   2024-03-01
 * 6  (주)한빛무역    NO    25,000,000   null 2024-03-15
 * 7  주식회사 초록   DE          null   50   2024-03-20
 * 8  ㈜바다상사      CN    12,000,000   40   2024-04-02
 */
let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

const chart = (params: Record<string, unknown>, table?: ReturnType<typeof values>) =>
  applyNode(engine, 'chart.vega', params, table ? { table } : {});

describe('chart.vega pushes the aggregation down', () => {
  it('counts rows per category when only x is given', async () => {
    // CN: ids 1,3,8; DE: 4,7; NO: 6; VN: 2,5
    expect(await chart({ mark: 'bar', x: 'origin' })).toEqual([
      { origin: 'CN', 건수: 3 },
      { origin: 'DE', 건수: 2 },
      { origin: 'NO', 건수: 1 },
      { origin: 'VN', 건수: 2 },
    ]);
  });

  it('sums a numeric y by default and keeps the top N categories', async () => {
    // CN 1.2M+4.8M+12M = 18M; DE 0.98M (id 7 is null); NO 25M; VN 0.35M×2 = 0.7M → top 2: NO, CN
    expect(await chart({ mark: 'bar', x: 'origin', y: 'value_krw' })).toEqual([
      { origin: 'CN', value_krw: 18_000_000 },
      { origin: 'DE', value_krw: 980_000 },
      { origin: 'NO', value_krw: 25_000_000 },
      { origin: 'VN', value_krw: 700_000 },
    ]);
    expect(await chart({ mark: 'bar', x: 'origin', y: 'value_krw', topN: 2 })).toEqual([
      { origin: 'CN', value_krw: 18_000_000 },
      { origin: 'NO', value_krw: 25_000_000 },
    ]);
  });

  it('groups by x and colour (rows in byte order of the names: "(" < "㈜" < "주")', async () => {
    expect(await chart({ mark: 'stacked_bar', x: 'importer', color: 'origin' })).toEqual([
      { importer: '(주)한빛무역', origin: 'CN', 건수: 2 },
      { importer: '(주)한빛무역', origin: 'NO', 건수: 1 },
      { importer: '㈜바다상사', origin: 'CN', 건수: 1 },
      { importer: '㈜바다상사', origin: 'VN', 건수: 2 },
      { importer: '주식회사 초록', origin: 'DE', 건수: 2 },
    ]);
  });

  it('averages per country for a map', async () => {
    // CN (1.2M + 4.8M + 12M) / 3 = 6M; DE 0.98M (null skipped); NO 25M; VN 0.35M
    expect(await chart({ mark: 'map_choropleth', country: 'origin', y: 'value_krw', aggregate: 'mean' })).toEqual([
      { origin: 'CN', value_krw: 6_000_000 },
      { origin: 'DE', value_krw: 980_000 },
      { origin: 'NO', value_krw: 25_000_000 },
      { origin: 'VN', value_krw: 350_000 },
    ]);
  });

  it('bins a histogram in SQL with a nice width', async () => {
    // qty 2,10,4,100,10,50,40: (100-2)/5 = 19.6 → step 20 from 0; [0,20): 2,10,4,10; [40,60): 50,40; [100,120): 100
    expect(await chart({ mark: 'histogram', x: 'qty', bins: 5 })).toEqual([
      { '구간 시작': 0, '구간 끝': 20, 건수: 4 },
      { '구간 시작': 40, '구간 끝': 60, 건수: 2 },
      { '구간 시작': 100, '구간 끝': 120, 건수: 1 },
    ]);
  });

  it('computes box plot quartiles and Tukey whiskers in SQL', async () => {
    // qty sorted 2,4,10,10,40,50,100: Q1 at 1.5 → 4+0.5·6 = 7; median 10; Q3 at 4.5 → 45; IQR 38, fences −50 / 102
    expect(await chart({ mark: 'boxplot', y: 'qty' })).toEqual([
      { '아래 수염': 2, Q1: 7, 중앙값: 10, Q3: 45, '위 수염': 100, 건수: 7 },
    ]);
    // 1,2,3,4,100: Q1 2, Q3 4, IQR 2 → upper fence 7: the whisker stops at 4, 100 is an outlier
    const t = values(
      ['g', 'v:INTEGER'],
      [
        ['a', 1],
        ['a', 2],
        ['a', 3],
        ['a', 4],
        ['a', 100],
        [null, 5],
      ],
    );
    expect(await chart({ mark: 'boxplot', x: 'g', y: 'v' }, t)).toEqual([
      { g: 'a', '아래 수염': 1, Q1: 2, 중앙값: 3, Q3: 4, '위 수염': 4, 건수: 5 },
      { g: null, '아래 수염': 5, Q1: 5, 중앙값: 5, Q3: 5, '위 수염': 5, 건수: 1 },
    ]);
  });

  it('keeps scatter rows where both axes are present', async () => {
    // id 6 has no qty, id 7 no value: 6 of 8 rows
    const rows = await chart({ mark: 'scatter', x: 'value_krw', y: 'qty', color: 'origin' });
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.qty).sort((a, b) => Number(a) - Number(b))).toEqual([2, 4, 10, 10, 40, 100]);
  });

  it('samples large tables to a stable cap', async () => {
    await engine.exec('CREATE OR REPLACE TABLE big AS SELECT range AS a, range % 7 AS b FROM range(20000)');
    const p = chartParams.parse({ mark: 'scatter', x: 'a', y: 'b' });
    const sql = planSql(
      chartPlan(p, [
        { name: 'a', type: 'BIGINT' },
        { name: 'b', type: 'BIGINT' },
      ]),
      'big',
    );
    const first = await engine.query(sql);
    const again = await engine.query(sql);
    expect(first.rows).toHaveLength(SAMPLE_CAP);
    expect(again.rows).toEqual(first.rows);
  });

  it('declares the output columns it produces', async () => {
    expect(await schemaOf(engine, 'chart.vega', { mark: 'line', x: 'day', y: 'value_krw', color: 'origin' })).toEqual([
      'day:DATE',
      'origin:VARCHAR',
      'value_krw:DOUBLE',
    ]);
  });

  it('explains a missing or wrong shelf', async () => {
    await expect(chart({ mark: 'scatter', x: 'importer', y: 'qty' })).rejects.toThrow(/not a number column/);
    await expect(chart({ mark: 'heatmap', x: 'importer' })).rejects.toThrow(/needs a column on "y"/);
    await expect(chart({ mark: 'bar', x: 'origin', color: 'origin' })).rejects.toThrow(/two shelves/);
  });
});
