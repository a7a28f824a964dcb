import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';

const DECL = values(
  ['id:INTEGER', 'hs6', 'origin', 'value:DOUBLE', 'qty:INTEGER', 'day:DATE'],
  [
    [1, '010121', 'CN', 100, 10, '2024-01-05'],
    [2, '010121', 'VN', 250, null, '2024-01-06'],
    [3, '020130', 'CN', null, 5, '2024-02-01'],
    [4, '020130', 'CN', 400, 20, '2024-02-03'],
    [5, '851712', 'US', 1000, 1, '2024-03-10'],
  ],
);

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

/** Rows of `node` applied to the declarations table. */
async function apply(type: string, params: Record<string, unknown>) {
  const p = resolve(
    doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'n', type, params },
      ],
      [['decl', 'n']],
    ),
    nodeDefinitions,
  );
  return (await runtimeFor(engine, nodeDefinitions).preview(p, 'n', { limit: 1000 })).rows;
}

describe('prep.select', () => {
  it('keeps, orders and renames columns', async () => {
    const rows = await apply('prep.select', { columns: [{ name: 'origin', as: 'country' }, { name: 'id' }] });
    expect(rows.slice(0, 2)).toEqual([
      { country: 'CN', id: 1 },
      { country: 'VN', id: 2 },
    ]);
  });
});

describe('prep.filter', () => {
  it('filters by an expression', async () => {
    const rows = await apply('prep.filter', { where: "value >= 250 AND origin = 'CN'" });
    expect(rows.map((r) => r.id)).toEqual([4]);
  });
  it('filters by rules combined with and / or', async () => {
    const and = await apply('prep.filter', {
      rules: [
        { column: 'hs6', op: 'starts_with', value: '01' },
        { column: 'qty', op: 'is_null' },
      ],
    });
    expect(and.map((r) => r.id)).toEqual([2]);
    const or = await apply('prep.filter', {
      combine: 'or',
      rules: [
        { column: 'origin', op: 'in', value: ['US', 'VN'] },
        { column: 'value', op: '<', value: 150 },
      ],
    });
    expect(or.map((r) => r.id)).toEqual([1, 2, 5]);
  });
  it('supports contains, not_in, != and not_null', async () => {
    expect(
      (await apply('prep.filter', { rules: [{ column: 'hs6', op: 'contains', value: '171' }] })).map((r) => r.id),
    ).toEqual([5]);
    expect(
      (await apply('prep.filter', { rules: [{ column: 'origin', op: 'not_in', value: ['CN'] }] })).map((r) => r.id),
    ).toEqual([2, 5]);
    expect(
      (await apply('prep.filter', { rules: [{ column: 'origin', op: '!=', value: 'CN' }] })).map((r) => r.id),
    ).toEqual([2, 5]);
    expect((await apply('prep.filter', { rules: [{ column: 'value', op: 'not_null' }] })).map((r) => r.id)).toEqual([
      1, 2, 4, 5,
    ]);
  });
});

describe('prep.derive', () => {
  it('adds a column', async () => {
    const rows = await apply('prep.derive', { column: 'unit', expression: 'value / qty' });
    expect(rows.map((r) => r.unit)).toEqual([10, null, null, 20, 1000]);
  });
  it('replaces a column in place', async () => {
    const rows = await apply('prep.derive', { column: 'origin', expression: "lower(origin) || '!'" });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'hs6', 'origin', 'value', 'qty', 'day']);
    expect(rows[0]!.origin).toBe('cn!');
  });
});

describe('prep.cast', () => {
  it('casts, turning failures into nulls', async () => {
    const rows = await apply('prep.cast', { columns: { hs6: 'INTEGER', origin: 'INTEGER' } });
    expect(rows.map((r) => r.hs6)).toEqual([10121, 10121, 20130, 20130, 851712]);
    expect(rows.map((r) => r.origin)).toEqual([null, null, null, null, null]);
  });
  it('fails on a bad value when asked to', async () => {
    await expect(apply('prep.cast', { columns: { origin: 'INTEGER' }, onError: 'fail' })).rejects.toThrow(/CN/);
  });
});

