import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  dir = await mkdtemp(path.join(tmpdir(), 'source-file-test-'));
  engine = await DuckDBNodeEngine.create();
  files = new NodeFileAccess({ baseDir: dir, engine });
});
afterAll(async () => {
  await files.close();
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

async function fixture(name: string, content: string | Uint8Array): Promise<string> {
  await writeFile(path.join(dir, name), content);
  return name;
}

async function load(params: unknown): Promise<SourceResult> {
  if (sourceFile.kind !== 'source') throw new Error('source.file must be a source node');
  const tableName = `t${++n}`;
  return sourceFile.load({ nodeId: 'src', params: sourceFileParams.parse(params), engine, files, tableName });
}

async function rows(result: SourceResult) {
  return (await engine.query(`SELECT * FROM ${result.relation}`)).rows;
}

describe('source.file params', () => {
  it('rejects unknown params, also inside options', () => {
    expect(sourceFileParams.safeParse({ path: 'a.csv', format: 'csv', sep: ';' }).success).toBe(false);
    expect(sourceFileParams.safeParse({ path: 'a.csv', format: 'csv', options: { sep: ';' } }).success).toBe(false);
    expect(sourceFileParams.safeParse({ path: 'a.csv', format: 'tsv' }).success).toBe(false);
  });

  it('needs exactly one of path and datasetId', () => {
    expect(sourceFileParams.safeParse({ format: 'csv' }).success).toBe(false);
    expect(sourceFileParams.safeParse({ path: 'a.csv', datasetId: 'd', format: 'csv' }).success).toBe(false);
    expect(sourceFileParams.safeParse({ datasetId: 'd', format: 'csv' }).success).toBe(true);
  });

  it('defaults the encoding to auto and reads \\t as a tab', () => {
    expect(sourceFileParams.parse({ path: 'a', format: 'csv', options: { delimiter: '\\t' } }).options).toEqual({
      delimiter: '\t',
      encoding: 'auto',
    });
  });

  it('labels every field in Korean and English', () => {
    const shape = sourceFileParams.shape;
    const optionShape = shape.options.unwrap().shape;
    for (const field of [...Object.values(shape), ...Object.values(optionShape)]) {
      const label = field.meta()?.label;
      expect(label?.ko).toBeTruthy();
      expect(label?.en).toBeTruthy();
    }
  });
});

describe('source.file: CSV', () => {
  it('reads UTF-8 with sniffed types', async () => {
    await fixture('utf8.csv', 'id,name,value_krw,day\n1,김철수,1500.5,2024-01-05\n2,이영희,20,2024-02-29\n');
    const result = await load({ path: 'utf8.csv', format: 'csv' });
    expect(result.schema).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'name', type: 'VARCHAR' },
      { name: 'value_krw', type: 'DOUBLE' },
      { name: 'day', type: 'DATE' },
    ]);
    expect(await rows(result)).toEqual([
      { id: 1, name: '김철수', value_krw: 1500.5, day: '2024-01-05' },
      { id: 2, name: '이영희', value_krw: 20, day: '2024-02-29' },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.relation).toBe(`"t${n}"`);
  });

  it('drops a UTF-8 byte-order mark from the first column name', async () => {
    await fixture('bom.csv', '\uFEFF품목,qty\nA,1\n');
    const result = await load({ path: 'bom.csv', format: 'csv' });
    expect(result.schema.map((c) => c.name)).toEqual(['품목', 'qty']);
    expect(await rows(result)).toEqual([{ 품목: 'A', qty: 1 }]);
  });

  it('detects and decodes CP949, extension syllables included', async () => {
    // "품목,성명\n0101,똠\n0202,서울\n": 품 C7B0 목 B8F1 성 BCBA 명 B8ED, 똠 8C63 (CP949 extension), 서 BCAD 울 BFEF
    const bytes = Uint8Array.from([
      0xc7, 0xb0, 0xb8, 0xf1, 0x2c, 0xbc, 0xba, 0xb8, 0xed, 0x0a, 0x30, 0x31, 0x30, 0x31, 0x2c, 0x8c, 0x63, 0x0a, 0x30,
      0x32, 0x30, 0x32, 0x2c, 0xbc, 0xad, 0xbf, 0xef, 0x0a,
    ]);
    await fixture('cp949.csv', bytes);
    const auto = await load({ path: 'cp949.csv', format: 'csv' });
    expect(auto.schema).toEqual([
      { name: '품목', type: 'VARCHAR' },
      { name: '성명', type: 'VARCHAR' },
    ]);
    expect(await rows(auto)).toEqual([
      { 품목: '0101', 성명: '똠' },
      { 품목: '0202', 성명: '서울' },
    ]);
    const explicit = await load({ path: 'cp949.csv', format: 'csv', options: { encoding: 'cp949' } });
    expect(await rows(explicit)).toEqual(await rows(auto));
  });

  it('detects and decodes UTF-16 with a byte-order mark', async () => {
    // "a,b\n1,가\n" in UTF-16LE after the BOM FF FE; 가 is U+AC00
    const units = [0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xac00, 0x0a];
    const bytes = Uint8Array.from([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    await fixture('utf16.csv', bytes);
    expect(await rows(await load({ path: 'utf16.csv', format: 'csv' }))).toEqual([{ a: 1, b: '가' }]);
  });

  it('warns when the encoding is unclear and reports lines that are not UTF-8', async () => {
    // line 3 holds bytes that are neither UTF-8 nor CP949 (80 is no lead byte in either)
    await fixture(
      'junk.csv',
      Uint8Array.from([...Buffer.from('a,b\n1,x\n2,'), 0x80, 0x80, 0x80, 0x0a, 0x33, 0x2c, 0x79, 0x0a]),
    );
    const result = await load({ path: 'junk.csv', format: 'csv' });
    expect(await rows(result)).toEqual([
      { a: 1, b: 'x' },
      { a: 3, b: 'y' },
    ]);
    expect(result.warnings).toEqual([
      {
        message:
          'Could not tell the text encoding of "junk.csv"; it was read as UTF-8. If Korean text looks wrong, set the encoding to euc-kr (CP949).',
      },
      {
        message: '1 line skipped: line 3 is not valid UTF-8 text (is the file CP949? set the encoding to euc-kr)',
        lines: [3],
      },
    ]);
  });

  it('skips ragged lines and reports their 1-based line numbers', async () => {
    await fixture('ragged.csv', 'id,name,qty\n1,a,10\n2,b\n3,c,30\n4,d,40,extra\n5,e,50\n6\n');
    const result = await load({ path: 'ragged.csv', format: 'csv' });
    expect(result.schema).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'name', type: 'VARCHAR' },
      { name: 'qty', type: 'BIGINT' },
    ]);
    expect(await rows(result)).toEqual([
      { id: 1, name: 'a', qty: 10 },
      { id: 3, name: 'c', qty: 30 },
      { id: 5, name: 'e', qty: 50 },
    ]);
    expect(result.warnings).toEqual([
      {
        message:
          '3 lines skipped: line 3 has 2 fields where 3 were expected, line 5 has 4 fields where 3 were expected, line 7 has 1 field where 3 were expected',
        lines: [3, 5, 7],
      },
    ]);
  });

  it('counts lines the same way with CRLF line ends and spells out at most five', async () => {
    const lines = ['a,b', '1,2', '3', '4', '5', '6', '7', '8,9'];
    await fixture('crlf.csv', `${lines.join('\r\n')}\r\n`);
    const result = await load({ path: 'crlf.csv', format: 'csv', options: { delimiter: ',' } });
    expect(await rows(result)).toEqual([
      { a: 1, b: 2 },
      { a: 8, b: 9 },
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.lines).toEqual([3, 4, 5, 6, 7]);
    expect(result.warnings[0]!.message).toBe(
      '5 lines skipped: line 3 has 1 field where 2 were expected, line 4 has 1 field where 2 were expected, line 5 has 1 field where 2 were expected, line 6 has 1 field where 2 were expected, line 7 has 1 field where 2 were expected',
    );
  });

  it('keeps codes with leading zeros as text', async () => {
    await fixture('codes.csv', 'hs,office,qty,price\n010121,030,5,0.5\n847130,110,12,10\n020304,031,0,3\n');
    const result = await load({ path: 'codes.csv', format: 'csv' });
    expect(result.schema).toEqual([
      { name: 'hs', type: 'VARCHAR' },
      { name: 'office', type: 'VARCHAR' },
      { name: 'qty', type: 'BIGINT' },
      { name: 'price', type: 'DOUBLE' },
    ]);
    expect(await rows(result)).toEqual([
      { hs: '010121', office: '030', qty: 5, price: 0.5 },
      { hs: '847130', office: '110', qty: 12, price: 10 },
      { hs: '020304', office: '031', qty: 0, price: 3 },
    ]);
  });

  it('keeps leading zeros and rows that appear after the sniffing sample', async () => {
    // 30,000 plain rows (DuckDB samples 20,480), then a zero-led code, a text amount and an impossible date
    const body = Array.from(
      { length: 30_000 },
      (_, i) => `${i + 1},${100 + (i % 800)},${(i + 1) * 10},2024-01-0${1 + (i % 9)}`,
    );
    await fixture('late.csv', ['id,office,amount,day', ...body, '30001,030,N/A,2024-13-45', ''].join('\n'));
    const result = await load({ path: 'late.csv', format: 'csv' });
    expect(result.schema).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'office', type: 'VARCHAR' },
      { name: 'amount', type: 'VARCHAR' },
      { name: 'day', type: 'VARCHAR' },
    ]);
    const last = await engine.query(`SELECT count(*) AS n, max(id) AS max_id FROM ${result.relation}`);
    expect(last.rows).toEqual([{ n: 30_001, max_id: 30_001 }]);
    const tail = await engine.query(`SELECT * FROM ${result.relation} WHERE id IN (1, 30001) ORDER BY id`);
    expect(tail.rows).toEqual([
      { id: 1, office: '100', amount: '10', day: '2024-01-01' },
      { id: 30_001, office: '030', amount: 'N/A', day: '2024-13-45' },
    ]);
    // the file has a header on line 1, so the row with id 30001 is line 30002
    expect(result.warnings).toEqual([
      { message: 'Column "day" was read as text: line 30002 has "2024-13-45", which is not a DATE.', lines: [30002] },
    ]);
  });

  it('sniffs semicolon and tab delimiters, or takes the given one', async () => {
    await fixture('semi.csv', 'a;b;c\n1;x;2\n2;y;3\n');
    expect(await rows(await load({ path: 'semi.csv', format: 'csv' }))).toEqual([
      { a: 1, b: 'x', c: 2 },
      { a: 2, b: 'y', c: 3 },
    ]);
    await fixture('tab.tsv', 'name\tcode\nkim\t007\nlee\t123\n');
    const tab = await load({ path: 'tab.tsv', format: 'csv' });
    expect(await rows(tab)).toEqual([
      { name: 'kim', code: '007' },
      { name: 'lee', code: '123' },
    ]);
    const given = await load({ path: 'tab.tsv', format: 'csv', options: { delimiter: '\\t' } });
    expect(await rows(given)).toEqual(await rows(tab));
  });

  it('reads a file without a header when told so', async () => {
    await fixture('nohead.csv', 'kim,lee\npark,choi\n');
    const result = await load({ path: 'nohead.csv', format: 'csv', options: { header: false } });
    expect(result.schema).toEqual([
      { name: 'column0', type: 'VARCHAR' },
      { name: 'column1', type: 'VARCHAR' },
    ]);
    expect(await rows(result)).toHaveLength(2);
  });

  it('names the missing file in a ParamError on "path"', async () => {
    const error = await load({ path: 'data/없는파일.csv', format: 'csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParamError);
    expect((error as ParamError).param).toBe('path');
    expect((error as ParamError).message).toContain('File not found: "data/없는파일.csv"');
  });

  it('says which file DuckDB could not parse, and why', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    await fixture('binary.csv', bytes);
    await expect(load({ path: 'binary.csv', format: 'csv', options: { encoding: 'utf-8' } })).rejects.toThrow(
      /^Cannot read "binary\.csv" as CSV: .*not possible to automatically detect the CSV parsing dialect/,
    );
  });

  it('refuses an empty file', async () => {
    await fixture('empty.csv', '');
    await expect(load({ path: 'empty.csv', format: 'csv' })).rejects.toThrow('"empty.csv" is empty (0 bytes).');
  });

  it('fingerprints the file through FileAccess', async () => {
    if (sourceFile.kind !== 'source') throw new Error('not a source');
    await fixture('fp.csv', 'a\n1\n');
    const params = sourceFileParams.parse({ path: 'fp.csv', format: 'csv' });
    expect(await sourceFile.fingerprint({ nodeId: 's', params, files })).toBe(
      (await files.stat({ path: 'fp.csv' })).fingerprint,
    );
  });
});
