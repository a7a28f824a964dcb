import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { values } from '../../runtime/testing/harness.ts';
import { suggestTypes, textColumns, typesParam } from './infer-types-suggest.ts';
import { applyNode, schemaOf } from './prep-test-kit.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

/** Declarations as they arrive from a spreadsheet: everything is text, formats vary. */
const RAW = values(
  ['decl_no', 'hs6', 'value_krw', 'qty', 'declared_on', 'fta', 'note'],
  [
    ['D001', '010121', '1,200,000', '2', '2024.01.05', 'Y', '정상'],
    ['D002', '851712', '350000', '10', '2024-01-05', 'N', ''],
    ['D003', '851712', ' 4800000.50 ', '4', '2024. 2. 11.', 'y', null],
    ['D004', '220300', '98만', '', '2024/02/30', '예', '검토'],
    ['D005', '030389', null, 'ten', '20240301', '아니오', '정상'],
  ],
);

const TYPES = { value_krw: 'DOUBLE', qty: 'INTEGER', declared_on: 'DATE', fta: 'BOOLEAN', hs6: 'VARCHAR' };

describe('prep.infer_types', () => {
  it('casts text to the chosen types, reading Korean dates, thousands separators and 예/아니오', async () => {
    const rows = await applyNode(engine, 'prep.infer_types', { columns: TYPES }, { table: RAW, port: 'out' });
    expect(rows).toEqual([
      {
        decl_no: 'D001',
        hs6: '010121',
        value_krw: 1200000,
        qty: 2,
        declared_on: '2024-01-05',
        fta: true,
        note: '정상',
      },
      { decl_no: 'D002', hs6: '851712', value_krw: 350000, qty: 10, declared_on: '2024-01-05', fta: false, note: '' },
      {
        decl_no: 'D003',
        hs6: '851712',
        value_krw: 4800000.5,
        qty: 4,
        declared_on: '2024-02-11',
        fta: true,
        note: null,
      },
      // '98만' is not a number and 30 February is not a date: both become empty (and are reported).
      { decl_no: 'D004', hs6: '220300', value_krw: null, qty: null, declared_on: null, fta: true, note: '검토' },
      {
        decl_no: 'D005',
        hs6: '030389',
        value_krw: null,
        qty: null,
        declared_on: '2024-03-01',
        fta: false,
        note: '정상',
      },
    ]);
  });

  it('reports per column what converted and what did not, with the first mismatch', async () => {
    const rows = await applyNode(engine, 'prep.infer_types', { columns: TYPES }, { table: RAW, port: 'report' });
    // Blank values (D005's value, D004's qty) count in the total but neither as converted nor as mismatched.
    expect(rows).toEqual([
      {
        column: 'value_krw',
        from_type: 'VARCHAR',
        to_type: 'DOUBLE',
        total: 5,
        converted: 3,
        mismatched: 1,
        example_mismatch: '98만',
      },
      {
        column: 'qty',
        from_type: 'VARCHAR',
        to_type: 'INTEGER',
        total: 5,
        converted: 3,
        mismatched: 1,
        example_mismatch: 'ten',
      },
      {
        column: 'declared_on',
        from_type: 'VARCHAR',
        to_type: 'DATE',
        total: 5,
        converted: 4,
        mismatched: 1,
        example_mismatch: '2024/02/30',
      },
      {
        column: 'fta',
        from_type: 'VARCHAR',
        to_type: 'BOOLEAN',
        total: 5,
        converted: 5,
        mismatched: 0,
        example_mismatch: null,
      },
      {
        column: 'hs6',
        from_type: 'VARCHAR',
        to_type: 'VARCHAR',
        total: 5,
        converted: 5,
        mismatched: 0,
        example_mismatch: null,
      },
    ]);
  });

  it('reads decimals into DECIMAL, timestamps, and refuses integers written with a fraction', async () => {
    const t = values(
      ['v', 'at', 'n'],
      [
        ['1,234.5', '2024-01-05 09:30:00', '1.5'],
        ['-0.25', '2024.01.06', '+7'],
      ],
    );
    const rows = await applyNode(
      engine,
      'prep.infer_types',
      { columns: { v: 'DECIMAL(18,2)', at: 'TIMESTAMP', n: 'BIGINT' } },
      { table: t, port: 'out' },
    );
    // TRY_CAST('1.5' AS BIGINT) would round to 2: the integer pattern refuses it instead.
    expect(rows).toEqual([
      { v: 1234.5, at: '2024-01-05 09:30:00', n: null },
      { v: -0.25, at: '2024-01-06 00:00:00', n: 7 },
    ]);
  });

  it('declares both ports without data', async () => {
    expect(await schemaOf(engine, 'prep.infer_types', { columns: { qty: 'INTEGER' } }, RAW)).toContain('qty:INTEGER');
  });

  it('names the param at fault', async () => {
    await expect(
      applyNode(engine, 'prep.infer_types', { columns: { weight: 'DOUBLE' } }, { table: RAW, port: 'out' }),
    ).rejects.toMatchObject({ param: 'columns.weight' });
    await expect(
      applyNode(engine, 'prep.infer_types', { columns: { qty: 'INT; DROP TABLE x' } }, { table: RAW, port: 'out' }),
    ).rejects.toMatchObject({ param: 'columns.qty' });
  });
});

