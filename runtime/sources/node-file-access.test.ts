import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../engine/duckdb-node.ts';
import type { Engine } from '../engine/engine.ts';
import { ParamError } from '../errors.ts';
import { NodeFileAccess } from './node-file-access.ts';

// "품목,서울\n1,갂\n" in CP949: 품 C7B0 목 B8F1 서 BCAD 울 BFEF, 갂 8141 (extension syllable)
const CP949 = Uint8Array.from([
  0xc7, 0xb0, 0xb8, 0xf1, 0x2c, 0xbc, 0xad, 0xbf, 0xef, 0x0a, 0x31, 0x2c, 0x81, 0x41, 0x0a,
]);

describe('NodeFileAccess', () => {
  let dir: string;
  let engine: DuckDBNodeEngine;
  let files: NodeFileAccess;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nfa-test-'));
    engine = await DuckDBNodeEngine.create();
    files = new NodeFileAccess({ baseDir: dir, engine });
    await writeFile(path.join(dir, 'a.csv'), 'x,y\n1,2\n');
    await writeFile(path.join(dir, 'k.csv'), CP949);
  });
  afterAll(async () => {
    await files.close();
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stats relative paths against baseDir with a size + mtime + path fingerprint', async () => {
    const info = await files.stat({ path: 'a.csv' });
    expect(info.name).toBe('a.csv');
    expect(info.size).toBe(8);
    expect(info.fingerprint).toMatch(new RegExp(`^8:[0-9.]+:${path.join(dir, 'a.csv').replaceAll('.', '\\.')}$`));
  });

  it('changes the fingerprint when the file changes', async () => {
    await writeFile(path.join(dir, 'b.csv'), 'x\n1\n');
    const before = (await files.stat({ path: 'b.csv' })).fingerprint;
    await writeFile(path.join(dir, 'b.csv'), 'x\n1\n2\n');
    expect((await files.stat({ path: 'b.csv' })).fingerprint).not.toBe(before);
  });

  it('names the missing path in a ParamError on "path"', async () => {
    const error = await files.stat({ path: 'data/none.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParamError);
    expect((error as ParamError).param).toBe('path');
    expect((error as ParamError).message).toContain('File not found: "data/none.csv"');
    await expect(files.readAll({ path: 'none.csv' })).rejects.toThrow('File not found: "none.csv"');
    await expect(files.head({ path: 'none.csv' }, 10)).rejects.toThrow('File not found: "none.csv"');
  });

  it('rejects dataset ids for now', async () => {
    await expect(files.stat({ datasetId: 'ds1' })).rejects.toThrow('Dataset "ds1" cannot be opened here');
  });

  it('reads the head and the whole file', async () => {
    expect(new TextDecoder().decode(await files.head({ path: 'a.csv' }, 3))).toBe('x,y');
    expect(new TextDecoder().decode(await files.head({ path: 'a.csv' }, 100))).toBe('x,y\n1,2\n');
    expect(new TextDecoder().decode(await files.readAll({ path: 'a.csv' }))).toBe('x,y\n1,2\n');
  });

  it('gives the native engine the absolute path', async () => {
    const loc = await files.engineLocation({ path: 'a.csv' });
    expect(loc.location).toBe(path.join(dir, 'a.csv'));
    await loc.release();
    expect(await readFile(path.join(dir, 'a.csv'), 'utf8')).toBe('x,y\n1,2\n');
  });

  it('transcodes CP949 to a UTF-8 temp file and removes it on release', async () => {
    const loc = await files.engineLocation({ path: 'k.csv' }, { decodeFrom: 'euc-kr' });
    expect(loc.location).not.toBe(path.join(dir, 'k.csv'));
    expect(await readFile(loc.location, 'utf8')).toBe('품목,서울\n1,갂\n');
    await loc.release();
    await expect(readFile(loc.location)).rejects.toThrow();
  });

  it('transcodes large files chunk by chunk without splitting characters', async () => {
    // 300,000 × "가," (B0A1 2C): odd-sized lines put pairs across every 64 KiB read boundary
    const unit = [0xb0, 0xa1, 0x2c];
    const bytes = new Uint8Array(unit.length * 300_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = unit[i % 3]!;
    await writeFile(path.join(dir, 'big.csv'), bytes);
    const loc = await files.engineLocation({ path: 'big.csv' }, { decodeFrom: 'cp949' });
    const text = await readFile(loc.location, 'utf8');
    expect(text.length).toBe(600_000);
    expect(text).toBe('가,'.repeat(300_000));
    await loc.release();
  });

  it('registers (transcoded) bytes with a WASM engine', async () => {
    const registered = new Map<string, Uint8Array>();
    const wasm = {
      kind: 'duckdb-wasm',
      registerFile: async (name: string, bytes: Uint8Array) => {
        registered.set(name, bytes);
        return name;
      },
      dropFile: async (name: string) => {
        registered.delete(name);
      },
    } as unknown as Engine;
    const access = new NodeFileAccess({ baseDir: dir, engine: wasm });
    const loc = await access.engineLocation({ path: 'k.csv' }, { decodeFrom: 'euc-kr' });
    expect(loc.location).toMatch(/_k\.csv$/);
    expect(new TextDecoder().decode(registered.get(loc.location))).toBe('품목,서울\n1,갂\n');
    await loc.release();
    expect(registered.size).toBe(0);
  });

  it('writes bytes atomically, creating folders, leaving no temp file', async () => {
    await files.writeBytes('out/deep/x.bin', Uint8Array.from([1, 2, 3]));
    expect([...(await readFile(path.join(dir, 'out/deep/x.bin')))]).toEqual([1, 2, 3]);
    expect(await readdir(path.join(dir, 'out/deep'))).toEqual(['x.bin']);
  });

  it('gives COPY a temp location next to the destination, then moves it into place', async () => {
    const target = await files.writeTarget('copied/t.csv');
    expect(path.dirname(target.location)).toBe(path.join(dir, 'copied'));
    await engine.exec(`COPY (SELECT 1 AS n) TO '${target.location}' (FORMAT csv, HEADER true)`);
    expect(await readdir(path.join(dir, 'copied'))).not.toContain('t.csv');
    await target.commit();
    expect(await readFile(path.join(dir, 'copied/t.csv'), 'utf8')).toBe('n\n1\n');
    expect(await readdir(path.join(dir, 'copied'))).toEqual(['t.csv']);

    const failed = await files.writeTarget('copied/u.csv');
    await writeFile(failed.location, 'partial');
    await failed.discard();
    expect(await readdir(path.join(dir, 'copied'))).toEqual(['t.csv']);
  });
});

describe('NodeFileAccess with allowedRoots (the server sandbox)', () => {
  let root: string;
  let data: string;
  let engine: DuckDBNodeEngine;
  let files: NodeFileAccess;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'nfa-roots-'));
    data = path.join(root, 'data');
    await mkdir(path.join(data, 'sub'), { recursive: true });
    await writeFile(path.join(data, 'a.csv'), 'x\n1\n');
    await writeFile(path.join(root, 'secret.csv'), 'secret\n');
    await symlink(path.join(root, 'secret.csv'), path.join(data, 'out-link.csv'));
    await symlink(path.join(data, 'a.csv'), path.join(data, 'sub', 'in-link.csv'));
    await symlink(root, path.join(data, 'up')); // a folder link: up/secret.csv
    engine = await DuckDBNodeEngine.create();
    files = new NodeFileAccess({
      baseDir: data,
      engine,
      allowedRoots: [data],
      resolveDataset: async (id) => (id === 'outside' ? path.join(root, 'secret.csv') : path.join(data, 'a.csv')),
    });
  });
  afterAll(async () => {
    await engine.close();
    await rm(root, { recursive: true, force: true });
  });

  it('reads files inside the folder, through symlinks that stay inside', async () => {
    expect(new TextDecoder().decode(await files.readAll({ path: 'a.csv' }))).toBe('x\n1\n');
    expect((await files.engineLocation({ path: 'sub/in-link.csv' })).location).toBe(path.join(data, 'a.csv'));
    expect((await files.stat({ datasetId: 'inside' })).size).toBe(4);
  });

  it('refuses absolute paths, ../ and symlinks (file or folder) that lead outside, whatever the method', async () => {
    const refs = [
      { path: '/etc/passwd' },
      { path: '../secret.csv' },
      { path: 'out-link.csv' },
      { path: 'up/secret.csv' },
      { datasetId: 'outside' },
    ];
    for (const ref of refs) {
      for (const read of [
        () => files.stat(ref),
        () => files.readAll(ref),
        () => files.head(ref, 4),
        () => files.engineLocation(ref),
      ]) {
        const error = await read().catch((e: unknown) => e);
        expect(error, JSON.stringify(ref)).toBeInstanceOf(ParamError);
        expect((error as Error).message).toMatch(/서버의 데이터 폴더 밖에 있어 열 수 없습니다/);
        expect((error as Error).message).not.toContain(root);
      }
    }
  });

  it('says a file is missing in Korean, as the officer wrote it, without the server path', async () => {
    const error = (await files.stat({ path: '2026/없음.csv' }).catch((e: unknown) => e)) as ParamError;
    expect(error).toBeInstanceOf(ParamError);
    expect(error.param).toBe('path');
    expect(error.message).toBe(
      '파일을 찾을 수 없습니다: "2026/없음.csv". 경로와 파일 이름을 확인하세요. (File not found.)',
    );
  });
});