describe('prep.aggregate', () => {
  it('counts, sums, averages and takes medians per group, ordered by the keys', async () => {
    const rows = await apply('prep.aggregate', {
      groupBy: ['origin'],
      measures: [
        { fn: 'count', as: 'n' },
        { fn: 'count', column: 'value', as: 'n_value' },
        { fn: 'sum', column: 'qty', as: 'qty' },
        { fn: 'avg', column: 'value', as: 'avg_value' },
        { fn: 'median', column: 'value', as: 'med' },
        { fn: 'count_distinct', column: 'hs6', as: 'hs' },
        { fn: 'min', column: 'day', as: 'first' },
        { fn: 'max', column: 'value', as: 'top' },
      ],
    });
    expect(rows).toEqual([
      { origin: 'CN', n: 3, n_value: 2, qty: 35, avg_value: 250, med: 250, hs: 2, first: '2024-01-05', top: 400 },
      { origin: 'US', n: 1, n_value: 1, qty: 1, avg_value: 1000, med: 1000, hs: 1, first: '2024-03-10', top: 1000 },
      { origin: 'VN', n: 1, n_value: 1, qty: null, avg_value: 250, med: 250, hs: 1, first: '2024-01-06', top: 250 },
    ]);
  });
  it('computes quantiles and standard deviations over the whole table', async () => {
    const rows = await apply('prep.aggregate', {
      measures: [
        { fn: 'quantile', column: 'value', q: 0.25, as: 'q1' },
        { fn: 'stddev', column: 'qty', as: 'sd' },
      ],
    });
    // values 100, 250, 400, 1000 → q1 = 100 + 0.75·150 = 212.5; qty 10, 5, 20, 1 → mean 9, sample sd √(202/3)
    expect(rows[0]!.q1).toBe(212.5);
    expect(rows[0]!.sd).toBeCloseTo(Math.sqrt(202 / 3), 10);
  });
});

describe('prep.sort', () => {
  it('sorts with nulls last and keeps the top n', async () => {
    const rows = await apply('prep.sort', { by: [{ column: 'value', desc: true }], limit: 4 });
    expect(rows.map((r) => r.id)).toEqual([5, 4, 2, 1]);
    const multi = await apply('prep.sort', { by: [{ column: 'origin' }, { column: 'id', desc: true }] });
    expect(multi.map((r) => r.id)).toEqual([4, 3, 1, 5, 2]);
  });
});

describe('prep.dedupe', () => {
  it('keeps the first row per key in input order', async () => {
    const rows = await apply('prep.dedupe', { columns: ['origin'] });
    expect(rows.map((r) => r.id)).toEqual([1, 2, 5]);
  });
  it('keeps the last by an order column', async () => {
    const rows = await apply('prep.dedupe', { columns: ['hs6'], keep: 'last', orderBy: ['day'] });
    expect(rows.map((r) => r.id)).toEqual([2, 4, 5]);
  });
  it('orders by { column, desc } like prep.sort; an empty value never wins; rows stay in input order', async () => {
    // CN: ids 1 (100), 3 (empty), 4 (400) → the largest value is id 4; VN: id 2; US: id 5.
    const largest = await apply('prep.dedupe', { columns: ['origin'], orderBy: [{ column: 'value', desc: true }] });
    expect(largest.map((r) => r.id)).toEqual([2, 4, 5]);
    // keep "last" reverses the order: the smallest CN value is id 1's 100 (id 3's empty value still loses).
    const last = await apply('prep.dedupe', {
      columns: ['origin'],
      keep: 'last',
      orderBy: [{ column: 'value', desc: true }],
    });
    expect(last.map((r) => r.id)).toEqual([1, 2, 5]);
    // A bare name is the same as { column: name } (ascending).
    const bare = await apply('prep.dedupe', { columns: ['origin'], orderBy: ['value'] });
    expect(bare.map((r) => r.id)).toEqual([1, 2, 5]);
  });
});

