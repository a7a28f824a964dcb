import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';

/**
 * The behaviour every Engine adapter must show. Called from one `*.test.ts` per adapter
 * (the shape of duckdb-wasm's own `index_node.ts` / `index_browser.ts` suites).
 */
export function engineContract(label: string, create: () => Promise<Engine>): void {
  describe(`Engine contract: ${label}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await create();
    });
    afterAll(async () => {
      await engine?.close();
    });

    it('reports a DuckDB version', async () => {
      expect(await engine.version()).toMatch(/^v1\.\d+\.\d+/);
    });

    it('normalizes values the same way on every engine', async () => {
      const r = await engine.query(`SELECT
        42::INTEGER AS i, 9007199254740993::BIGINT AS big, 12::BIGINT AS small_big, 1.25::DECIMAL(10,2) AS dec,
        0.5::DOUBLE AS d, 'ㄱ나다'::VARCHAR AS s, TRUE AS b, DATE '2024-01-05' AS dt,
        TIMESTAMP '2024-01-05 10:20:30' AS ts, NULL::VARCHAR AS n, [1, 2]::INTEGER[] AS l,
        {'a': 1, 'b': 'x'} AS st, count(*) AS cnt, sum(3::INTEGER) AS hsum`);
      expect(r.rows).toEqual([
        {
          i: 42,
          big: '9007199254740993',
          small_big: 12,
          dec: 1.25,
          d: 0.5,
          s: 'ㄱ나다',
          b: true,
          dt: '2024-01-05',
          ts: '2024-01-05 10:20:30',
          n: null,
          l: [1, 2],
          st: { a: 1, b: 'x' },
          cnt: 1,
          hsum: 3,
        },
      ]);
      expect(r.columns.map((c) => c.type)).toEqual([
        'INTEGER',
        'BIGINT',
        'BIGINT',
        'DECIMAL(10,2)',
        'DOUBLE',
        'VARCHAR',
        'BOOLEAN',
        'DATE',
        'TIMESTAMP',
        'VARCHAR',
        'INTEGER[]',
        'STRUCT("a" INTEGER, "b" VARCHAR)',
        'BIGINT',
        'HUGEINT',
      ]);
    });

    it('describes a query without running it', async () => {
      const cols = await engine.describe(
        `SELECT 1::INTEGER AS a, 'x' AS "b c" FROM range(10) WHERE error('ran') IS NULL`,
      );
      expect(cols).toEqual([
        { name: 'a', type: 'INTEGER' },
        { name: 'b c', type: 'VARCHAR' },
      ]);
    });

    it('creates typed tables from column-major data', async () => {
      await engine.createTable(
        't_created',
        [
          { name: 'id', type: 'INTEGER' },
          { name: 'name', type: 'VARCHAR' },
          { name: 'day', type: 'DATE' },
          { name: 'ok', type: 'BOOLEAN' },
        ],
        [
          [1, 2, 3],
          ['가', null, 'c'],
          ['2024-01-01', '2024-02-29', null],
          [true, false, null],
        ],
      );
      const r = await engine.query('SELECT * FROM t_created ORDER BY id');
      expect(r.rows).toEqual([
        { id: 1, name: '가', day: '2024-01-01', ok: true },
        { id: 2, name: null, day: '2024-02-29', ok: false },
        { id: 3, name: 'c', day: null, ok: null },
      ]);
    });

    it('reads a registered CSV file', async () => {
      const csv = new TextEncoder().encode('hs6,value\n010121,10.5\n020130,3\n');
      const where = await engine.registerFile('contract.csv', csv);
      const r = await engine.query(
        `SELECT hs6, value FROM read_csv('${where}', header = true, all_varchar = false, types = {'hs6': 'VARCHAR'}) ORDER BY hs6`,
      );
      expect(r.rows).toEqual([
        { hs6: '010121', value: 10.5 },
        { hs6: '020130', value: 3 },
      ]);
      await engine.dropFile('contract.csv');
    });

    it('turns a SQL error into a rejected promise and stays usable', async () => {
      await expect(engine.query('SELECT no_such_column FROM range(1)')).rejects.toThrow(/no_such_column/);
      expect((await engine.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    });

    it('reads temporal, exotic and nested types as DuckDB prints them', async () => {
      const r = await engine.query(`SELECT
        TIME '10:00:01.5' AS t, INTERVAL 1 DAY + INTERVAL 90 MINUTE AS iv, TIMESTAMP_NS '2024-01-05 10:20:30.123456789' AS tsn,
        DATE '0044-03-15' AS d0, '4306414f-b0d3-4b3f-a410-70914c8e9cdd'::UUID AS u, '\\xAA'::BLOB AS bl,
        'a'::ENUM('a', 'b') AS e, 170141183460469231731687303715884105727::HUGEINT AS hbig, 1::UHUGEINT AS uh,
        18446744073709551615::UBIGINT AS ub, 'NaN'::DOUBLE AS nan, -0.14057288948808966::DECIMAL(18,17) AS dprec,
        [TIMESTAMP '2024-01-01', NULL] AS lts, {'x': DATE '2024-01-01', 'y c': [1.5::DECIMAL(3,1)]} AS sn,
        [1, 2]::INTEGER[2] AS arr`);
      expect(r.rows).toEqual([
        {
          t: '10:00:01.5',
          iv: '1 day 01:30:00',
          tsn: '2024-01-05 10:20:30.123456789',
          d0: '0044-03-15',
          u: '4306414f-b0d3-4b3f-a410-70914c8e9cdd',
          bl: '\\xAA',
          e: 'a',
          hbig: '170141183460469231731687303715884105727',
          uh: 1,
          ub: '18446744073709551615',
          nan: Number.NaN,
          // what node-api's toDouble() gives (128-bit decimal → double); correctly rounded would end in …66
          dprec: -0.14057288948808963,
          lts: ['2024-01-01 00:00:00', null],
          sn: { x: '2024-01-01', 'y c': [1.5] },
          arr: [1, 2],
        },
      ]);
      expect(r.columns.map((c) => c.type)).toEqual([
        'TIME',
        'INTERVAL',
        'TIMESTAMP_NS',
        'DATE',
        'UUID',
        'BLOB',
        "ENUM('a', 'b')",
        'HUGEINT',
        'UHUGEINT',
        'UBIGINT',
        'DOUBLE',
        'DECIMAL(18,17)',
        'TIMESTAMP[]',
        'STRUCT("x" DATE, "y c" DECIMAL(3,1)[])',
        'INTEGER[2]',
      ]);
    });

    it('keeps empty text, NULL and special doubles apart when creating tables', async () => {
      await engine.createTable(
        't_special',
        [
          { name: 'k', type: 'INTEGER' },
          { name: 'x "y"', type: 'DOUBLE' },
          { name: 's', type: 'VARCHAR' },
        ],
        [
          [1, 2, 3, 4],
          [Number.NaN, -0, 1e300, null],
          ['', null, 'a"b,\nc', 'NULL'],
        ],
      );
      const r = await engine.query('SELECT * FROM t_special ORDER BY k');
      expect(r.rows).toEqual([
        { k: 1, 'x "y"': Number.NaN, s: '' },
        { k: 2, 'x "y"': -0, s: null },
        { k: 3, 'x "y"': 1e300, s: 'a"b,\nc' },
        { k: 4, 'x "y"': null, s: 'NULL' },
      ]);
      expect(Object.is(r.rows[1]?.['x "y"'], -0)).toBe(true);
    });

    it('reads statements that are not plain SELECTs, and reports syntax errors as DuckDB does', async () => {
      expect((await engine.query('CREATE TABLE t_count AS SELECT * FROM range(3)')).rows).toEqual([{ Count: 3 }]);
      const r = await engine.query(`SELECT TIMESTAMP '2024-01-05 10:20:30' AS ts; -- a trailing comment`);
      expect(r).toEqual({ columns: [{ name: 'ts', type: 'TIMESTAMP' }], rows: [{ ts: '2024-01-05 10:20:30' }] });
      await expect(engine.query('SELECT 1 +')).rejects.toThrow(/^Parser Error: syntax error/);
    });

    it('rejects an aborted query promptly and stays usable', async () => {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 200);
      await expect(
        engine.query('SELECT count(*) FROM range(10_000_000_000)', { signal: controller.signal }),
      ).rejects.toMatchObject({ name: 'AbortError' });
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect(engine.query('SELECT 1 AS one', { signal: controller.signal })).rejects.toMatchObject({
        name: 'AbortError',
      });
      expect((await engine.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    });

    it('stops the running statement on interrupt() and stays usable', async () => {
      const started = Date.now();
      // Repeat until the statement settles: an interrupt that lands before the statement starts is a no-op.
      const timer = setInterval(() => void engine.interrupt(), 100);
      try {
        await expect(engine.exec('SELECT count(*) FROM range(10_000_000_000)')).rejects.toThrow(/interrupt/i);
      } finally {
        clearInterval(timer);
      }
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await engine.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    });

    it('gives the same aggregate on 1M generated rows', async () => {
      const r = await engine.query(
        `SELECT count(*) AS n, sum(range % 7) AS s, count(DISTINCT range % 1000) AS k FROM range(1000000)`,
      );
      expect(r.rows).toEqual([{ n: 1000000, s: 2999997, k: 1000 }]);
    });
  });
}
