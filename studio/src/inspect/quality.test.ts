import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../../runtime/engine/duckdb-node.ts';
import type { Column } from '../../../runtime/schema/types.ts';
import { qualityOf } from './quality.ts';
import { rulesFor } from './quality-rules.ts';

let engine: DuckDBNodeEngine;
const SCHEMA: Column[] = [
  { name: 'amount_text', type: 'VARCHAR' },
  { name: 'day_text', type: 'VARCHAR' },
  { name: 'name', type: 'VARCHAR' },
  { name: 'value', type: 'DOUBLE' },
  { name: 'hs', type: 'VARCHAR' },
];

beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  await engine.exec(`CREATE TABLE q AS SELECT * FROM (VALUES
    ('1,234', '2024.01.05', '한빛무역', 10.0, '010121'),
    ('56', '2024년 1월 5일', ' ', 20.0, '0101'),
    ('n/a', '20240105', NULL, NULL, '0101210000'),
    ('-7.5', 'soon', '㈜한빛', 300.0, 'x'),
    (NULL, '2024-01-05 13:45', 'a', 5.0, NULL)
  ) t(amount_text, day_text, name, value, hs)`);
});
afterAll(() => engine.close());

describe('quality bars', () => {
  it('counts valid, mismatched and missing against the type the text means', async () => {
    const q = await qualityOf(engine, 'q', SCHEMA);
    const by = Object.fromEntries(q.map((c) => [c.name, c]));
    expect(by.amount_text).toMatchObject({ rows: 5, valid: 3, mismatched: 1, missing: 1, textAs: 'number' });
    expect(by.day_text).toMatchObject({ valid: 4, mismatched: 1, missing: 0, textAs: 'date' });
    expect(by.name).toMatchObject({ valid: 3, mismatched: 0, missing: 2, intended: 'text' });
    expect(by.name?.textAs).toBeUndefined();
    expect(by.value).toMatchObject({ valid: 4, mismatched: 0, missing: 1, intended: 'number' });
  });

  it('adds the rules of a validate node upstream', async () => {
    const doc = {
      nodes: [
        { id: 'src', type: 'source.file', params: {} },
        {
          id: 'v',
          type: 'prep.validate',
          params: {
            rules: [
              { rule: 'range', column: 'value', min: 0, max: 100 },
              { rule: 'hs_code', column: 'hs', digits: '6_or_10' },
              { rule: 'required', column: 'name' },
            ],
          },
        },
        { id: 'f', type: 'prep.sort', params: {} },
      ],
      edges: [
        { source: 'src', target: 'v' },
        { source: 'v', target: 'f' },
      ],
    };
    const rules = rulesFor(doc, 'f');
    expect(rules).toHaveLength(3);
    expect(rulesFor(doc, 'src')).toEqual([]);
    const q = await qualityOf(engine, 'q', SCHEMA, rules);
    const by = Object.fromEntries(q.map((c) => [c.name, c]));
    expect(by.value).toMatchObject({ valid: 3, mismatched: 1, missing: 1, ruled: true });
    // '0101210000' and '010121' pass; '0101' and 'x' fail.
    expect(by.hs).toMatchObject({ valid: 2, mismatched: 2, missing: 1 });
  });
});