describe('prep.fill', () => {
  it('fills with a value, the mean, the mode and the previous value', async () => {
    const rows = await apply('prep.fill', {
      columns: { value: { strategy: 'mean' }, qty: { strategy: 'previous' } },
    });
    // mean of 100, 250, 400, 1000 = 437.5; qty of row 2 takes row 1's 10
    expect(rows.map((r) => [r.id, r.value, r.qty])).toEqual([
      [1, 100, 10],
      [2, 250, 10],
      [3, 437.5, 5],
      [4, 400, 20],
      [5, 1000, 1],
    ]);
    const v = await apply('prep.fill', { columns: { qty: { value: 0 }, value: { strategy: 'median' } } });
    expect(v.map((r) => [r.value, r.qty])).toEqual([
      [100, 10],
      [250, 0],
      [325, 5],
      [400, 20],
      [1000, 1],
    ]);
  });
  it('rounds a mean filled into an integer column', async () => {
    const rows = await apply('prep.fill', { columns: { qty: { strategy: 'mean' } } });
    // mean of 10, 5, 20, 1 = 9
    expect(rows[1]!.qty).toBe(9);
  });
});

describe('prep.join and prep.union', () => {
  const COUNTRIES = values(
    ['code', 'name_ko', 'origin'],
    [
      ['CN', '중국', 'asia'],
      ['US', '미국', 'america'],
      ['JP', '일본', 'asia'],
    ],
  );
  async function joined(how: string) {
    const p = resolve(
      doc(
        [
          { id: 'decl', type: 'test.values', params: DECL },
          { id: 'c', type: 'test.values', params: COUNTRIES },
          { id: 'j', type: 'prep.join', params: { how, on: [{ left: 'origin', right: 'code' }] } },
        ],
        [
          { source: 'decl', target: 'j', targetPort: 'left' },
          { source: 'c', target: 'j', targetPort: 'right' },
        ],
      ),
      nodeDefinitions,
    );
    return (await runtimeFor(engine, nodeDefinitions).preview(p, 'j', { limit: 100 })).rows;
  }
  it('inner joins and suffixes clashing right-hand names', async () => {
    const rows = await joined('inner');
    expect(rows.map((r) => [r.id, r.name_ko, r.origin, r.origin_right]).sort()).toEqual([
      [1, '중국', 'CN', 'asia'],
      [3, '중국', 'CN', 'asia'],
      [4, '중국', 'CN', 'asia'],
      [5, '미국', 'US', 'america'],
    ]);
  });
  it('left, full, semi and anti joins', async () => {
    expect((await joined('left')).length).toBe(5);
    expect((await joined('full')).length).toBe(6);
    expect((await joined('semi')).map((r) => r.id).sort()).toEqual([1, 3, 4, 5]);
    const anti = await joined('anti');
    expect(anti).toEqual([{ id: 2, hs6: '010121', origin: 'VN', value: 250, qty: null, day: '2024-01-06' }]);
  });
  it('stacks rows by name, filling missing columns with nulls', async () => {
    const p = resolve(
      doc(
        [
          { id: 'a', type: 'test.values', params: values(['k', 'x:INTEGER'], [['a', 1]]) },
          { id: 'b', type: 'test.values', params: values(['x:INTEGER', 'y'], [[2, 'b']]) },
          { id: 'u', type: 'prep.union', params: {} },
        ],
        [
          ['a', 'u'],
          ['b', 'u'],
        ],
      ),
      nodeDefinitions,
    );
    const rows = (await runtimeFor(engine, nodeDefinitions).preview(p, 'u')).rows;
    expect(rows).toEqual([
      { k: 'a', x: 1, y: null },
      { k: null, x: 2, y: 'b' },
    ]);
  });
});

describe('sql', () => {
  it('sees its inputs by node id and as `input`', async () => {
    const rows = await apply('sql', {
      query:
        "SELECT origin, count(*) AS n FROM decl WHERE hs6 LIKE '0%' GROUP BY origin ORDER BY origin -- trailing comment",
    });
    expect(rows).toEqual([
      { origin: 'CN', n: 3 },
      { origin: 'VN', n: 1 },
    ]);
    expect(await apply('sql', { query: 'select max(id) AS m from input;' })).toEqual([{ m: 5 }]);
  });
  it('refuses a second statement', async () => {
    await expect(apply('sql', { query: 'SELECT 1; DROP TABLE decl' })).rejects.toThrow(/one SELECT/);
  });
});
