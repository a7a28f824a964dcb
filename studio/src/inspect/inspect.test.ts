import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../../runtime/engine/duckdb-node.ts';
import type { Column } from '../../../runtime/schema/types.ts';
import { filterCondition, viewSelect, windowSql } from './grid-sql.ts';
import { profileRelation } from './profile.ts';

let engine: DuckDBNodeEngine;
const T = '"t"';
const SCHEMA: Column[] = [
  { name: 'id', type: 'INTEGER' },
  { name: 'hs6', type: 'VARCHAR' },
  { name: 'value', type: 'DOUBLE' },
  { name: 'day', type: 'DATE' },
];

beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  await engine.exec(`CREATE TABLE t AS SELECT range::INTEGER AS id,
      CASE WHEN range % 4 = 0 THEN NULL WHEN range % 2 = 0 THEN '010121' ELSE 'AB-' || (range % 3) END AS hs6,
      (range * 10)::DOUBLE AS value, DATE '2023-01-01' + (range % 30)::INTEGER AS day
    FROM range(1000)`);
});
afterAll(() => engine.close());

const count = async (sql: string) => (await engine.query(`SELECT count(*) AS n FROM (${sql})`)).rows[0]!.n;

describe('grid queries', () => {
  it('filters numbers, dates and text from header text', async () => {
    const where = (col: number, text: string) => `SELECT * FROM t WHERE ${filterCondition(SCHEMA[col]!, text)}`;
    expect(await count(where(2, '>= 9950'))).toBe(5);
    expect(await count(where(2, '100..190'))).toBe(10);
    expect(await count(where(0, '42'))).toBe(1);
    expect(await count(where(0, '!=42'))).toBe(999);
    expect(await count(where(3, '<2023-01-03'))).toBe(2 * 34);
    expect(await count(where(1, 'ab-1'))).toBe(167);
    expect(await count(where(1, '=010121'))).toBe(250);
    expect(await count(where(1, '100%'))).toBe(0);
    expect(filterCondition(SCHEMA[1]!, '  ')).toBeUndefined();
    expect(filterCondition(SCHEMA[2]!, 'abc')).toContain('ILIKE');
  });

  it('builds a sorted, filtered view and reads it in windows', async () => {
    const select = viewSelect(T, SCHEMA, { sort: { column: 'value', desc: true }, filters: { hs6: '0101' } })!;
    await engine.exec(`CREATE TEMP TABLE v AS ${select}`);
    const first = await engine.query(windowSql('v', 0, 3));
    expect(first.rows.map((r) => r.id)).toEqual([998, 994, 990]);
    const later = await engine.query(windowSql('v', 247, 10));
    expect(later.rows.map((r) => r.id)).toEqual([10, 6, 2]);
    expect(viewSelect(T, SCHEMA, { filters: {} })).toBeUndefined();
    expect(viewSelect(T, SCHEMA, { sort: { column: 'gone', desc: false }, filters: {} })).toBeUndefined();
  });
});

describe('column profile', () => {
  it('summarizes every column and gives histograms, top values and shapes', async () => {
    const p = await profileRelation(engine, T, SCHEMA);
    expect(p.rows).toBe(1000);
    expect(p.sampledRows).toBeUndefined();
    const [id, hs6, value, day] = p.columns;
    expect(id).toMatchObject({ nulls: 0, min: 0, max: 999, mean: 499.5, unique: true });
    expect(id!.distinct).toBe(1000);
    expect(id!.histogram!.reduce((a, b) => a + b.n, 0)).toBe(1000);
    expect(id!.histogram).toHaveLength(12);
    expect(hs6).toMatchObject({ nulls: 250, nullShare: 0.25, min: '010121', max: 'AB-2' });
    expect(hs6!.top![0]).toEqual({ value: '010121', share: 250 / 750 });
    expect(hs6!.patterns!.map((x) => x.value)).toEqual(['AA-9', '999999']);
    expect(value!.mean).toBe(4995);
    expect(day).toMatchObject({ min: '2023-01-01', max: '2023-01-30', distinct: 30, histogramOfTime: true });
    expect(day!.histogram!.reduce((a, b) => a + b.n, 0)).toBe(1000);
    expect(hs6!.unique).toBeUndefined();
  });

  it('computes distributions on a sample for large results, summaries exactly', async () => {
    const p = await profileRelation(engine, T, SCHEMA, { sampleRows: 100 });
    expect(p.sampledRows).toBe(100);
    expect(p.columns[0]).toMatchObject({ min: 0, max: 999, distinctApprox: true });
    expect(p.columns[0]!.histogram!.reduce((a, b) => a + b.n, 0)).toBe(100);
  });
});
