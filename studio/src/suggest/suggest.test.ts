import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../../runtime/engine/duckdb-node.ts';
import type { Column } from '../../../runtime/schema/types.ts';
import { columnFactsSql, readColumnFacts } from './facts-sql.ts';
import { suggestFor } from './suggest.ts';

let engine: DuckDBNodeEngine;
const col = (name: string, type = 'VARCHAR'): Column => ({ name, type });

beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  await engine.exec(`CREATE TABLE s AS SELECT * FROM (VALUES
    ('(주)한빛무역', 'KR/부산/신항', '2024.01.05', '1,200', ' a  b'),
    ('㈜한빛무역', 'KR/인천/북항', '2024-01-06', '300', 'a'),
    ('한빛무역 주식회사', 'CN/상해', '20240107', '42', 'c'),
    ('대성물산', 'JP/오사카/남항', '2024년 1월 8일', '7', NULL),
    ('대성물산', 'KR/부산/신항', 'later', '8', 'd'),
    ('대성물산', 'KR/부산/신항', 'later', '8', 'd')
  ) t(company, route, day, amount, note)`);
});
afterAll(() => engine.close());

describe('suggestFor (DuckDB)', () => {
  it('counts the facts of a text column in one scan', async () => {
    const f = readColumnFacts((await engine.query(columnFactsSql('s', col('route')))).rows[0]!, col('route'));
    expect(f).toMatchObject({ rows: 6, nulls: 0, distinct: 4, numeric: 0 });
    expect(f.delimiters.find((d) => d.delimiter === '/')).toEqual({ delimiter: '/', values: 6, maxParts: 3 });
  });

  it('clusters company names with the company method and pre-fills the mapping', async () => {
    const s = await suggestFor(engine, 's', col('company'));
    expect(s.map((x) => x.id)).toEqual(['cluster', 'dedupe']);
    expect(s[0]!.params).toMatchObject({ column: 'company', method: 'company' });
    // One cluster of three spellings (one row each): the longest is kept, the other two map to it.
    const mapping = s[0]!.params.mapping as { from: string; to: string }[];
    expect(mapping.map((m) => m.to)).toEqual(['한빛무역 주식회사', '한빛무역 주식회사']);
    expect(mapping.map((m) => m.from).sort()).toEqual(['(주)한빛무역', '㈜한빛무역'].sort());
    expect(s[1]!.label.en).toBe('Remove 1 duplicate row');
  });

  it('suggests split, date, number, trim and fill from the data', async () => {
    expect((await suggestFor(engine, 's', col('route')))[0]!.id).toBe('split:/');
    expect((await suggestFor(engine, 's', col('day')))[0]!.id).not.toBe('parse-date'); // 4 of 6 = 67 %
    const amount = await suggestFor(engine, 's', col('amount'));
    expect(amount[0]).toMatchObject({ type: 'prep.infer_types', params: { columns: { amount: 'BIGINT' } } });
    const note = (await suggestFor(engine, 's', col('note'))).map((x) => x.id);
    expect(note).toEqual(expect.arrayContaining(['trim', 'fill', 'dedupe']));
    expect((await suggestFor(engine, 's', undefined)).map((x) => x.id)).toEqual(['dedupe']);
  });

  it('suggests parse-as-date at 80 % date text', async () => {
    await engine.exec(
      `CREATE TABLE d AS SELECT CASE WHEN range < 9 THEN '2024.01.0' || (range + 1) ELSE 'n/a' END AS day FROM range(10)`,
    );
    const s = await suggestFor(engine, 'd', col('day'));
    expect(s[0]).toMatchObject({ id: 'parse-date', params: { column: 'day' } });
  });
});
