import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { values } from '../../runtime/testing/harness.ts';
import { pivotValues } from './pivot-values.ts';
import { applyNode, DECL, schemaOf, type Table } from './prep-test-kit.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const run = (type: string, params: Record<string, unknown>, table?: Table) =>
  applyNode(engine, type, params, { table });

// Importers sort by code point: '(' (한빛) < '㈜' (바다) < '주' (초록).
describe('prep.pivot', () => {
  it('spreads origins into columns, summing the declared values', async () => {
    // 한빛: CN 1.2M + 4.8M (NO is not asked for). 바다: CN 12M, VN 350k + 350k. 초록: DE 980k + empty.
    const rows = await run('prep.pivot', {
      index: ['importer'],
      namesFrom: 'origin',
      valuesFrom: 'value_krw',
      values: ['CN', 'VN', 'DE'],
    });
    expect(rows).toEqual([
      { importer: '(주)한빛무역', CN: 6000000, VN: null, DE: null },
      { importer: '㈜바다상사', CN: 12000000, VN: 700000, DE: null },
      { importer: '주식회사 초록', CN: null, VN: null, DE: 980000 },
    ]);
  });

  it('counts rows per value with a prefix, and declares the schema without data', async () => {
    const p = { index: ['hs6'], namesFrom: 'origin', fn: 'count', values: ['CN', 'VN'], prefix: '건수_' };
    expect(await run('prep.pivot', p)).toEqual([
      { hs6: '010121', 건수_CN: 1, 건수_VN: 0 },
      { hs6: '030389', 건수_CN: 0, 건수_VN: 0 },
      { hs6: '220300', 건수_CN: 0, 건수_VN: 0 },
      { hs6: '851712', 건수_CN: 2, 건수_VN: 2 },
    ]);
    expect(await schemaOf(engine, 'prep.pivot', p)).toEqual(['hs6:VARCHAR', '건수_CN:BIGINT', '건수_VN:BIGINT']);
  });

  it('matches numeric names by their text, with avg, max and count_distinct', async () => {
    const t = values(
      ['hs6', 'year:INTEGER', 'price:DOUBLE'],
      [
        ['851712', 2023, 100],
        ['851712', 2023, 300],
        ['851712', 2024, 250],
      ],
    );
    const p = { index: ['hs6'], namesFrom: 'year', valuesFrom: 'price', values: [2023, '2024'] };
    expect(await run('prep.pivot', { ...p, fn: 'avg' }, t)).toEqual([{ hs6: '851712', '2023': 200, '2024': 250 }]);
    expect(await run('prep.pivot', { ...p, fn: 'max' }, t)).toEqual([{ hs6: '851712', '2023': 300, '2024': 250 }]);
    expect(await run('prep.pivot', { ...p, fn: 'count_distinct' }, t)).toEqual([
      { hs6: '851712', '2023': 2, '2024': 1 },
    ]);
  });

  it('finds the values in the data with "auto" (schema from DESCRIBE)', async () => {
    const p = { index: ['importer'], namesFrom: 'origin', valuesFrom: 'qty', values: 'auto' };
    // qty by importer and origin: 한빛 CN 2 + 4, NO empty; 바다 VN 10 + 10, CN 40; 초록 DE 100 + 50.
    expect(await run('prep.pivot', p)).toEqual([
      { importer: '(주)한빛무역', CN: 6, DE: null, NO: null, VN: null },
      { importer: '㈜바다상사', CN: 40, DE: null, NO: null, VN: 20 },
      { importer: '주식회사 초록', CN: null, DE: 150, NO: null, VN: null },
    ]);
    expect(await schemaOf(engine, 'prep.pivot', p)).toEqual([
      'importer:VARCHAR',
      'CN:HUGEINT',
      'DE:HUGEINT',
      'NO:HUGEINT',
      'VN:HUGEINT',
    ]);
  });

  it('names the param at fault', async () => {
    const base = { index: ['importer'], namesFrom: 'origin', valuesFrom: 'value_krw', values: ['CN'] };
    await expect(run('prep.pivot', { ...base, namesFrom: 'country' })).rejects.toMatchObject({ param: 'namesFrom' });
    await expect(run('prep.pivot', { ...base, valuesFrom: undefined })).rejects.toMatchObject({ param: 'valuesFrom' });
    await expect(run('prep.pivot', { ...base, valuesFrom: 'hs6', fn: 'sum' })).rejects.toMatchObject({
      param: 'valuesFrom',
    });
    await expect(run('prep.pivot', { ...base, values: ['importer'] })).rejects.toMatchObject({
      param: 'values',
      message: 'the output would have two columns named "importer"',
    });
    await expect(run('prep.pivot', { ...base, values: 'auto', prefix: 'x_' })).rejects.toMatchObject({
      param: 'prefix',
    });
  });
});

