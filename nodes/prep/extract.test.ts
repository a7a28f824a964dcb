import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { apply, col, table } from './apply.testing.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const GOODS = table(
  ['id:INTEGER', 'desc', 'price', 'weight'],
  [
    [1, 'HS 8517.12 휴대전화 (삼성) 12.5kg', '₩1,234,500원', '12.5kg'],
    [2, 'hs 0101.21 말(번식용)', '단가 -3.5 USD, 총 1,000', '순중량 1,200.75 KG'],
    [3, null, null, '-'],
    [4, '무관한 글', '2024-01-05 도착', '(-2)'],
  ],
);
const extract = (params: Record<string, unknown>) => apply(engine, 'prep.extract', params, GOODS);

describe('prep.extract with a regex', () => {
  it('extracts the first match into a new column after the source, NULL when nothing matches', async () => {
    const rows = await extract({ column: 'desc', pattern: '\\d{4}\\.\\d{2}' });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'desc', 'desc_match', 'price', 'weight']);
    expect(col(rows, 'desc_match')).toEqual(['8517.12', '0101.21', null, null]);
  });

  it('matches case-sensitively unless told otherwise', async () => {
    const cs = await extract({ column: 'desc', pattern: 'HS \\d{4}', as: 'hs4' });
    expect(col(cs, 'hs4')).toEqual(['HS 8517', null, null, null]);
    const ci = await extract({ column: 'desc', pattern: 'HS \\d{4}', as: 'hs4', caseSensitive: false });
    expect(col(ci, 'hs4')).toEqual(['HS 8517', 'hs 0101', null, null]);
  });

  it('puts each group in a column named after the group, or <col>_<n>', async () => {
    const rows = await extract({ column: 'desc', pattern: '(?P<hs4>\\d{4})\\.(\\d{2})', output: 'groups' });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'desc', 'hs4', 'desc_2', 'price', 'weight']);
    expect(rows.map((r) => [r.hs4, r.desc_2])).toEqual([
      ['8517', '12'],
      ['0101', '21'],
      [null, null],
      [null, null],
    ]);
    const named = await extract({
      column: 'desc',
      pattern: '(\\d{4})\\.(\\d{2})',
      output: 'groups',
      names: ['호', '소호'],
    });
    expect(named.map((r) => [r.호, r.소호])[1]).toEqual(['0101', '21']);
  });

  it('lists every match', async () => {
    const rows = await extract({ column: 'desc', pattern: '\\d+', output: 'all' });
    expect(col(rows, 'desc_matches')).toEqual([['8517', '12', '12', '5'], ['0101', '21'], null, []]);
  });
});

describe('prep.extract numbers', () => {
  it('reads the first number, with thousands commas, decimals and a sign', async () => {
    const price = await extract({ column: 'price', mode: 'number' });
    expect(Object.keys(price[0]!)).toEqual(['id', 'desc', 'price', 'price_number', 'weight']);
    // '2024-01-05': the dash after 2024 is not a minus sign, and the first number is 2024.
    expect(col(price, 'price_number')).toEqual([1234500, -3.5, null, 2024]);
    const weight = await extract({ column: 'weight', mode: 'number', as: 'kg' });
    expect(col(weight, 'kg')).toEqual([12.5, 1200.75, null, -2]);
  });

  it('lists every number', async () => {
    const rows = await extract({ column: 'price', mode: 'number', numbers: 'all' });
    expect(col(rows, 'price_numbers')).toEqual([[1234500], [-3.5, 1000], null, [2024, 1, 5]]);
    const desc = await extract({ column: 'desc', mode: 'number', numbers: 'all' });
    expect(col(desc, 'desc_numbers')[0]).toEqual([8517.12, 12.5]);
  });
});

describe('prep.extract errors', () => {
  it('names the param at fault', async () => {
    const fails = (params: Record<string, unknown>) => expect(extract({ column: 'desc', ...params })).rejects;
    await fails({}).toMatchObject({ param: 'pattern', message: /give the pattern/ });
    await fails({ pattern: '\\d+', output: 'groups' }).toMatchObject({ param: 'pattern', message: /no groups/ });
    await fails({ pattern: '(\\d)(\\d)', output: 'groups', names: ['a'] }).toMatchObject({ param: 'names' });
    await fails({ pattern: '(?P<id>\\d)', output: 'groups' }).toMatchObject({ param: 'pattern', message: /"id"/ });
    await fails({ pattern: '\\d', as: 'price' }).toMatchObject({ param: 'as' });
    await fails({ pattern: '(?=x)' }).toMatchObject({ param: 'pattern' });
    await fails({ column: 'nope', mode: 'number' }).toMatchObject({ param: 'column' });
  });
});
