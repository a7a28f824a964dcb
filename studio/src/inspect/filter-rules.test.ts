import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../../runtime/engine/duckdb-node.ts';
import { rangeRules, valueRules } from './filter-rules.ts';
import { profileRelation } from './profile.ts';

let engine: DuckDBNodeEngine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  await engine.exec(`CREATE TABLE h AS SELECT range::INTEGER AS id, range * 0.5 AS x,
      DATE '2024-01-01' + range::INTEGER AS day FROM range(100)`);
});
afterAll(() => engine.close());

const where = (rules: { column: string; op: string; value: unknown }[]) =>
  rules.map((r) => `"${r.column}" ${r.op} ${typeof r.value === 'number' ? r.value : `'${r.value}'`}`).join(' AND ');

describe('filtergram rules', () => {
  it('keeps exactly the rows of the brushed bins', async () => {
    const profile = await profileRelation(engine, 'h', [
      { name: 'id', type: 'INTEGER' },
      { name: 'x', type: 'DOUBLE' },
      { name: 'day', type: 'DATE' },
    ]);
    for (const p of profile.columns) {
      const bins = p.histogram!;
      for (const [a, b] of [
        [0, 0],
        [3, 5],
        [11, 9],
        [0, 11],
      ] as const) {
        const expected = bins.slice(Math.min(a, b), Math.max(a, b) + 1).reduce((s, x) => s + x.n, 0);
        const rules = rangeRules(p, a, b);
        expect(rules.map((r) => r.op)).toEqual(['>=', '<=']);
        const n = (await engine.query(`SELECT count(*) AS n FROM h WHERE ${where(rules)}`)).rows[0]!.n;
        expect([p.name, a, b, n]).toEqual([p.name, a, b, expected]);
      }
    }
  });

  it('picks values with in', () => {
    expect(valueRules('c', ['a', 'b'])).toEqual([{ column: 'c', op: 'in', value: ['a', 'b'] }]);
    expect(valueRules('c', [])).toEqual([]);
  });
});