describe('pivotValues', () => {
  it('lists the distinct values the studio puts into the values param', async () => {
    await engine.createTable(
      'decl',
      DECL.columns,
      DECL.columns.map((_, c) => DECL.rows.map((r) => r[c])),
    );
    expect(await pivotValues(engine, '"decl"', 'origin')).toEqual({ values: ['CN', 'DE', 'NO', 'VN'], more: false });
    expect(await pivotValues(engine, '"decl"', 'origin', 2)).toEqual({ values: ['CN', 'DE'], more: true });
    // Numbers stay numbers; the empty qty is left out.
    expect((await pivotValues(engine, '"decl"', 'qty')).values).toEqual([2, 4, 10, 40, 50, 100]);
  });
});

/** Monthly declared values per importer, wide. */
const WIDE = values(
  ['importer', '1월:BIGINT', '2월:BIGINT', 'note'],
  [
    ['(주)한빛무역', 1200000, null, '정상'],
    ['㈜바다상사', 350000, 700000, '검토'],
  ],
);

describe('prep.unpivot', () => {
  it('turns chosen columns into name and value rows, in input order', async () => {
    const rows = await run('prep.unpivot', { columns: ['1월', '2월'], nameAs: '월', valueAs: '금액' }, WIDE);
    expect(rows).toEqual([
      { importer: '(주)한빛무역', note: '정상', 월: '1월', 금액: 1200000 },
      { importer: '(주)한빛무역', note: '정상', 월: '2월', 금액: null },
      { importer: '㈜바다상사', note: '검토', 월: '1월', 금액: 350000 },
      { importer: '㈜바다상사', note: '검토', 월: '2월', 금액: 700000 },
    ]);
  });

  it('drops empty values when asked, and casts mixed columns to text', async () => {
    const dropped = await run('prep.unpivot', { columns: ['1월', '2월'], dropNulls: true }, WIDE);
    expect(dropped.map((r) => [r.name, r.value])).toEqual([
      ['1월', 1200000],
      ['1월', 350000],
      ['2월', 700000],
    ]);
    const mixed = await run('prep.unpivot', { columns: ['1월', 'note'] }, WIDE);
    expect(mixed.map((r) => r.value)).toEqual(['1200000', '정상', '350000', '검토']);
    expect(await schemaOf(engine, 'prep.unpivot', { columns: ['1월', 'note'] }, WIDE)).toEqual([
      'importer:VARCHAR',
      '2월:BIGINT',
      'name:VARCHAR',
      'value:VARCHAR',
    ]);
  });

  it('names the param at fault', async () => {
    await expect(run('prep.unpivot', { columns: ['3월'] }, WIDE)).rejects.toMatchObject({ param: 'columns.0' });
    await expect(run('prep.unpivot', { columns: ['1월'], nameAs: 'note' }, WIDE)).rejects.toMatchObject({
      param: 'nameAs',
    });
    await expect(run('prep.unpivot', { columns: ['1월'], nameAs: 'x', valueAs: 'x' }, WIDE)).rejects.toMatchObject({
      param: 'valueAs',
    });
  });
});
