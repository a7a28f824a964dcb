import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { apply, col, table } from './apply.testing.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const ADDR = table(
  ['id:INTEGER', 'addr', 'items', 'code', 'day:DATE'],
  [
    [1, '서울특별시 강남구 테헤란로 123', '말, 소,돼지', 'KR0101', '2024-01-05'],
    [2, '부산광역시  해운대구', '휴대전화', 'CN8517', '2024-02-29'],
    [3, null, ',,맥주', 'VN22', null],
    [4, '인천광역시', '', null, '2024-12-31'],
  ],
);
const split = (params: Record<string, unknown>) => apply(engine, 'prep.split_column', params, ADDR);

describe('prep.split_column into columns', () => {
  it('splits by a delimiter into <col>_1..n in place of the column, trimming parts', async () => {
    const rows = await split({ column: 'items', delimiter: ',', count: 3, trim: true });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'addr', 'items_1', 'items_2', 'items_3', 'code', 'day']);
    expect(rows.map((r) => [r.items_1, r.items_2, r.items_3])).toEqual([
      ['말', '소', '돼지'], // ' 소' trimmed
      ['휴대전화', null, null],
      ['', '', '맥주'], // ',,맥주' has two empty parts first
      ['', null, null], // '' is one empty part
    ]);
  });

  it('drops empty parts when asked', async () => {
    const rows = await split({ column: 'items', delimiter: ',', count: 2, dropEmpty: true });
    expect(rows.map((r) => [r.items_1, r.items_2])).toEqual([
      ['말', ' 소'], // not trimmed; '돼지' is a third part, dropped
      ['휴대전화', null],
      ['맥주', null],
      [null, null],
    ]);
  });

  it('keeps the original, names the columns, and puts the rest in the last one', async () => {
    const rows = await split({
      column: 'addr',
      delimiter: ' ',
      names: ['시도', '나머지'],
      rest: 'last',
      dropEmpty: true,
      keepOriginal: true,
    });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'addr', '시도', '나머지', 'items', 'code', 'day']);
    expect(rows.map((r) => [r.시도, r.나머지])).toEqual([
      ['서울특별시', '강남구 테헤란로 123'], // parts 2..4 joined again by ' '
      ['부산광역시', '해운대구'], // the empty part between the two spaces was dropped
      [null, null],
      ['인천광역시', null], // one part only: no rest
    ]);
  });

  it('splits by a regex, the rest keeping its original separators', async () => {
    const rows = await split({ column: 'addr', by: 'regex', pattern: '\\s+', count: 2, rest: 'last' });
    expect(rows.map((r) => [r.addr_1, r.addr_2])).toEqual([
      ['서울특별시', '강남구 테헤란로 123'],
      ['부산광역시', '해운대구'], // '\s+' eats both spaces
      [null, null],
      ['인천광역시', null],
    ]);
    const three = await split({ column: 'addr', by: 'regex', pattern: '(\\s)+', count: 3, rest: 'last' });
    // A group inside the separator does not shift the rest: after the 2nd separator comes '테헤란로 123'.
    expect(col(three, 'addr_3')).toEqual(['테헤란로 123', null, null, null]);
  });

  it('splits by fixed widths, the last part optionally running to the end', async () => {
    const rows = await split({ column: 'code', by: 'widths', widths: [2, 2], names: ['국가', '번호'] });
    expect(rows.map((r) => [r.국가, r.번호])).toEqual([
      ['KR', '01'],
      ['CN', '85'],
      ['VN', '22'],
      [null, null],
    ]);
    const rest = await split({ column: 'code', by: 'widths', widths: [2, 2], rest: 'last' });
    expect(col(rest, 'code_2')).toEqual(['0101', '8517', '22', null]);
  });

  it('splits a non-text column through its text form', async () => {
    const rows = await split({ column: 'day', delimiter: '-', names: ['y', 'm', 'd'] });
    expect(rows.map((r) => [r.y, r.m, r.d])).toEqual([
      ['2024', '01', '05'],
      ['2024', '02', '29'],
      [null, null, null],
      ['2024', '12', '31'],
    ]);
  });
});

describe('prep.split_column into rows', () => {
  it('makes one row per part with a part number, in input order', async () => {
    const rows = await split({ column: 'items', delimiter: ',', into: 'rows', trim: true, indexColumn: '순번' });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'addr', 'items', '순번', 'code', 'day']);
    expect(rows.map((r) => [r.id, r.items, r.순번])).toEqual([
      [1, '말', 1],
      [1, '소', 2],
      [1, '돼지', 3],
      [2, '휴대전화', 1],
      [3, '', 1],
      [3, '', 2],
      [3, '맥주', 3],
      [4, '', 1],
    ]);
  });

  it('keeps rows without parts as one empty row, and can keep the original', async () => {
    const rows = await split({
      column: 'items',
      delimiter: ',',
      into: 'rows',
      dropEmpty: true,
      keepOriginal: true,
      as: '품목',
      indexColumn: 'n',
    });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'addr', 'items', '품목', 'n', 'code', 'day']);
    expect(rows.map((r) => [r.id, r.품목, r.n])).toEqual([
      [1, '말', 1],
      [1, ' 소', 2],
      [1, '돼지', 3],
      [2, '휴대전화', 1],
      [3, '맥주', 1], // the two empty parts were dropped
      [4, null, null], // '' had only an empty part: the row stays, without a part
    ]);
    const nulls = await split({ column: 'addr', delimiter: ' ', into: 'rows' });
    expect(nulls.filter((r) => r.id === 3).map((r) => r.addr)).toEqual([null]);
    expect(nulls.map((r) => r.id)).toEqual([1, 1, 1, 1, 2, 2, 2, 3, 4]); // '부산광역시  해운대구' has an empty middle part
  });
});

