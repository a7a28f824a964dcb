import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { apply, col, table } from './apply.testing.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

/** Every row but the last five is 5 January 2024 in some spelling. */
const RAW = [
  '2024-01-05',
  '2024.01.05',
  '2024/01/05',
  '20240105',
  '2024년 1월 5일',
  '24.01.05',
  '2024-01-05 13:45:00',
  '05/01/2024',
  '2024. 1. 5.',
  '2024. 1. 5. 오후 1:45:00',
  '2024-01-05T08:30',
  '2024-01-05(금)',
  '05-Jan-2024',
  ' 2024 - 01 - 05 ',
  '2024-02-30', // no such day
  '다음 주', // not a date
  '2024-01-05 25:00', // no such hour
  null,
  '  ',
];
const DECL = table(
  ['id:INTEGER', 'raw'],
  RAW.map((r, i) => [i + 1, r]),
);
const parse = (params: Record<string, unknown>) => apply(engine, 'prep.parse_date', { column: 'raw', ...params }, DECL);
const JAN5 = Array(14).fill('2024-01-05');

describe('prep.parse_date auto', () => {
  it('recognises the common spellings, day first by default; failures become NULL', async () => {
    const rows = await parse({});
    expect(Object.keys(rows[0]!)).toEqual(['id', 'raw']);
    expect(col(rows, 'raw')).toEqual([...JAN5, null, null, null, null, null]);
  });

  it('reads 05/01/2024 month first when told', async () => {
    const rows = await parse({ order: 'month_first' });
    expect(col(rows, 'raw')[7]).toBe('2024-05-01');
    expect(col(rows, 'raw')[12]).toBe('2024-01-05'); // 05-Jan-2024 names its month
  });

  it('keeps the time for TIMESTAMP, 오후 included', async () => {
    const rows = await parse({ to: 'TIMESTAMP' });
    expect(col(rows, 'raw').slice(0, 14)).toEqual([
      '2024-01-05 00:00:00',
      '2024-01-05 00:00:00',
      '2024-01-05 00:00:00',
      '2024-01-05 00:00:00',
      '2024-01-05 00:00:00',
      '2024-01-05 00:00:00',
      '2024-01-05 13:45:00',
      '2024-01-05 00:00:00',
      '2024-01-05 00:00:00',
      '2024-01-05 13:45:00', // 오후 1:45 is 13:45
      '2024-01-05 08:30:00',
      '2024-01-05 00:00:00',
      '2024-01-05 00:00:00',
      '2024-01-05 00:00:00',
    ]);
  });

  it('writes a new column and a parse_ok flag: true read, false failed, NULL empty', async () => {
    const rows = await parse({ as: '신고일', flag: true });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'raw', '신고일', '신고일_parse_ok']);
    expect(col(rows, 'raw')).toEqual(RAW);
    expect(col(rows, '신고일_parse_ok')).toEqual([...Array(14).fill(true), false, false, false, null, null]);
    const inPlace = await parse({ flag: true });
    expect(Object.keys(inPlace[0]!)).toEqual(['id', 'raw', 'raw_parse_ok']);
    // Counting failures is a sum over the flag: here 3 (rows 15–17).
    expect(col(inPlace, 'raw_parse_ok').filter((ok) => ok === false)).toHaveLength(3);
  });

  it('stops the run on a failure when asked', async () => {
    await expect(parse({ onError: 'fail' })).rejects.toThrow(/cannot read ".+" in column raw as a date/);
  });
});

