import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { doc, resolve, runtimeFor } from '../../runtime/testing/harness.ts';
import { applyNode, nodeDefinitions, schemaOf, type Table } from './prep-test-kit.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const run = (type: string, params: Record<string, unknown>, table?: Table) =>
  applyNode(engine, type, params, { table });
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id);

// Per importer, in date order (ids): 한빛 1, 3, 6 = 1.2M, 4.8M, 25M; 바다 2, 5, 8 = 350k, 350k, 12M;
// 초록 4, 7 = 980k, empty.
describe('prep.window', () => {
  it('computes running totals, lag/lead, moving averages and shares per importer by date', async () => {
    const rows = await run('prep.window', {
      partitionBy: ['importer'],
      orderBy: [{ column: 'day' }],
      calcs: [
        { fn: 'row_number', as: 'seq' },
        { fn: 'cumsum', column: 'value_krw', as: 'running' },
        { fn: 'lag', column: 'value_krw', as: 'prev' },
        { fn: 'lead', column: 'value_krw', offset: 2, as: 'next2' },
        { fn: 'moving_avg', column: 'value_krw', rows: 2, as: 'ma2' },
        { fn: 'share', column: 'value_krw', as: 'share' },
      ],
    });
    const pick = rows.map((r) => [r.id, r.seq, r.running, r.prev, r.next2, r.ma2]);
    expect(pick).toEqual([
      [1, 1, 1200000, null, 25000000, 1200000],
      [2, 1, 350000, null, 12000000, 350000],
      [3, 2, 6000000, 1200000, null, 3000000], // (1.2M + 4.8M) / 2
      [4, 1, 980000, null, null, 980000],
      [5, 2, 700000, 350000, null, 350000],
      [6, 3, 31000000, 4800000, null, 14900000], // (4.8M + 25M) / 2
      [7, 2, 980000, 980000, null, 980000], // an empty value adds nothing and is not averaged
      [8, 3, 12700000, 350000, null, 6175000], // (350k + 12M) / 2
    ]);
    // 한빛 total 31M: 1.2 / 31, 4.8 / 31, 25 / 31. 바다 total 12.7M. 초록 total 980k.
    const share = Object.fromEntries(rows.map((r) => [r.id, r.share]));
    expect(share[1]).toBeCloseTo(1.2 / 31, 12);
    expect(share[6]).toBeCloseTo(25 / 31, 12);
    expect(share[8]).toBeCloseTo(12 / 12.7, 12);
    expect(share[4]).toBe(1);
    expect(share[7]).toBeNull();
  });

  it('ranks with ties: rank, dense_rank and percent_rank by value, largest first', async () => {
    const rows = await run('prep.window', {
      partitionBy: ['importer'],
      orderBy: [{ column: 'value_krw', desc: true }],
      calcs: [
        { fn: 'rank', as: 'rank' },
        { fn: 'dense_rank', as: 'dense' },
        { fn: 'percent_rank', as: 'pct' },
        { fn: 'row_number', as: 'rn' },
      ],
    });
    // 바다: 12M rank 1; the two 350k tie at rank 2 (percent (2 − 1) / (3 − 1) = 0.5); row_number breaks the
    // tie by input order. 초록: an empty value ranks last.
    expect(rows.map((r) => [r.id, r.rank, r.dense, r.pct, r.rn])).toEqual([
      [1, 3, 3, 1, 3],
      [2, 2, 2, 0.5, 2],
      [3, 2, 2, 0.5, 2],
      [4, 1, 1, 0, 1],
      [5, 2, 2, 0.5, 3],
      [6, 1, 1, 0, 1],
      [7, 2, 2, 1, 2],
      [8, 1, 1, 0, 1],
    ]);
  });

  it('uses the input order without orderBy, and declares result types', async () => {
    const p = {
      calcs: [
        { fn: 'cumsum', column: 'qty', as: 'qty_run' },
        { fn: 'lag', column: 'day', as: 'prev_day' },
      ],
    };
    const rows = await run('prep.window', p);
    // qty 2, 10, 4, 100, 10, empty, 50, 40 → running 2, 12, 16, 116, 126, 126, 176, 216.
    expect(rows.map((r) => r.qty_run)).toEqual([2, 12, 16, 116, 126, 126, 176, 216]);
    expect(rows.map((r) => r.prev_day).slice(0, 3)).toEqual([null, '2024-01-05', '2024-01-05']);
    expect((await schemaOf(engine, 'prep.window', p)).slice(-2)).toEqual(['qty_run:HUGEINT', 'prev_day:DATE']);
  });

  it('names the param at fault', async () => {
    await expect(run('prep.window', { calcs: [{ fn: 'rank', as: 'r' }] })).rejects.toMatchObject({ param: 'orderBy' });
    await expect(run('prep.window', { calcs: [{ fn: 'lag', as: 'r' }] })).rejects.toMatchObject({
      param: 'calcs.0.column',
    });
    await expect(run('prep.window', { calcs: [{ fn: 'share', column: 'origin', as: 'r' }] })).rejects.toMatchObject({
      param: 'calcs.0.column',
      message: expect.stringMatching(/numeric/),
    });
    await expect(
      run('prep.window', {
        calcs: [
          { fn: 'row_number', as: 'a' },
          { fn: 'row_number', as: 'a' },
        ],
      }),
    ).rejects.toMatchObject({ param: 'calcs' });
    await expect(
      run('prep.window', { partitionBy: ['port'], calcs: [{ fn: 'row_number', as: 'a' }] }),
    ).rejects.toMatchObject({ param: 'partitionBy.0' });
  });
});