describe('suggestTypes', () => {
  beforeAll(async () => {
    await engine.createTable(
      'raw',
      RAW.columns,
      RAW.columns.map((_, c) => RAW.rows.map((r) => r[c])),
    );
    const flags = values(
      ['flag', 'code'],
      [
        ['0', '007'],
        ['1', '120'],
        ['1', '300'],
      ],
    );
    await engine.createTable(
      'flags',
      flags.columns,
      flags.columns.map((_, c) => flags.rows.map((r) => r[c])),
    );
  });

  it('suggests types from one profile, keeping codes with leading zeros as text', async () => {
    const s = await suggestTypes(engine, '"raw"', await textColumns(engine, '"raw"'));
    expect(s.map((x) => [x.column, x.suggested, x.nonBlank, x.conforming])).toEqual([
      ['decl_no', 'VARCHAR', 5, 5],
      ['hs6', 'VARCHAR', 5, 5], // 010121 and 030389 start with 0: an HS code, not a number
      ['value_krw', 'VARCHAR', 4, 4], // 3 of 4 are numbers: below the 95% default
      ['qty', 'VARCHAR', 4, 4],
      ['declared_on', 'VARCHAR', 5, 5], // 4 of 5 are dates
      ['fta', 'BOOLEAN', 5, 5],
      ['note', 'VARCHAR', 3, 3], // '' is blank, like NULL
    ]);
    expect(s[1]!.reason.ko).toBe('앞자리 0이 있는 코드 (예: HS 코드)');
    expect(s[0]).toMatchObject({ fromType: 'VARCHAR', total: 5 });
  });

  it('accepts a lower share of fitting values, and gives the node its columns param', async () => {
    const s = await suggestTypes(engine, '"raw"', ['value_krw', 'qty', 'declared_on', 'fta'], { minShare: 0.7 });
    expect(s.map((x) => [x.column, x.suggested, x.conforming])).toEqual([
      ['value_krw', 'DOUBLE', 3],
      ['qty', 'BIGINT', 3],
      ['declared_on', 'DATE', 4],
      ['fta', 'BOOLEAN', 5],
    ]);
    expect(s[0]!.reason).toEqual({ ko: '숫자 75%', en: 'numbers 75%' });
    expect(typesParam(s)).toEqual({ value_krw: 'DOUBLE', qty: 'BIGINT', declared_on: 'DATE', fta: 'BOOLEAN' });
  });

  it('reads 0/1 as numbers, not yes/no', async () => {
    const s = await suggestTypes(engine, '"flags"', ['flag', 'code']);
    expect(s.map((x) => x.suggested)).toEqual(['BIGINT', 'VARCHAR']);
  });

  it('refuses a column that is not there', async () => {
    await expect(suggestTypes(engine, '"raw"', ['weight'])).rejects.toThrow(/weight/);
  });
});
