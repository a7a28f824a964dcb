import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { HS_CHAPTERS } from './code-lists/hs-chapters.ts';
import { ISO_3166_ALPHA2 } from './code-lists/iso-3166-alpha2.ts';
import { ISO_4217 } from './code-lists/iso-4217.ts';
import { applyNode, nodeDefinitions, type Table } from './prep-test-kit.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const DECLS = values(
  ['decl_no', 'importer_id', 'hs_code', 'origin', 'currency', 'value_krw:BIGINT'],
  [
    ['D001', 'C01', '0101.21', 'CN', 'USD', 1200000],
    ['D002', null, '851712', 'VN', 'USD', 350000],
    ['D003', 'C01', '8517120000', 'KR', 'KRW', -5],
    ['D004', '  ', '77010', 'XX', 'ABC', 980000],
    ['D004', 'C02', '7701000000', 'DE', 'EUR', 25000000],
    ['d006', 'C0003', '9901', 'JP', 'JPY', 500],
    ['D007', 'C04', null, 'US', 'USD', null],
  ],
);

const RULES = [
  { rule: 'required', column: 'importer_id' },
  { rule: 'range', column: 'value_krw', min: 0, max: 100000000 },
  { rule: 'regex', column: 'decl_no', pattern: 'D[0-9]{3}' },
  { rule: 'unique', columns: ['decl_no'] },
  { rule: 'hs_code', column: 'hs_code' },
  { rule: 'country', column: 'origin' },
  { rule: 'currency', column: 'currency' },
  { rule: 'max_length', column: 'importer_id', max: 3 },
  { rule: 'allowed', column: 'origin', values: ['CN', 'VN', 'KR', 'DE', 'JP', 'US'] },
];

const run = (params: Record<string, unknown>, port: string, table: Table = DECLS) =>
  applyNode(engine, 'prep.validate', params, { table, port });