describe('prep.parse_date with formats', () => {
  it('tries the given strptime formats in order', async () => {
    const rows = await parse({ mode: 'formats', formats: ['%d/%m/%Y', '%Y%m%d'] });
    const parsed = col(rows, 'raw');
    expect(parsed[3]).toBe('2024-01-05'); // 20240105
    expect(parsed[7]).toBe('2024-01-05'); // 05/01/2024
    expect(parsed.filter((v) => v !== null)).toHaveLength(2);
  });

  it('reads numbers and dates as input', async () => {
    const typed = table(
      ['n:BIGINT', 'd:DATE'],
      [
        [20240105, '2024-01-05'],
        [null, null],
      ],
    );
    const n = await apply(engine, 'prep.parse_date', { column: 'n', flag: true }, typed);
    expect(n).toEqual([
      { n: '2024-01-05', n_parse_ok: true, d: '2024-01-05' },
      { n: null, n_parse_ok: null, d: null },
    ]);
    const d = await apply(engine, 'prep.parse_date', { column: 'd', to: 'TIMESTAMP' }, typed);
    expect(col(d, 'd')).toEqual(['2024-01-05 00:00:00', null]);
  });

  it('names the param at fault', async () => {
    await expect(parse({ mode: 'formats' })).rejects.toMatchObject({ param: 'formats' });
    await expect(parse({ mode: 'formats', formats: ['%Y', '%Q'] })).rejects.toMatchObject({
      param: 'formats.1',
      message: /"%Q" is not a date format code/,
    });
    await expect(parse({ as: 'id' })).rejects.toMatchObject({ param: 'as' });
    await expect(parse({ column: 'nope' })).rejects.toMatchObject({ param: 'column' });
    const clash = table(['raw', 'raw_parse_ok'], [['2024-01-05', 'x']]);
    await expect(apply(engine, 'prep.parse_date', { column: 'raw', flag: true }, clash)).rejects.toMatchObject({
      param: 'flag',
    });
  });
});

const DAYS = table(
  ['id:INTEGER', 'd:DATE', 't:TIMESTAMP'],
  [
    [1, '2024-01-05', '2024-01-05 13:45:00'], // Friday, ISO week 1
    [2, '2024-12-30', null], // Monday, ISO week 1 of 2025
    [3, '2024-02-29', null], // Thursday, day 60: ISO week 9 (1 January 2024 was a Monday)
    [4, null, null],
  ],
);
const parts = (params: Record<string, unknown>) => apply(engine, 'prep.date_parts', params, DAYS);

describe('prep.date_parts', () => {
  it('adds each part after the date column', async () => {
    const rows = await parts({
      column: 'd',
      parts: ['year', 'quarter', 'month', 'day', 'weekday', 'week', 'year_month', 'year_quarter', 'year_week'],
    });
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'd',
      'd_year',
      'd_quarter',
      'd_month',
      'd_day',
      'd_weekday',
      'd_week',
      'd_year_month',
      'd_year_quarter',
      'd_year_week',
      't',
    ]);
    const strip = (r: Record<string, unknown>) => Object.values(r).slice(2, 11);
    expect(rows.map(strip)).toEqual([
      [2024, 1, 1, 5, '금', 1, '2024-01', '2024-Q1', '2024-W01'],
      [2024, 4, 12, 30, '월', 1, '2024-12', '2024-Q4', '2025-W01'],
      [2024, 1, 2, 29, '목', 9, '2024-02', '2024-Q1', '2024-W09'],
      [null, null, null, null, null, null, null, null, null],
    ]);
  });

  it('names weekdays in Korean, long Korean, English, or numbers them from Monday', async () => {
    const wd = async (weekday: string) => col(await parts({ column: 'd', parts: ['weekday'], weekday }), 'd_weekday');
    expect(await wd('ko_long')).toEqual(['금요일', '월요일', '목요일', null]);
    expect(await wd('en')).toEqual(['Fri', 'Mon', 'Thu', null]);
    expect(await wd('number')).toEqual([5, 1, 4, null]);
  });

  it('reads timestamps, with a chosen prefix', async () => {
    const rows = await parts({ column: 't', parts: ['day', 'month'], prefix: '신고_' });
    expect(rows[0]).toMatchObject({ 신고_day: 5, 신고_month: 1 });
  });

  it('names the param at fault', async () => {
    await expect(apply(engine, 'prep.date_parts', { column: 'raw', parts: ['year'] }, DECL)).rejects.toMatchObject({
      param: 'column',
      message: /prep\.parse_date/,
    });
    await expect(parts({ column: 'd', parts: ['year'], prefix: '' })).resolves.toBeDefined();
    await expect(parts({ column: 'd', parts: ['id'], prefix: '' })).rejects.toThrow(/invalid_param/);
    await expect(parts({ column: 'd', parts: ['d'] })).rejects.toThrow(/invalid_param/);
    const clash = table(['d:DATE', 'd_year'], [['2024-01-05', 'x']]);
    await expect(apply(engine, 'prep.date_parts', { column: 'd', parts: ['year'] }, clash)).rejects.toMatchObject({
      param: 'parts',
    });
  });
});
