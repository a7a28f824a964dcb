import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../../runtime/engine/duckdb-node.ts';
import { createWasmEngineForNode } from '../../../runtime/engine/duckdb-wasm-node.ts';
import type { Engine } from '../../../runtime/engine/engine.ts';
import { stringLiteral } from '../../../runtime/sql/quote.ts';
import { type KeyMethod, keyFunction, normalizeCompanyName } from './keys.ts';
import { keySql, normalizeCompanyNameSql } from './keys-sql.ts';

const VALUES = [
  '(주)한빛무역',
  '㈜한빛무역',
  '한빛무역 주식회사',
  '한빛 무역',
  '한빛무역(주)',
  'Hanbit Trading Co., Ltd.',
  'HANBIT TRADING CO LTD',
  'Hanbit Muyeok',
  'ＨＡＮＢＩＴ　무역',
  '한빛'.normalize('NFD'),
  '',
  '...',
  'L.L.C.',
  'Kim & Lee LLC',
  '유한회사 바다상사',
  '바다상사(유)',
  '  trading, hanbit ',
  "O'Brien Co.",
  'a',
  'ab',
  '신라',
  '값닭꽃',
  'ㄱㄴ 관세청',
  'トヨタ㈱',
  'HS 8517.12',
];
const METHODS: [KeyMethod, { ngram?: number }][] = [
  ['fingerprint', {}],
  ['ngram', {}],
  ['ngram', { ngram: 1 }],
  ['ngram', { ngram: 3 }],
  ['jamo', {}],
  ['chosung', {}],
  ['romanized', {}],
  ['company', {}],
];

let native: Engine;
let wasm: Engine;
beforeAll(async () => {
  [native, wasm] = await Promise.all([DuckDBNodeEngine.create(), createWasmEngineForNode()]);
});
afterAll(async () => {
  await native.close();
  await wasm.close();
});

const table = `(VALUES ${VALUES.map((v, i) => `(${i}, ${stringLiteral(v)})`).join(', ')}) AS t(i, v)`;

describe.each([
  ['DuckDB native', () => native],
  ['DuckDB-WASM', () => wasm],
])('keys in SQL on %s', (_, engine) => {
  it.each(METHODS)('%s %o gives the same keys as in JS', async (method, options) => {
    const r = await engine().query(`SELECT i, ${keySql(method, 'v', options)} AS k FROM ${table} ORDER BY i`);
    const key = keyFunction(method, options);
    expect(r.rows.map((row) => row.k)).toEqual(VALUES.map(key));
  });

  it('normalizes company names as in JS, and keeps NULL', async () => {
    const r = await engine().query(
      `SELECT i, ${normalizeCompanyNameSql('v')} AS n, ${keySql('romanized', 'NULL::VARCHAR')} AS z FROM ${table} ORDER BY i`,
    );
    expect(r.rows.map((row) => row.n)).toEqual(VALUES.map(normalizeCompanyName));
    expect(r.rows.every((row) => row.z === null)).toBe(true);
  });
});
