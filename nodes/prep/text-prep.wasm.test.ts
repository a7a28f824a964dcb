import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { createWasmEngineForNode } from '../../runtime/engine/duckdb-wasm-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { apply, col, table } from './apply.testing.ts';

/** The browser's engine (DuckDB-WASM 1.4, no extensions) gives the same rows as native DuckDB 1.5. */
let wasm: Engine;
let native: Engine;
beforeAll(async () => {
  [wasm, native] = await Promise.all([createWasmEngineForNode(), DuckDBNodeEngine.create()]);
});
afterAll(async () => {
  await wasm?.close();
  await native?.close();
});

const DECL = table(
  ['id:INTEGER', 'firm', 'items', 'price', 'day', 'origin'],
  [
    [1, '  ㈜한빛무역　ＡＢＣ ', '말, 소,돼지', '₩1,234,500원', '2024. 1. 5. 오후 1:45:00', 'cn'],
    [2, 'samsung electronics co.,ltd', '', '12.5kg', '05/01/2024', 'US'],
    [3, null, null, null, '2024-02-30', 'XX'],
  ],
);
const LOOKUP = table(
  ['code', 'name'],
  [
    ['CN', '중국'],
    ['US', '미국'],
  ],
);

const CASES: [string, Record<string, unknown>, boolean?][] = [
  ['prep.split_column', { column: 'items', delimiter: ',', into: 'rows', trim: true, indexColumn: 'n' }],
  ['prep.split_column', { column: 'firm', by: 'regex', pattern: '\\s+', count: 2, rest: 'last', trim: true }],
  ['prep.merge_columns', { columns: ['firm', 'origin'], separator: '/', as: 'key' }],
  ['prep.find_replace', { columns: ['firm'], find: '(\\w+) (\\w+)', replace: '\\2 \\1', match: 'regex' }],
  ['prep.text_normalize', { columns: { firm: ['nfkc', 'trim', 'title'], items: ['remove_spaces', 'title'] } }],
  ['prep.text_normalize', { columns: { firm: ['fullwidth_to_halfwidth', 'collapse_spaces', 'remove_punctuation'] } }],
  ['prep.extract', { column: 'price', mode: 'number' }],
  ['prep.extract', { column: 'day', pattern: '(?<y>\\d{4})\\D+(\\d+)', output: 'groups' }],
  ['prep.parse_date', { column: 'day', to: 'TIMESTAMP', flag: true }],
  ['prep.value_map', { column: 'origin', lookupKey: 'code', lookupValue: 'name', ignoreCase: true }, true],
];

describe('text preparation on DuckDB-WASM', () => {
  it.each(CASES)('%s agrees with native', async (type, params, withLookup) => {
    const lookup = withLookup ? LOOKUP : undefined;
    const [w, n] = await Promise.all([
      apply(wasm, type, params, DECL, lookup),
      apply(native, type, params, DECL, lookup),
    ]);
    expect(w).toEqual(n);
  });

  it('gives the hand-checked values', async () => {
    const norm = await apply(wasm, 'prep.text_normalize', { columns: { firm: ['nfkc', 'trim', 'title'] } }, DECL);
    expect(col(norm, 'firm')).toEqual(['(주)한빛무역 Abc', 'Samsung Electronics Co.,Ltd', null]);
    const dates = await apply(wasm, 'prep.parse_date', { column: 'day', to: 'TIMESTAMP', flag: true }, DECL);
    expect(col(dates, 'day')).toEqual(['2024-01-05 13:45:00', '2024-01-05 00:00:00', null]);
    expect(col(dates, 'day_parse_ok')).toEqual([true, true, false]);
    const parts = await apply(
      wasm,
      'prep.date_parts',
      { column: 'd', parts: ['weekday', 'year_week'] },
      table(['d:DATE'], [['2024-12-30']]),
    );
    expect(parts).toEqual([{ d: '2024-12-30', d_weekday: '월', d_year_week: '2025-W01' }]);
    const price = await apply(wasm, 'prep.extract', { column: 'price', mode: 'number', numbers: 'all' }, DECL);
    expect(col(price, 'price_numbers')).toEqual([[1234500], [12.5], null]);
  });
});
