import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../engine/duckdb-node.ts';
import { createWasmEngineForNode } from '../engine/duckdb-wasm-node.ts';
import type { Engine } from '../engine/engine.ts';
import { explainEngineError, positionInUserText } from './duckdb.ts';
import { renderMessage } from './render.ts';

/** What the sql node sends (nodes/sql/sql.ts): the officer's text inside a CTE wrapper, three lines down. */
const wrap = (q: string) => `WITH "input" AS (SELECT * FROM t)\nSELECT * FROM (\n${q}\n)`;

/** Each bad query, where the officer's mistake is (line, column in their own text), and the Korean explanation. */
const CASES: { query: string; at: { line: number; column: number }; ko: string }[] = [
  {
    query: 'SELECT amout FROM input',
    at: { line: 1, column: 8 },
    ko: '"amout" 열을 찾을 수 없습니다. 비슷한 이름: "amount"',
  },
  {
    // The hidden wrapper's ")" is where DuckDB stops: the officer's text ended too early.
    query: 'SELECT hs_code, amount\nFROM input\nWHERE amount > 1 AND',
    at: { line: 3, column: 21 },
    ko: '문법 오류: 문장이 끝나지 않았습니다 (괄호나 따옴표가 닫혔는지 확인하세요)',
  },
  {
    query: 'SELECT * FROM inptu',
    at: { line: 1, column: 15 },
    ko: '"inptu" 테이블(입력)을 찾을 수 없습니다. 입력은 연결된 앞 노드의 ID나 input으로 부릅니다.',
  },
  {
    query: 'SELECT CAST(hs_code AS INTEGER) FROM input',
    at: { line: 1, column: 8 },
    ko: "값 'a'를 정수로 바꿀 수 없습니다. 형 변환(TRY_CAST) 또는 조건을 확인하세요",
  },
  {
    query: 'SELECT hs_code + 1 FROM input',
    at: { line: 1, column: 16 },
    ko: '자료형이 맞지 않습니다: +(VARCHAR, INTEGER_LITERAL). 비교하거나 계산하는 두 값의 형이 같은지 확인하세요',
  },
  {
    query: 'SELECT\n  hs_code,\n  amount FROM input WHER amount > 1',
    at: { line: 3, column: 26 },
    ko: '문법 오류: "amount" 근처를 확인하세요',
  },
  {
    query: 'SELECT hs_code, sum(amount) FROM input',
    at: { line: 1, column: 8 },
    ko: '"hs_code" 열은 GROUP BY에 넣거나 집계 함수(SUM, COUNT 등)로 감싸야 합니다',
  },
  {
    query: 'SELECT foo(amount) FROM input',
    at: { line: 1, column: 8 },
    ko: '"foo" 함수가 없습니다. 비슷한 이름: "floor"',
  },
  {
    query: "SELECT * FROM input WHERE d > 'abc'",
    at: { line: 1, column: 31 },
    ko: "값 'abc'를 날짜로 바꿀 수 없습니다. 형 변환(TRY_CAST) 또는 조건을 확인하세요",
  },
];

for (const [name, create] of [
  ['native', () => DuckDBNodeEngine.create()],
  ['wasm', createWasmEngineForNode],
] as const) {
  describe(`DuckDB errors explained (${name} engine)`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await create();
      await engine.exec(`CREATE TABLE t AS SELECT 1 AS amount, 'a' AS hs_code, DATE '2024-01-01' AS d`);
    }, 60_000);
    afterAll(() => engine?.close());

    for (const c of CASES) {
      it(JSON.stringify(c.query), async () => {
        const error = await engine.query(wrap(c.query)).then(
          () => undefined,
          (e: Error) => e.message,
        );
        expect(error).toBeDefined();
        const explained = explainEngineError(error!, { userText: c.query });
        expect(explained.at).toEqual(c.at);
        expect(renderMessage(explained.message, 'ko')).toBe(c.ko);
        expect(explained.original).toBe(error);
      });
    }
  });
}

describe('engine texts without a live engine', () => {
  it('classifies memory and interruption', () => {
    const oom = explainEngineError(
      'Out of Memory Error: failed to allocate data of size 64.0 MiB (1.9 GiB/1.9 GiB used)',
    );
    expect(renderMessage(oom.message, 'ko')).toContain('메모리가 부족합니다');
    expect(renderMessage(explainEngineError('INTERRUPT Error: Interrupted!').message, 'ko')).toBe(
      '실행이 중단되었습니다',
    );
    expect(renderMessage(explainEngineError('Invalid Input Error: division by zero').message, 'ko')).toContain(
      '0으로 나누었습니다',
    );
  });

  it('offers close column names from the input when DuckDB gives none', () => {
    const e = explainEngineError('Binder Error: Referenced column "tax_amout" not found in FROM clause!', {
      columns: ['tax_amount', 'hs_code', 'declared_value'],
    });
    expect(renderMessage(e.message, 'ko')).toBe('"tax_amout" 열을 찾을 수 없습니다. 비슷한 이름: "tax_amount"');
  });

  it('finds a context DuckDB shortened with ellipses', () => {
    const user = `SELECT a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, zz FROM input WHERE nope > 1`;
    const shown = '...r, s, t, u, v, w, x, y, z, zz FROM input WHERE nope > 1';
    const caret = `${' '.repeat('LINE 3: '.length + shown.indexOf('nope'))}^`;
    const text = `Binder Error: Referenced column "nope" not found\n\nLINE 3: ${shown}\n${caret}`;
    expect(positionInUserText(text, user)).toEqual({ line: 1, column: user.indexOf('nope') + 1 });
  });
});
