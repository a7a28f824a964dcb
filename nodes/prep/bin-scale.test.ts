import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { values } from '../../runtime/testing/harness.ts';
import { applyNode, schemaOf, type Table } from './prep-test-kit.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const run = (type: string, params: Record<string, unknown>, table?: Table) =>
  applyNode(engine, type, params, { table });
const column = async (type: string, params: Record<string, unknown>, name: string) =>
  (await run(type, params)).map((r) => r[name]);

describe('prep.bin', () => {
  // value_krw by id: 1.2M, 350k, 4.8M, 980k, 350k, 25M, null, 12M.
  it('cuts equal-width bins between the column min and max', async () => {
    // min 350,000, max 25,000,000: width (25,000,000 − 350,000) / 4 = 6,162,500,
    // cut points 6,512,500 · 12,675,000 · 18,837,500. Only 12M (bin 2) and 25M (bin 4, the max) leave bin 1.
    expect(await column('prep.bin', { column: 'value_krw', bins: 4, output: 'index' }, 'value_krw_bin')).toEqual([
      1,
      1,
      1,
      1,
      1,
      4,
      null,
      2,
    ]);
    expect(await column('prep.bin', { column: 'value_krw', bins: 4 }, 'value_krw_bin')).toEqual([
      '[350000, 6512500)',
      '[350000, 6512500)',
      '[350000, 6512500)',
      '[350000, 6512500)',
      '[350000, 6512500)',
      '[18837500, 25000000]',
      null,
      '[6512500, 12675000)',
    ]);
  });

  it('cuts quantile bins at quantile points, keeping ties together', async () => {
    // Sorted non-null values: 350k, 350k, 980k, 1.2M, 4.8M, 12M, 25M (7 values, positions 0–6).
    // q25 at position 1.5: 350k + 0.5 × (980k − 350k) = 665,000; q50 at 3: 1,200,000;
    // q75 at 4.5: 4.8M + 0.5 × (12M − 4.8M) = 8,400,000. Left-closed: 1.2M is in bin 3.
    expect(
      await column('prep.bin', { column: 'value_krw', method: 'quantile', bins: 4, output: 'index' }, 'value_krw_bin'),
    ).toEqual([3, 1, 3, 2, 1, 4, null, 4]);
    expect(await column('prep.bin', { column: 'value_krw', method: 'quantile', bins: 4, as: 'q' }, 'q')).toEqual([
      '[1200000, 8400000)',
      '[350000, 665000)',
      '[1200000, 8400000)',
      '[665000, 1200000)',
      '[350000, 665000)',
      '[8400000, 25000000]',
      null,
      '[8400000, 25000000]',
    ]);
  });

  it('cuts at custom breakpoints with Korean labels', async () => {
    const p = {
      column: 'value_krw',
      method: 'custom',
      breaks: [1000000, 10000000],
      labels: ['소액', '중액', '고액'],
      as: '금액구간',
    };
    expect(await column('prep.bin', p, '금액구간')).toEqual([
      '중액',
      '소액',
      '중액',
      '소액',
      '소액',
      '고액',
      null,
      '고액',
    ]);
  });

  it('puts a value on a breakpoint in the upper bin (left) or the lower bin (right)', async () => {
    const base = { column: 'value_krw', method: 'custom', breaks: [980000, 12000000] };
    // 980,000 (id 4) and 12,000,000 (id 8) sit exactly on the breakpoints.
    expect(await column('prep.bin', base, 'value_krw_bin')).toEqual([
      '[980000, 12000000)',
      '< 980000',
      '[980000, 12000000)',
      '[980000, 12000000)',
      '< 980000',
      '>= 12000000',
      null,
      '>= 12000000',
    ]);
    expect(await column('prep.bin', { ...base, closed: 'right' }, 'value_krw_bin')).toEqual([
      '(980000, 12000000]',
      '<= 980000',
      '(980000, 12000000]',
      '<= 980000',
      '<= 980000',
      '> 12000000',
      null,
      '(980000, 12000000]',
    ]);
  });

  it('closes equal-width bins on the right when asked, the first bin holding the min', async () => {
    // Cuts 10 and 20 for values 0..30 in 3 bins: 10 → bin 1 and 20 → bin 2 when right-closed.
    const t = values(['x:INTEGER'], [[0], [10], [20], [30]]);
    const rows = await run('prep.bin', { column: 'x', bins: 3, closed: 'right' }, t);
    expect(rows.map((r) => r.x_bin)).toEqual(['[0, 10]', '[0, 10]', '(10, 20]', '(20, 30]']);
  });

  it('puts every value of a constant column in bin 1, and keeps the input order and columns', async () => {
    const t = values(
      ['hs6', 'v:DOUBLE'],
      [
        ['851712', 5],
        ['010121', 5],
      ],
    );
    expect(await run('prep.bin', { column: 'v', bins: 3, output: 'index' }, t)).toEqual([
      { hs6: '851712', v: 5, v_bin: 1 },
      { hs6: '010121', v: 5, v_bin: 1 },
    ]);
  });

  it('declares its output column and replaces a column of the same name', async () => {
    expect(await schemaOf(engine, 'prep.bin', { column: 'qty', bins: 2, output: 'index', as: 'qty' })).toEqual([
      'id:INTEGER',
      'importer:VARCHAR',
      'hs6:VARCHAR',
      'origin:VARCHAR',
      'value_krw:BIGINT',
      'qty:INTEGER',
      'day:DATE',
    ]);
  });

  it('names the param at fault', async () => {
    await expect(run('prep.bin', { column: 'origin', bins: 3 })).rejects.toMatchObject({
      param: 'column',
      message: expect.stringMatching(/numeric/),
    });
    await expect(run('prep.bin', { column: 'value_krw' })).rejects.toMatchObject({ param: 'bins' });
    await expect(run('prep.bin', { column: 'value_krw', method: 'custom' })).rejects.toMatchObject({ param: 'breaks' });
    await expect(run('prep.bin', { column: 'value_krw', method: 'custom', breaks: [5, 5] })).rejects.toMatchObject({
      param: 'breaks.1',
    });
    await expect(run('prep.bin', { column: 'value_krw', bins: 2, labels: ['a'] })).rejects.toMatchObject({
      param: 'labels',
      message: '2 bins need 2 labels (got 1)',
    });
    await expect(run('prep.bin', { column: 'nope', bins: 2 })).rejects.toMatchObject({ param: 'column' });
  });
});

