import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { ParamError } from '../../runtime/errors.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { sourceFile, sourceFileParams } from '../source/file.ts';
import { outputFile, outputFileParams } from './file.ts';

let dir: string;
let engine: DuckDBNodeEngine;
let files: NodeFileAccess;
let n = 0;

const DECLARATIONS = `SELECT * FROM (VALUES
    ('010121', 3::INTEGER, 1.5::DOUBLE, DATE '2024-01-05', TIMESTAMP '2024-01-05 10:20:30', TRUE, '서울'),
    ('847130', 10::INTEGER, 2.25::DOUBLE, DATE '2024-02-29', TIMESTAMP '2024-02-29 00:00:01', FALSE, NULL)
  ) AS t(hs, qty, price, day, "at", ok, office)`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'output-file-test-'));
  engine = await DuckDBNodeEngine.create();
  files = new NodeFileAccess({ baseDir: dir, engine });
  await engine.exec(`CREATE TABLE decl AS ${DECLARATIONS}`);
});
afterAll(async () => {
  await files.close();
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

async function write(params: unknown, input = '"decl"') {
  if (outputFile.kind !== 'sink') throw new Error('output.file must be a sink');
  const p = outputFileParams.parse(params);
  const schema = await engine.describe(`SELECT * FROM ${input}`);
  return outputFile.write({ nodeId: 'out', params: p, engine, files, input, schema });
}

async function readBack(params: unknown) {
  if (sourceFile.kind !== 'source') throw new Error('source.file must be a source');
  const result = await sourceFile.load({
    nodeId: 'src',
    params: sourceFileParams.parse(params),
    engine,
    files,
    tableName: `back${++n}`,
  });
  return { schema: result.schema, rows: (await engine.query(`SELECT * FROM ${result.relation}`)).rows };
}

const ORIGINAL_ROWS = [
  { hs: '010121', qty: 3, price: 1.5, day: '2024-01-05', at: '2024-01-05 10:20:30', ok: true, office: '서울' },
  { hs: '847130', qty: 10, price: 2.25, day: '2024-02-29', at: '2024-02-29 00:00:01', ok: false, office: null },
];

describe('output.file params', () => {
  it('takes only path and format', () => {
    expect(outputFileParams.safeParse({ path: 'a.csv', format: 'csv' }).success).toBe(true);
    expect(outputFileParams.safeParse({ path: 'a.csv', format: 'csv', bom: true }).success).toBe(false);
    expect(outputFileParams.safeParse({ path: 'a.txt', format: 'txt' }).success).toBe(false);
    expect(outputFileParams.safeParse({ format: 'csv' }).success).toBe(false);
  });
});

describe('output.file', () => {
  it('writes UTF-8 CSV with a header, creating the folder, leaving no temp file', async () => {
    expect(await write({ path: 'out/csv/decl.csv', format: 'csv' })).toEqual({ rows: 2 });
    expect(await readFile(path.join(dir, 'out/csv/decl.csv'), 'utf8')).toBe(
      'hs,qty,price,day,at,ok,office\n' +
        '010121,3,1.5,2024-01-05,2024-01-05 10:20:30,true,서울\n' +
        '847130,10,2.25,2024-02-29,2024-02-29 00:00:01,false,\n',
    );
    expect(await readdir(path.join(dir, 'out/csv'))).toEqual(['decl.csv']);
  });

  it('reads its CSV back with the same rows (codes stay text)', async () => {
    await write({ path: 'rt.csv', format: 'csv' });
    const back = await readBack({ path: 'rt.csv', format: 'csv' });
    expect(back.rows).toEqual(ORIGINAL_ROWS);
  });

  it('writes newline-delimited JSON', async () => {
    expect(await write({ path: 'decl.json', format: 'json' })).toEqual({ rows: 2 });
    expect(await readFile(path.join(dir, 'decl.json'), 'utf8')).toBe(
      '{"hs":"010121","qty":3,"price":1.5,"day":"2024-01-05","at":"2024-01-05 10:20:30","ok":true,"office":"서울"}\n' +
        '{"hs":"847130","qty":10,"price":2.25,"day":"2024-02-29","at":"2024-02-29 00:00:01","ok":false,"office":null}\n',
    );
    const back = await readBack({ path: 'decl.json', format: 'json' });
    expect(back.rows).toEqual(ORIGINAL_ROWS);
  });

  it('round-trips Parquet with types intact', async () => {
    expect(await write({ path: 'decl.parquet', format: 'parquet' })).toEqual({ rows: 2 });
    const back = await readBack({ path: 'decl.parquet', format: 'parquet' });
    expect(back.schema).toEqual([
      { name: 'hs', type: 'VARCHAR' },
      { name: 'qty', type: 'INTEGER' },
      { name: 'price', type: 'DOUBLE' },
      { name: 'day', type: 'DATE' },
      { name: 'at', type: 'TIMESTAMP' },
      { name: 'ok', type: 'BOOLEAN' },
      { name: 'office', type: 'VARCHAR' },
    ]);
    expect(back.rows).toEqual(ORIGINAL_ROWS);
  });

  it('round-trips XLSX: same rows, integers come back as BIGINT', async () => {
    expect(await write({ path: 'xl/decl.xlsx', format: 'xlsx' })).toEqual({ rows: 2 });
    const back = await readBack({ path: 'xl/decl.xlsx', format: 'xlsx' });
    expect(back.schema).toEqual([
      { name: 'hs', type: 'VARCHAR' },
      { name: 'qty', type: 'BIGINT' },
      { name: 'price', type: 'DOUBLE' },
      { name: 'day', type: 'DATE' },
      { name: 'at', type: 'TIMESTAMP' },
      { name: 'ok', type: 'BOOLEAN' },
      { name: 'office', type: 'VARCHAR' },
    ]);
    expect(back.rows).toEqual(ORIGINAL_ROWS);
    expect(await readdir(path.join(dir, 'xl'))).toEqual(['decl.xlsx']);
  });

  it('replaces an existing file', async () => {
    await write({ path: 'again.csv', format: 'csv' });
    await write({ path: 'again.csv', format: 'csv' }, '(SELECT 1 AS n)');
    expect(await readFile(path.join(dir, 'again.csv'), 'utf8')).toBe('n\n1\n');
  });

  it('refuses more rows than an Excel sheet holds', async () => {
    const error = await write({ path: 'huge.xlsx', format: 'xlsx' }, '(SELECT range AS i FROM range(1048576))').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ParamError);
    expect((error as ParamError).param).toBe('format');
    expect((error as ParamError).message).toBe(
      '1,048,576 rows do not fit in an Excel sheet (at most 1,048,575 below the header). Write csv or parquet instead, or filter or aggregate first.',
    );
    expect(await readdir(dir)).not.toContain('huge.xlsx');
  });

  it('leaves nothing behind when COPY fails', async () => {
    await expect(write({ path: 'fail/x.csv', format: 'csv' }, "(SELECT error('boom') AS e)")).rejects.toThrow('boom');
    expect(await readdir(path.join(dir, 'fail'))).toEqual([]);
  });
});
