import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { ParamError } from '../../runtime/errors.ts';
import type { SourceResult } from '../../runtime/nodes/define-node.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { sourceFile, sourceFileParams } from './file.ts';

let dir: string;
let engine: DuckDBNodeEngine;
let files: NodeFileAccess;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'source-formats-test-'));
  engine = await DuckDBNodeEngine.create();
  files = new NodeFileAccess({ baseDir: dir, engine });
  await writeXlsxFixture(path.join(dir, 'book.xlsx'));
});
afterAll(async () => {
  await files.close();
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

async function load(params: unknown): Promise<SourceResult> {
  if (sourceFile.kind !== 'source') throw new Error('source.file must be a source node');
  return sourceFile.load({
    nodeId: 'src',
    params: sourceFileParams.parse(params),
    engine,
    files,
    tableName: `f${++n}`,
  });
}

async function rows(result: SourceResult) {
  return (await engine.query(`SELECT * FROM ${result.relation}`)).rows;
}

/** Sheet "신고" (declarations) with typed cells, and a second sheet "요약". */
async function writeXlsxFixture(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('신고');
  ws.addRow(['hs', 'qty', 'price', 'day', 'at', 'ok', 'mixed', '', 'total']);
  ws.addRow([
    '010121',
    3,
    1.5,
    new Date(Date.UTC(2024, 0, 5)),
    new Date(Date.UTC(2024, 0, 5, 10, 20, 30)),
    true,
    'a',
    null,
    { formula: 'B2*C2', result: 4.5 },
  ]);
  ws.addRow([]); // an empty row is skipped
  ws.addRow([
    '847130',
    10,
    2,
    new Date(Date.UTC(2024, 1, 29)),
    new Date(Date.UTC(2024, 1, 29, 0, 0, 1)),
    false,
    7,
    'x',
    { formula: 'B4*C4', result: 20 },
  ]);
  ws.addRow(['020304', null, 0.25, null, null, null, null, null, { richText: [{ text: '합' }, { text: '계' }] }]);
  wb.addWorksheet('요약').addRow(['n']);
  wb.getWorksheet('요약')!.addRow([2]);
  await writeFile(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe('source.file: XLSX', () => {
  it('reads the first sheet with a type per column and leading zeros kept', async () => {
    const result = await load({ path: 'book.xlsx', format: 'xlsx' });
    expect(result.schema).toEqual([
      { name: 'hs', type: 'VARCHAR' },
      { name: 'qty', type: 'BIGINT' },
      { name: 'price', type: 'DOUBLE' },
      { name: 'day', type: 'DATE' },
      { name: 'at', type: 'TIMESTAMP' },
      { name: 'ok', type: 'BOOLEAN' },
      { name: 'mixed', type: 'VARCHAR' },
      { name: 'column8', type: 'VARCHAR' },
      { name: 'total', type: 'VARCHAR' },
    ]);
    expect(await rows(result)).toEqual([
      {
        hs: '010121',
        qty: 3,
        price: 1.5,
        day: '2024-01-05',
        at: '2024-01-05 10:20:30',
        ok: true,
        mixed: 'a',
        column8: null,
        total: '4.5',
      },
      {
        hs: '847130',
        qty: 10,
        price: 2,
        day: '2024-02-29',
        at: '2024-02-29 00:00:01',
        ok: false,
        mixed: '7',
        column8: 'x',
        total: '20',
      },
      {
        hs: '020304',
        qty: null,
        price: 0.25,
        day: null,
        at: null,
        ok: null,
        mixed: null,
        column8: null,
        total: '합계',
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('picks a sheet by name or 1-based position', async () => {
    const byName = await load({ path: 'book.xlsx', format: 'xlsx', options: { sheet: '요약' } });
    expect(await rows(byName)).toEqual([{ n: 2 }]);
    const byIndex = await load({ path: 'book.xlsx', format: 'xlsx', options: { sheet: 2 } });
    expect(await rows(byIndex)).toEqual([{ n: 2 }]);
  });

  it('lists the sheets there are when the one asked for is missing', async () => {
    const error = await load({ path: 'book.xlsx', format: 'xlsx', options: { sheet: 'Sheet9' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ParamError);
    expect((error as ParamError).param).toBe('options.sheet');
    expect((error as ParamError).message).toBe('Sheet "Sheet9" is not in "book.xlsx"; it has "신고", "요약".');
    await expect(load({ path: 'book.xlsx', format: 'xlsx', options: { sheet: 3 } })).rejects.toThrow(
      'Sheet number 3 is not in "book.xlsx"',
    );
  });

  it('says which file is not an XLSX workbook', async () => {
    await writeFile(path.join(dir, 'fake.xlsx'), 'id,name\n1,a\n');
    await expect(load({ path: 'fake.xlsx', format: 'xlsx' })).rejects.toThrow(
      /^"fake\.xlsx": XLSX 파일 구조가 올바르지 않습니다/,
    );
  });
});

describe('source.file: JSON and Parquet', () => {
  it('reads newline-delimited JSON and a JSON array alike', async () => {
    await writeFile(path.join(dir, 'lines.json'), '{"hs":"010121","qty":3}\n{"hs":"847130","qty":10}\n');
    await writeFile(path.join(dir, 'array.json'), '[{"hs":"010121","qty":3},{"hs":"847130","qty":10}]');
    const expected = [
      { hs: '010121', qty: 3 },
      { hs: '847130', qty: 10 },
    ];
    const lines = await load({ path: 'lines.json', format: 'json' });
    expect(lines.schema).toEqual([
      { name: 'hs', type: 'VARCHAR' },
      { name: 'qty', type: 'BIGINT' },
    ]);
    expect(await rows(lines)).toEqual(expected);
    expect(await rows(await load({ path: 'array.json', format: 'json' }))).toEqual(expected);
  });

  it('reads Parquet with its stored types', async () => {
    await engine.exec(
      `COPY (SELECT '030'::VARCHAR AS office, 7::INTEGER AS n, DATE '2024-01-05' AS day) TO '${path.join(dir, 'p.parquet')}' (FORMAT parquet)`,
    );
    const result = await load({ path: 'p.parquet', format: 'parquet' });
    expect(result.schema).toEqual([
      { name: 'office', type: 'VARCHAR' },
      { name: 'n', type: 'INTEGER' },
      { name: 'day', type: 'DATE' },
    ]);
    expect(await rows(result)).toEqual([{ office: '030', n: 7, day: '2024-01-05' }]);
  });

  it('names the file DuckDB could not read', async () => {
    await writeFile(path.join(dir, 'bad.parquet'), 'not parquet');
    await expect(load({ path: 'bad.parquet', format: 'parquet' })).rejects.toThrow(
      /^Cannot read "bad\.parquet" as PARQUET: /,
    );
    await writeFile(path.join(dir, 'bad.json'), '{"a": 1,,}');
    await expect(load({ path: 'bad.json', format: 'json' })).rejects.toThrow(/^Cannot read "bad\.json" as JSON: /);
  });
});