describe('prep.split_column errors', () => {
  const fails = (params: Record<string, unknown>) => expect(split(params)).rejects;

  it('names the param at fault', async () => {
    await fails({ column: 'nope', delimiter: ',', count: 2 }).toMatchObject({ param: 'column' });
    await fails({ column: 'items', count: 2 }).toMatchObject({ param: 'delimiter', message: /delimiter/ });
    await fails({ column: 'items', by: 'regex', count: 2 }).toMatchObject({ param: 'pattern' });
    await fails({ column: 'items', by: 'widths' }).toMatchObject({ param: 'widths' });
    await fails({ column: 'items', delimiter: ',' }).toMatchObject({ param: 'count', message: /how many/ });
    await fails({ column: 'items', delimiter: ',', count: 3, names: ['a', 'b'] }).toMatchObject({ param: 'count' });
    await fails({ column: 'items', by: 'widths', widths: [2], names: ['a', 'b'] }).toMatchObject({ param: 'names' });
    await fails({ column: 'items', delimiter: ',', names: ['code', 'b'] }).toMatchObject({
      param: 'names',
      message: /"code" already exists/,
    });
    await fails({ column: 'items', delimiter: ',', names: ['a', 'a'] }).toMatchObject({ param: 'names' });
    await fails({ column: 'items', delimiter: ',', into: 'rows', indexColumn: 'id' }).toMatchObject({
      param: 'indexColumn',
    });
    await fails({ column: 'items', delimiter: ',', into: 'rows', indexColumn: 'items' }).toMatchObject({
      param: 'indexColumn',
      message: /already names the parts/,
    });
    await fails({ column: 'items', by: 'regex', pattern: ',(?= )', count: 2 }).toMatchObject({
      param: 'pattern',
      message: /look-ahead/,
    });
    await fails({ column: 'items', by: 'regex', pattern: ',', count: 2, rest: 'last', dropEmpty: true }).toMatchObject({
      param: 'rest',
    });
  });

  it('treats a delimiter as text, never as SQL', async () => {
    const rows = await split({ column: 'items', delimiter: "',", count: 2 });
    expect(col(rows, 'items_1')).toEqual(['말, 소,돼지', '휴대전화', ',,맥주', '']);
  });
});

const ADDR3 = table(
  ['id:INTEGER', 'sido', 'sigungu', 'road', 'zip:INTEGER'],
  [
    [1, '서울특별시', '강남구', '테헤란로', 6236],
    [2, '부산광역시', null, '해운대로', null],
    [3, null, null, null, 1234],
  ],
);
const merge = (params: Record<string, unknown>) => apply(engine, 'prep.merge_columns', params, ADDR3);

describe('prep.merge_columns', () => {
  const cols = ['sido', 'sigungu', 'road'];

  it('skips missing values (and their separators), appending the new column', async () => {
    const rows = await merge({ columns: cols, separator: ' ', as: '주소' });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'sido', 'sigungu', 'road', 'zip', '주소']);
    expect(col(rows, '주소')).toEqual(['서울특별시 강남구 테헤란로', '부산광역시 해운대로', null]);
  });

  it('treats missing values as empty, or lets them make the result missing', async () => {
    const empty = await merge({ columns: cols, separator: ' ', as: '주소', nulls: 'empty' });
    expect(col(empty, '주소')).toEqual(['서울특별시 강남구 테헤란로', '부산광역시  해운대로', '  ']);
    const nulls = await merge({ columns: cols, separator: ' ', as: '주소', nulls: 'null' });
    expect(col(nulls, '주소')).toEqual(['서울특별시 강남구 테헤란로', null, null]);
  });

  it('drops the merged columns, taking the first one’s place, or merges into one of them', async () => {
    const dropped = await merge({ columns: cols, as: '주소', keepOriginal: false });
    expect(dropped[0]).toEqual({ id: 1, 주소: '서울특별시강남구테헤란로', zip: 6236 });
    const into = await merge({ columns: ['road', 'sigungu'], separator: ', ', as: 'road' });
    expect(Object.keys(into[0]!)).toEqual(['id', 'sido', 'sigungu', 'road', 'zip']);
    expect(col(into, 'road')).toEqual(['테헤란로, 강남구', '해운대로', null]);
  });

  it('merges numbers through their text', async () => {
    const rows = await merge({ columns: ['sido', 'zip'], separator: '-', as: 'key' });
    expect(col(rows, 'key')).toEqual(['서울특별시-6236', '부산광역시', '1234']);
  });

  it('names the param at fault', async () => {
    await expect(merge({ columns: ['sido', 'road'], as: 'zip' })).rejects.toMatchObject({ param: 'as' });
    await expect(merge({ columns: ['sido', 'nope'], as: 'x' })).rejects.toMatchObject({ param: 'columns.1' });
    await expect(merge({ columns: ['sido', 'sido'], as: 'x' })).rejects.toMatchObject({ param: 'columns.1' });
    await expect(merge({ columns: ['sido'], as: 'x' })).rejects.toThrow(/invalid_param.*at least two/);
  });
});
