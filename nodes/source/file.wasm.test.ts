import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { createWasmEngineForNode } from '../../runtime/engine/duckdb-wasm-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import type { SourceResult } from '../../runtime/nodes/define-node.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { outputFile, outputFileParams } from '../output/file.ts';
import { sourceFile, sourceFileParams } from './file.ts';

/** The browser's engine (DuckDB-WASM, no parquet/json extensions) reading local files through NodeFileAccess. */
let dir: string;
let engine: Engine;
let files: NodeFileAccess;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'source-wasm-test-'));
  engine = await createWasmEngineForNode();
  files = new NodeFileAccess({ baseDir: dir, engine });
});
afterAll(async () => {
  await files.close();
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
});

async function load(params: unknown): Promise<SourceResult> {
  if (sourceFile.kind !== 'source') throw new Error('source.file must be a source node');
  return sourceFile.load({
    nodeId: 'src',
    params: sourceFileParams.parse(params),
    engine,
    files,
    tableName: `w${++n}`,
  });
}

async function rows(result: SourceResult) {
  return (await engine.query(`SELECT * FROM ${result.relation}`)).rows;
}

describe('source.file on DuckDB-WASM', () => {
  it('reads CSV through a registered buffer: CP949, leading zeros, ragged lines', async () => {
    // "코드,세관\n030,서울\n1,2,3\n110,부산\n": 코 C4DA 드 B5E5, 세 BCBC 관 B0FC, 서 BCAD 울 BFEF, 부 BACE 산 BBEA
    const bytes = Uint8Array.from([
      0xc4, 0xda, 0xb5, 0xe5, 0x2c, 0xbc, 0xbc, 0xb0, 0xfc, 0x0a, 0x30, 0x33, 0x30, 0x2c, 0xbc, 0xad, 0xbf, 0xef, 0x0a,
      0x31, 0x2c, 0x32, 0x2c, 0x33, 0x0a, 0x31, 0x31, 0x30, 0x2c, 0xba, 0xce, 0xbb, 0xea, 0x0a,
    ]);
    await writeFile(path.join(dir, 'k.csv'), bytes);
    const result = await load({ path: 'k.csv', format: 'csv' });
    expect(result.schema).toEqual([
      { name: '코드', type: 'VARCHAR' },
      { name: '세관', type: 'VARCHAR' },
    ]);
    expect(await rows(result)).toEqual([
      { 코드: '030', 세관: '서울' },
      { 코드: '110', 세관: '부산' },
    ]);
    expect(result.warnings).toEqual([
      { message: '1 line skipped: line 3 has 3 fields where 2 were expected', lines: [3] },
    ]);
  });

  it('restores number types when no value has a leading zero', async () => {
    await writeFile(path.join(dir, 'n.csv'), 'id,price\n1,0.5\n2,10\n');
    const result = await load({ path: 'n.csv', format: 'csv' });
    expect(result.schema).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'price', type: 'DOUBLE' },
    ]);
    expect(await rows(result)).toEqual([
      { id: 1, price: 0.5 },
      { id: 2, price: 10 },
    ]);
  });

  it('reads JSON and Parquet in JS, without the missing extensions', async () => {
    await writeFile(
      path.join(dir, 'd.json'),
      '{"hs":"010121","qty":3,"ok":true}\n{"hs":"847130","qty":null,"ok":false}\n',
    );
    const json = await load({ path: 'd.json', format: 'json' });
    expect(json.schema).toEqual([
      { name: 'hs', type: 'VARCHAR' },
      { name: 'qty', type: 'BIGINT' },
      { name: 'ok', type: 'BOOLEAN' },
    ]);
    expect(await rows(json)).toEqual([
      { hs: '010121', qty: 3, ok: true },
      { hs: '847130', qty: null, ok: false },
    ]);

    const native = await DuckDBNodeEngine.create();
    try {
      await native.exec(
        `COPY (SELECT * FROM (VALUES ('030', 7::INTEGER, 1.5::DOUBLE, DATE '2024-01-05', TIMESTAMP '2024-01-05 10:20:30'),
           ('110', 8, NULL, DATE '2024-02-29', NULL)) AS t(office, n, price, day, ts))
         TO '${path.join(dir, 'p.parquet')}' (FORMAT parquet)`,
      );
    } finally {
      await native.close();
    }
    const parquet = await load({ path: 'p.parquet', format: 'parquet' });
    expect(parquet.schema).toEqual([
      { name: 'office', type: 'VARCHAR' },
      { name: 'n', type: 'BIGINT' },
      { name: 'price', type: 'DOUBLE' },
      { name: 'day', type: 'DATE' },
      { name: 'ts', type: 'TIMESTAMP' },
    ]);
    expect(await rows(parquet)).toEqual([
      { office: '030', n: 7, price: 1.5, day: '2024-01-05', ts: '2024-01-05 10:20:30' },
      { office: '110', n: 8, price: null, day: '2024-02-29', ts: null },
    ]);
  });

  it('writes XLSX and reads it back; COPY formats say they are not available', async () => {
    if (outputFile.kind !== 'sink') throw new Error('output.file must be a sink');
    await engine.exec(`CREATE TABLE src AS SELECT * FROM (VALUES ('010121', 3), ('847130', 10)) AS t(hs, qty)`);
    const schema = await engine.describe('SELECT * FROM "src"');
    const write = (format: string) =>
      outputFile.write({
        nodeId: 'o',
        params: outputFileParams.parse({ path: `o.${format}`, format }),
        engine,
        files,
        input: '"src"',
        schema,
      });
    expect(await write('xlsx')).toEqual({ rows: 2 });
    expect(await rows(await load({ path: 'o.xlsx', format: 'xlsx' }))).toEqual([
      { hs: '010121', qty: 3 },
      { hs: '847130', qty: 10 },
    ]);
    await expect(write('parquet')).rejects.toThrow('Writing parquet is not supported in the browser engine yet');
    await expect(write('csv')).rejects.toThrow('not supported here');
  });
});