/** HS groups: 851712 has 10, 20, 30; 220300 has 5, 5 and an empty value. */
const GROUPS = values(
  ['hs6', 'v:INTEGER'],
  [
    ['851712', 10],
    ['220300', 5],
    ['851712', 20],
    ['220300', 5],
    ['851712', 30],
    ['220300', null],
  ],
);

describe('prep.scale', () => {
  it('z-scores the whole column with the sample standard deviation', async () => {
    // Values 10, 5, 20, 5, 30: mean 70 / 5 = 14; squared deviations 16 + 81 + 36 + 81 + 256 = 470;
    // sample variance 470 / 4 = 117.5.
    const sd = Math.sqrt(117.5);
    const rows = await run('prep.scale', { columns: ['v'] }, GROUPS);
    const expected = [10, 5, 20, 5, 30].map((v) => (v - 14) / sd);
    rows.slice(0, 5).forEach((r, i) => {
      expect(r.v_z).toBeCloseTo(expected[i]!, 12);
    });
    expect(rows[5]).toEqual({ hs6: '220300', v: null, v_z: null });
  });

  it('z-scores per group; a group without spread gives 0', async () => {
    // 851712: mean 20, sample sd √((100 + 0 + 100) / 2) = 10 → −1, 0, 1. 220300: sd 0 → 0.
    const rows = await run('prep.scale', { columns: ['v'], groupBy: ['hs6'] }, GROUPS);
    expect(rows.map((r) => r.v_z)).toEqual([-1, 0, 0, 0, 1, null]);
  });

  it('gives the same per-group scores without keeping the order when asked (no sort)', async () => {
    const rows = await run('prep.scale', { columns: ['v'], groupBy: ['hs6'], keepOrder: false }, GROUPS);
    const byRow = (r: Record<string, unknown>) => `${r.hs6}|${r.v}|${r.v_z}`;
    // the same six rows as in input order above, in whatever order the join gives them
    expect(rows.map(byRow).sort()).toEqual(
      ['851712|10|-1', '851712|20|0', '220300|5|0', '220300|5|0', '851712|30|1', '220300|null|null'].sort(),
    );
  });

  it('scales min-max to [0, 1] into the same column', async () => {
    // min 5, max 30, range 25: 10 → 0.2, 20 → 0.6.
    const rows = await run('prep.scale', { columns: ['v'], method: 'minmax', into: 'replace' }, GROUPS);
    expect(rows).toEqual([
      { hs6: '851712', v: 0.2 },
      { hs6: '220300', v: 0 },
      { hs6: '851712', v: 0.6 },
      { hs6: '220300', v: 0 },
      { hs6: '851712', v: 1 },
      { hs6: '220300', v: null },
    ]);
  });

  it('scales robustly by median and interquartile range', async () => {
    // 851712: median 20, q25 15, q75 25 (interpolated), IQR 10 → −1, 0, 1.
    const rows = await run('prep.scale', { columns: ['v'], method: 'robust', groupBy: ['hs6'], suffix: '_r' }, GROUPS);
    expect(rows.map((r) => r.v_r)).toEqual([-1, 0, 0, 0, 1, null]);
  });

  it('takes ln(1 + x), leaving values ≤ −1 empty', async () => {
    const t = values(['v:DOUBLE'], [[0], [Math.E - 1], [-1], [9]]);
    const rows = await run('prep.scale', { columns: ['v'], method: 'log1p' }, t);
    expect(rows.map((r) => r.v_log1p)).toEqual([0, 1, null, Math.log(10)]);
  });

  it('scales several columns and declares them DOUBLE', async () => {
    expect(await schemaOf(engine, 'prep.scale', { columns: ['value_krw', 'qty'], method: 'minmax' })).toEqual([
      'id:INTEGER',
      'importer:VARCHAR',
      'hs6:VARCHAR',
      'origin:VARCHAR',
      'value_krw:BIGINT',
      'qty:INTEGER',
      'day:DATE',
      'value_krw_minmax:DOUBLE',
      'qty_minmax:DOUBLE',
    ]);
  });

  it('names the param at fault', async () => {
    await expect(run('prep.scale', { columns: ['value_krw', 'origin'] })).rejects.toMatchObject({ param: 'columns.1' });
    await expect(run('prep.scale', { columns: ['qty'], groupBy: ['port'] })).rejects.toMatchObject({
      param: 'groupBy.0',
    });
    await expect(run('prep.scale', { columns: ['qty'], method: 'log1p', groupBy: ['hs6'] })).rejects.toMatchObject({
      param: 'groupBy',
    });
    await expect(run('prep.scale', { columns: ['qty', 'qty'] })).rejects.toMatchObject({ param: 'columns' });
  });
});
