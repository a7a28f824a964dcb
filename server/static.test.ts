import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountStatic } from './static.ts';

let dir: string;
let app: Hono;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'static-test-'));
  await mkdir(path.join(dir, 'dist/assets'), { recursive: true });
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'dist/index.html'), '<!doctype html><title>studio</title>');
  await writeFile(path.join(dir, 'dist/assets/duckdb-eh-abc.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(path.join(dir, 'dist/assets/duckdb-eh-abc.wasm.gz'), new Uint8Array([31, 139]));
  await writeFile(path.join(dir, 'data/declarations.csv'), 'a,b\n1,2\n');
  await writeFile(path.join(dir, 'data/README.md'), '# no');
  await mkdir(path.join(dir, 'data/kcs'));
  await writeFile(path.join(dir, 'data/kcs/train.csv'), 'x\n1\n2\n');
  await writeFile(path.join(dir, 'data/kcs/LICENSE'), 'no');
  await writeFile(path.join(dir, 'secret.csv'), 'password\n');
  app = new Hono();
  mountStatic(app, { distDir: path.join(dir, 'dist'), samplesDir: path.join(dir, 'data') });
  app.get('/', (c) => c.text('landing'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('static files', () => {
  it('serves the built studio at / and revalidates it', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>studio</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets with long caching, wasm as application/wasm, precompressed when accepted', async () => {
    const plain = await app.request('/assets/duckdb-eh-abc.wasm');
    expect(plain.headers.get('content-type')).toBe('application/wasm');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(new Uint8Array(await plain.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
    const gz = await app.request('/assets/duckdb-eh-abc.wasm', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('content-type')).toBe('application/wasm');
    const missing = await app.request('/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
  });

  it('lists and serves the sample CSVs read-only, one folder down too, nothing else', async () => {
    expect(await (await app.request('/samples/')).json()).toEqual([
      { name: 'declarations.csv', size: 8, datasetId: null, rows: null, format: 'csv' },
      { name: 'kcs/train.csv', size: 6, datasetId: null, rows: null, format: 'csv' },
    ]);
    const csv = await app.request('/samples/declarations.csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toBe('a,b\n1,2\n');
    expect(await (await app.request('/samples/kcs/train.csv')).text()).toBe('x\n1\n2\n');
    expect((await app.request('/samples/README.md')).status).toBe(404);
    expect((await app.request('/samples/kcs/LICENSE')).status).toBe(404);
    expect((await app.request('/samples/declarations.csv', { method: 'PUT' })).status).toBe(404);
  });

  it('refuses every way out of the samples folder', async () => {
    for (const attack of [
      '/samples/..%2Fdist%2Findex.html',
      '/samples/../secret.csv',
      '/samples/..%2Fsecret.csv',
      '/samples/%2E%2E/secret.csv',
      '/samples/kcs/..%2F..%2Fsecret.csv',
      '/samples/kcs/%2E%2E%2F%2E%2E%2Fsecret.csv',
      '/samples//etc/passwd.csv',
      '/samples/kcs/../../secret.csv',
      '/samples/kcs%2F..%2F..%2Fsecret.csv',
      '/samples/a/b/c.csv',
    ]) {
      const res = await app.request(attack);
      expect(res.status, attack).toBe(404);
      expect(await res.text(), attack).not.toContain('password');
    }
  });

  it('leaves / to the next handler when nothing is built', async () => {
    const bare = new Hono();
    mountStatic(bare, { distDir: path.join(dir, 'none'), samplesDir: path.join(dir, 'data') });
    bare.get('/', (c) => c.text('landing'));
    expect(await (await bare.request('/')).text()).toBe('landing');
  });
});
