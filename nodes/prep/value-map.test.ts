import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { apply, col, table } from './apply.testing.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const DECL = table(
  ['id:INTEGER', 'origin', 'qty:INTEGER'],
  [
    [1, 'CN', 1],
    [2, 'us', 10],
    [3, 'VN', 100],
    [4, null, null],
    [5, 'XX', 1],
  ],
);
const COUNTRIES = [
  { from: 'CN', to: '중국' },
  { from: 'US', to: '미국' },
  { from: 'VN', to: '베트남' },
];
const map = (params: Record<string, unknown>) =>
  apply(engine, 'prep.value_map', { column: 'origin', mapping: COUNTRIES, ...params }, DECL);

describe('prep.value_map with a mapping', () => {
  it('keeps unmapped values as they are (case-sensitive)', async () => {
    const rows = await map({});
    expect(Object.keys(rows[0]!)).toEqual(['id', 'origin', 'qty']);
    expect(col(rows, 'origin')).toEqual(['중국', 'us', '베트남', null, 'XX']);
  });

  it('ignores case when asked', async () => {
    expect(col(await map({ ignoreCase: true }), 'origin')).toEqual(['중국', '미국', '베트남', null, 'XX']);
  });

  it('sets unmapped values to NULL or a default (a missing value is unmapped too)', async () => {
    expect(col(await map({ unmapped: 'null' }), 'origin')).toEqual(['중국', null, '베트남', null, null]);
    const other = await map({ unmapped: 'default', default: '기타' });
    expect(col(other, 'origin')).toEqual(['중국', '기타', '베트남', '기타', '기타']);
  });

  it('writes a new column after the source, and maps to NULL', async () => {
    const rows = await map({ as: '국가명', mapping: [...COUNTRIES, { from: 'XX', to: null }] });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'origin', '국가명', 'qty']);
    expect(col(rows, '국가명')).toEqual(['중국', 'us', '베트남', null, null]);
    expect(col(rows, 'origin')).toEqual(['CN', 'us', 'VN', null, 'XX']);
  });

  it('maps numbers: to text makes the column text, to numbers keeps it numeric', async () => {
    const text = await map({ column: 'qty', mapping: [{ from: 1, to: '소량' }] });
    expect(col(text, 'qty')).toEqual(['소량', '10', '100', null, '소량']);
    const num = await map({ column: 'qty', mapping: [{ from: 1, to: 1.5 }] });
    expect(col(num, 'qty')).toEqual([1.5, 10, 100, null, 1.5]); // INTEGER and DOUBLE meet as DOUBLE
    const asText = await map({ column: 'qty', mapping: [{ from: '10', to: '열' }], unmapped: 'null' });
    expect(col(asText, 'qty')).toEqual([null, '열', null, null, null]); // '10' matches 10 as text
  });

  it('treats mapping values as text, never as SQL', async () => {
    const rows = await map({ mapping: [{ from: "CN' OR 1=1 --", to: "x'y" }], unmapped: 'null' });
    expect(col(rows, 'origin')).toEqual([null, null, null, null, null]);
  });
});

const LOOKUP = table(
  ['code', 'name_ko', 'rank:INTEGER'],
  [
    ['CN', '중국', 1],
    ['US', '미국', 2],
    ['CN', '중화인민공화국', 3], // a second CN: the first one wins
    [null, '없음', 4],
  ],
);
const lookup = (params: Record<string, unknown>) =>
  apply(
    engine,
    'prep.value_map',
    { column: 'origin', lookupKey: 'code', lookupValue: 'name_ko', ...params },
    DECL,
    LOOKUP,
  );

describe('prep.value_map with a lookup table', () => {
  it('maps through the first value per key, keeping row order and row count', async () => {
    const rows = await lookup({ ignoreCase: true });
    expect(col(rows, 'id')).toEqual([1, 2, 3, 4, 5]);
    expect(col(rows, 'origin')).toEqual(['중국', '미국', 'VN', null, 'XX']);
  });

  it('lets the mapping param come first', async () => {
    const rows = await lookup({
      mapping: [
        { from: 'VN', to: '베트남' },
        { from: 'CN', to: 'China' },
      ],
    });
    expect(col(rows, 'origin')).toEqual(['China', 'us', '베트남', null, 'XX']);
  });

  it('takes the lookup value type', async () => {
    const rows = await lookup({ lookupValue: 'rank', unmapped: 'null', as: 'rank' });
    expect(col(rows, 'rank')).toEqual([1, null, null, null, null]);
    const kept = await lookup({ lookupValue: 'rank', as: 'r' });
    expect(col(kept, 'r')).toEqual(['1', 'us', 'VN', null, 'XX']); // INTEGER and kept text meet as text
  });

  it('names the param at fault', async () => {
    await expect(map({ mapping: [] })).rejects.toMatchObject({ param: 'mapping', message: /lookup table/ });
    await expect(map({ lookupKey: 'code' })).rejects.toMatchObject({ param: 'lookupKey', message: /connect/ });
    await expect(lookup({ lookupKey: undefined })).rejects.toMatchObject({ param: 'lookupKey' });
    await expect(lookup({ lookupValue: 'nope' })).rejects.toMatchObject({ param: 'lookupValue' });
    await expect(map({ mapping: [...COUNTRIES, { from: 'CN', to: 'x' }] })).rejects.toMatchObject({
      param: 'mapping.3.from',
      message: /"CN" is already mapped \(mapping\.0\)/,
    });
    await expect(map({ unmapped: 'default' })).rejects.toMatchObject({ param: 'default' });
    await expect(map({ as: 'qty' })).rejects.toMatchObject({ param: 'as' });
  });
});