describe('prep.validate', () => {
  it('passes rows that break no rule; empty values are checked only by "required"', async () => {
    const rows = await run({ rules: RULES }, 'valid');
    expect(rows).toEqual([
      { decl_no: 'D001', importer_id: 'C01', hs_code: '0101.21', origin: 'CN', currency: 'USD', value_krw: 1200000 },
      { decl_no: 'D007', importer_id: 'C04', hs_code: null, origin: 'US', currency: 'USD', value_krw: null },
    ]);
  });

  it('rejects the others with every failed rule, in Korean and English, in rule order', async () => {
    const rows = await run({ rules: RULES }, 'rejected');
    expect(rows.map((r) => [r.decl_no, r.reason])).toEqual([
      ['D002', '필수값 누락: importer_id (missing required value: importer_id)'],
      ['D003', '범위 벗어남: value_krw (0~100000000) (out of range: value_krw (0~100000000))'],
      [
        'D004',
        [
          '필수값 누락: importer_id (missing required value: importer_id)', // blank text is missing too
          '중복: decl_no (duplicate: decl_no)',
          'HS 코드 자릿수 오류: hs_code (6 또는 10자리) (HS code is not 6 or 10 digits: hs_code)', // 77010: 5 digits
          '국가코드 오류: origin (not an ISO 3166 country code: origin)',
          '통화코드 오류: currency (not an ISO 4217 currency code: currency)',
          '허용되지 않은 값: origin (value not allowed: origin)',
        ].join('; '),
      ],
      [
        'D004',
        [
          '중복: decl_no (duplicate: decl_no)',
          'HS 코드 류 오류: hs_code (01~97류, 77류 제외) (HS code chapter is not 01–97 (77 is reserved): hs_code)',
        ].join('; '),
      ],
      [
        'd006',
        [
          '형식 불일치: decl_no (does not match the pattern: decl_no)',
          'HS 코드 자릿수 오류: hs_code (6 또는 10자리) (HS code is not 6 or 10 digits: hs_code)',
          '길이 초과: importer_id (최대 3자) (too long: importer_id (max 3 characters))',
        ].join('; '),
      ],
    ]);
    // The rejected rows keep every input column, then the reason.
    expect(Object.keys(rows[0]!)).toEqual([
      'decl_no',
      'importer_id',
      'hs_code',
      'origin',
      'currency',
      'value_krw',
      'reason',
    ]);
  });

  it('lets the first of a duplicate pass with keep: first, and requires exact digit counts', async () => {
    const rules = [
      { rule: 'unique', columns: ['decl_no'], keep: 'first' },
      { rule: 'hs_code', column: 'hs_code', digits: '10' },
    ];
    const rejected = await run({ rules }, 'rejected');
    // 0101.21 and 851712 have 6 digits; 77010 and 9901 neither; only the second D004 is a duplicate.
    expect(rejected.map((r) => r.reason)).toEqual([
      'HS 코드 자릿수 오류: hs_code (10자리) (HS code is not 10 digits: hs_code)',
      'HS 코드 자릿수 오류: hs_code (10자리) (HS code is not 10 digits: hs_code)',
      'HS 코드 자릿수 오류: hs_code (10자리) (HS code is not 10 digits: hs_code)',
      '중복: decl_no (duplicate: decl_no); HS 코드 류 오류: hs_code (01~97류, 77류 제외) (HS code chapter is not 01–97 (77 is reserved): hs_code)',
      'HS 코드 자릿수 오류: hs_code (10자리) (HS code is not 10 digits: hs_code)',
    ]);
    expect(rejected.map((r) => r.decl_no)).toEqual(['D001', 'D002', 'D004', 'D004', 'd006']);
  });

  it('checks ranges on dates and allowed numbers', async () => {
    const t = values(
      ['decl_no', 'day:DATE', 'qty:INTEGER'],
      [
        ['D001', '2023-12-31', 1],
        ['D002', '2024-06-30', 5],
        ['D003', '2025-01-01', 3],
      ],
    );
    const rules = [
      { rule: 'range', column: 'day', min: '2024-01-01', max: '2024-12-31' },
      { rule: 'allowed', column: 'qty', values: [1, 3] },
    ];
    expect((await run({ rules }, 'valid', t)).map((r) => r.decl_no)).toEqual([]);
    expect((await run({ rules }, 'rejected', t)).map((r) => r.reason)).toEqual([
      '범위 벗어남: day (2024-01-01~2024-12-31) (out of range: day (2024-01-01~2024-12-31))',
      '허용되지 않은 값: qty (value not allowed: qty)',
      '범위 벗어남: day (2024-01-01~2024-12-31) (out of range: day (2024-01-01~2024-12-31))',
    ]);
  });

  it('checks that HS codes exist in a connected code table (10-digit HSK or 6-digit HS)', async () => {
    const decls = values(
      ['decl_no', 'hs'],
      [
        ['D1', '0101.21'],
        ['D2', '8517.12-0000'],
        ['D3', '2203001000'],
        ['D4', '220300'],
      ],
    );
    const check = async (codes: string[]) => {
      const d = doc(
        [
          { id: 'decl', type: 'test.values', params: decls },
          {
            id: 'hsk',
            type: 'test.values',
            params: values(
              ['code'],
              codes.map((c) => [c]),
            ),
          },
          { id: 'v', type: 'prep.validate', params: { rules: [{ rule: 'hs_code', column: 'hs', knownIn: 'code' }] } },
          { id: 'out', type: 'sql', params: { query: 'SELECT decl_no FROM input' } },
        ],
        [
          ['decl', 'v'],
          { source: 'hsk', target: 'v', targetPort: 'codes' },
          { source: 'v', sourcePort: 'rejected', target: 'out' },
        ],
      );
      const rows = (await runtimeFor(engine, nodeDefinitions).preview(resolve(d, nodeDefinitions), 'out')).rows;
      return rows.map((r) => r.decl_no);
    };
    // HSK list: 0101.21 matches 0101211000 by its 6 digits; 2203001000 is not listed (only 2203000000 is).
    expect(await check(['0101211000', '8517120000', '2203000000'])).toEqual(['D3']);
    // HS6 list: a 10-digit code matches its subheading; 220300 is not listed.
    expect(await check(['010121', '851712'])).toEqual(['D3', 'D4']);
  });

  it('names the param at fault', async () => {
    const bad = (rules: unknown[]) => run({ rules }, 'valid');
    await expect(bad([{ rule: 'required', column: 'importer' }])).rejects.toMatchObject({ param: 'rules.0.column' });
    await expect(bad([{ rule: 'range', column: 'value_krw' }])).rejects.toMatchObject({ param: 'rules.0.min' });
    await expect(bad([{ rule: 'range', column: 'origin', min: 1 }])).rejects.toMatchObject({ param: 'rules.0.column' });
    await expect(bad([{ rule: 'range', column: 'value_krw', max: '1억' }])).rejects.toMatchObject({
      param: 'rules.0.max',
    });
    await expect(bad([{ rule: 'unique', columns: ['decl_no', 'port'] }])).rejects.toMatchObject({
      param: 'rules.0.columns.1',
    });
    await expect(bad([{ rule: 'hs_code', column: 'hs_code', knownIn: 'code' }])).rejects.toMatchObject({
      param: 'rules.0.knownIn',
      message: expect.stringMatching(/codes/),
    });
    const withReason = values(['reason'], [['x']]);
    await expect(run({ rules: [{ rule: 'required', column: 'reason' }] }, 'valid', withReason)).rejects.toThrow(
      /already has a column "reason"/,
    );
    await expect(bad([{ rule: 'nonsense', column: 'x' }])).rejects.toThrow(/discriminator.*'hs_code'/);
  });
});

describe('code lists', () => {
  it('hold the expected codes', () => {
    expect(ISO_3166_ALPHA2).toHaveLength(249);
    expect(ISO_3166_ALPHA2).toEqual(expect.arrayContaining(['KR', 'CN', 'VN', 'US', 'DE', 'NA', 'KP']));
    expect(ISO_3166_ALPHA2).not.toContain('XK');
    expect(ISO_4217).toEqual(expect.arrayContaining(['KRW', 'USD', 'EUR', 'CNY', 'JPY', 'VND']));
    expect(ISO_4217).not.toContain('HRK');
    expect(HS_CHAPTERS).toHaveLength(96);
    expect(HS_CHAPTERS[0]).toBe('01');
    expect(HS_CHAPTERS).not.toContain('77');
    expect(HS_CHAPTERS.at(-1)).toBe('97');
  });
});