describe('prep.top_n', () => {
  it('keeps the largest declaration per importer, groups in order', async () => {
    const rows = await run('prep.top_n', { groupBy: ['importer'], orderBy: [{ column: 'value_krw' }], n: 1 });
    expect(ids(rows)).toEqual([6, 8, 4]);
  });

  it('keeps exactly n rows, or every row tied with the n-th', async () => {
    const base = { groupBy: ['importer'], orderBy: [{ column: 'value_krw', desc: true }], n: 2, rankAs: '순위' };
    const first = await run('prep.top_n', base);
    // 바다: 12M, then the two 350k tie: "first" keeps id 2 (earlier in the input), "all" keeps both.
    expect(first.map((r) => [r.id, r.순위])).toEqual([
      [6, 1],
      [3, 2],
      [8, 1],
      [2, 2],
      [4, 1],
      [7, 2],
    ]);
    const all = await run('prep.top_n', { ...base, ties: 'all' });
    expect(all.map((r) => [r.id, r.순위])).toEqual([
      [6, 1],
      [3, 2],
      [8, 1],
      [2, 2],
      [5, 2],
      [4, 1],
      [7, 2],
    ]);
  });

  it('takes the smallest over the whole table', async () => {
    const rows = await run('prep.top_n', { orderBy: [{ column: 'value_krw', desc: false }], n: 3 });
    expect(ids(rows)).toEqual([2, 5, 4]);
  });

  it('names the param at fault', async () => {
    await expect(run('prep.top_n', { orderBy: [{ column: 'price' }], n: 1 })).rejects.toMatchObject({
      param: 'orderBy.0.column',
    });
    await expect(run('prep.top_n', { orderBy: [{ column: 'qty' }], n: 0 })).rejects.toThrow(/n/);
  });
});

describe('prep.sample', () => {
  it('takes the first n rows or the first fraction', async () => {
    expect(ids(await run('prep.sample', { method: 'first', n: 3 }))).toEqual([1, 2, 3]);
    // 8 rows × 0.25 = 2 rows.
    expect(ids(await run('prep.sample', { method: 'first', fraction: 0.25 }))).toEqual([1, 2]);
  });

  it('takes n random rows in input order, the same for the same seed', async () => {
    const a = ids(await run('prep.sample', { n: 3, seed: 7 }));
    expect(a).toHaveLength(3);
    expect([...a].sort()).toEqual(a);
    expect(ids(await run('prep.sample', { n: 3, seed: 7 }))).toEqual(a);
    // Some seed among a few picks other rows: the seed really drives the choice.
    const others: unknown[][] = [];
    for (const seed of [1, 2, 3, 4, 5]) others.push(ids(await run('prep.sample', { n: 3, seed })));
    expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(a))).toBe(true);
  });

  it('takes a fraction of the rows, rounded', async () => {
    // 8 × 0.3 = 2.4 → 2 rows; 8 × 0.5 = 4 rows.
    expect(await run('prep.sample', { fraction: 0.3 })).toHaveLength(2);
    expect(await run('prep.sample', { fraction: 0.5 })).toHaveLength(4);
  });

  it('samples n or a fraction per stratum', async () => {
    const one = await run('prep.sample', { method: 'stratified', strata: ['origin'], n: 1, seed: 3 });
    // Origins CN, VN, DE, NO: one row each.
    expect(one.map((r) => r.origin).sort()).toEqual(['CN', 'DE', 'NO', 'VN']);
    // Half of each origin: CN 3 rows → round(1.5) = 2, VN 2 → 1, DE 2 → 1, NO 1 → round(0.5) = 1.
    const half = await run('prep.sample', { method: 'stratified', strata: ['origin'], fraction: 0.5 });
    const count = (o: string) => half.filter((r) => r.origin === o).length;
    expect([count('CN'), count('VN'), count('DE'), count('NO')]).toEqual([2, 1, 1, 1]);
  });

  it('picks the same rows with several threads, on a large table, every time', async () => {
    const big = await DuckDBNodeEngine.create({ threads: 4 });
    try {
      // 300,000 rows span three row groups, which four threads scan in parallel.
      await big.exec("CREATE TABLE big AS SELECT i AS id, 'HS' || (i % 97) AS hs FROM range(300000) t(i)");
      const pick = async (params: Record<string, unknown>) => {
        const p = resolve(
          doc(
            [
              { id: 'src', type: 'sql', params: { query: 'SELECT * FROM big' } },
              { id: 's', type: 'prep.sample', params },
            ],
            [['src', 's']],
          ),
          nodeDefinitions,
        );
        // A new runtime each time: nothing is cached between the runs.
        return (await runtimeFor(big, nodeDefinitions).preview(p, 's', { limit: 1_000_000 })).rows.map((r) => r.id);
      };
      for (const params of [
        { n: 500, seed: 11 },
        { method: 'stratified', strata: ['hs'], fraction: 0.01, seed: 5 },
      ]) {
        const first = await pick(params);
        expect(first.length).toBeGreaterThan(400);
        for (let i = 0; i < 3; i++) expect(await pick(params)).toEqual(first);
      }
    } finally {
      await big.close();
    }
  });
});
