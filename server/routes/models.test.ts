import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainGbdt } from '../../runtime/ml/gbdt.ts';
import { exportOnnx } from '../../runtime/ml/onnx-export.ts';
import { drivers } from '../test/databases.ts';
import { type Client, ORIGIN, type TestServer, testServer } from '../test/harness.ts';

type Json = Record<string, unknown>;

/** Two features; a hit when the first is over 50 (the second is noise). */
function twoColumnModel() {
  const a = Float64Array.from({ length: 200 }, (_, i) => i % 100);
  const b = Float64Array.from({ length: 200 }, (_, i) => (i * 7) % 13);
  return exportOnnx(
    trainGbdt(
      [a, b],
      a.map((v) => (v > 50 ? 1 : 0)),
      { rounds: 5 },
    ),
  );
}

describe('model registry API [pglite]', () => {
  let server: TestServer;
  let kim: Client;
  let park: Client;
  let admin: Client;
  const modelsDir = mkdtempSync(join(tmpdir(), 'cas-models-'));
  const onnx = twoColumnModel();

  beforeAll(async () => {
    server = await testServer(drivers[0]!, (c) => {
      c.uploads.modelsDir = modelsDir;
    });
    await server.user('kim');
    await server.user('park');
    await server.user('boss', { role: 'admin' });
    kim = await server.signIn('kim');
    park = await server.signIn('park');
    admin = await server.signIn('boss');
  }, 30_000);

  afterAll(async () => {
    await server?.database.close();
    rmSync(modelsDir, { recursive: true, force: true });
  });

  /** A multipart upload as the studio's form sends it, with the client's cookie and CSRF token. */
  const upload = (client: Client, fields: Record<string, string>, bytes: Uint8Array = onnx) => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bytes)], 'model.onnx'));
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return server.app.request(`${ORIGIN}/api/models/upload`, {
      method: 'POST',
      body: form,
      headers: { origin: ORIGIN, cookie: client.cookie ?? '', 'x-csrf-token': client.csrf ?? '' },
    });
  };

  it('needs a signed-in user', async () => {
    expect((await server.anonymous().get('/api/models')).status).toBe(401);
  });

  it('uploads a valid ONNX model as version 1, 2, … owned by the uploader', async () => {
    const first = await upload(kim, { name: '고가-모델', inputColumns: 'value, mass', description: '시험' });
    expect(first.status, await first.clone().text()).toBe(201);
    expect(await first.json()).toMatchObject({ name: '고가-모델', version: 1, kind: 'onnx', owner: 'kim' });
    const second = await upload(kim, { name: '고가-모델', inputColumns: 'value,mass' });
    expect((await second.json()).version).toBe(2);

    const list = (await (await kim.get('/api/models')).json()) as { items: Json[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ name: '고가-모델', latest: 2 });
    const versions = list.items[0]!.versions as Json[];
    expect(versions.map((v) => [v.version, v.owner, v.fingerprint, v.description])).toEqual([
      [1, 'kim', '', '시험'],
      [2, 'kim', '', undefined],
    ]);

    const detail = await kim.get(`/api/models/${encodeURIComponent('고가-모델')}/versions/1`);
    expect(await detail.json()).toMatchObject({ meta: { kind: 'onnx', inputColumns: ['value', 'mass'] } });
  }, 30_000);

  it('refuses a corrupt file and a column-count mismatch with a 422 and a code', async () => {
    const corrupt = await upload(kim, { name: 'broken', inputColumns: 'a,b' }, new TextEncoder().encode('not onnx'));
    expect(corrupt.status).toBe(422);
    expect((await corrupt.json()).code).toBe('invalid_onnx');
    // the model's input is [N, 2]; three columns named
    const mismatch = await upload(kim, { name: 'wide', inputColumns: 'a,b,c' });
    expect(mismatch.status).toBe(422);
    expect(await mismatch.json()).toMatchObject({ code: 'column_count_mismatch' });
    expect((await upload(kim, { name: '.hidden', inputColumns: 'a,b' })).status).toBe(400);
    expect((await upload(kim, { name: 'no-columns', inputColumns: ' , ' })).status).toBe(400);
    const names = ((await (await kim.get('/api/models')).json()) as { items: Json[] }).items.map((i) => i.name);
    expect(names).not.toContain('broken');
    expect(names).not.toContain('wide');
  }, 30_000);

  it('registers a model as JSON and gives it back whole in the bundle, bytes identical', async () => {
    const res = await park.post('/api/models', {
      name: 'studio-trained',
      kind: 'onnx',
      fingerprint: 'ab'.repeat(32),
      metrics: { precision: 0.8, auc: 0.9, rows: 200 },
      meta: { kind: 'onnx', inputColumns: ['a', 'b'] },
      onnxBase64: Buffer.from(onnx).toString('base64'),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const bundle = (await (await kim.get('/api/models/studio-trained/versions/1/bundle')).json()) as Json;
    expect(bundle.info).toMatchObject({ owner: 'park', metrics: { precision: 0.8, auc: 0.9, rows: 200 } });
    expect(bundle.meta).toEqual({ kind: 'onnx', inputColumns: ['a', 'b'] });
    expect(Buffer.from(String(bundle.onnxBase64), 'base64').equals(Buffer.from(onnx))).toBe(true);
    const file = await kim.get('/api/models/studio-trained/versions/1/onnx');
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(onnx))).toBe(true);

    const mismatched = await park.post('/api/models', {
      name: 'x',
      kind: 'screening',
      meta: { kind: 'onnx', inputColumns: ['a', 'b'] },
      onnxBase64: Buffer.from(onnx).toString('base64'),
    });
    expect(mismatched.status).toBe(400);
    expect((await kim.get('/api/models/studio-trained/versions/9/bundle')).status).toBe(404);
  }, 30_000);

  it('takes model bodies over the API-wide 2 MB limit (their own is 64 MB)', async () => {
    // 3 MB of zeros as base64 (4 MB of text): past the global limit, so only the models' own limit lets it in
    const big = await kim.post('/api/models', {
      name: 'big',
      kind: 'onnx',
      meta: { kind: 'onnx', inputColumns: ['a'] },
      onnxBase64: Buffer.alloc(3 * 1024 * 1024).toString('base64'),
    });
    expect(big.status).toBe(422); // read and refused as a model, not 413
    expect((await big.json()).code).toBe('invalid_onnx');
    const pipelineSized = await kim.post('/api/pipelines', { doc: { pad: 'x'.repeat(3 * 1024 * 1024) } });
    expect(pipelineSized.status).toBe(413);
  }, 30_000);

  it('lets only the owner or an admin delete a version', async () => {
    expect((await park.delete(`/api/models/${encodeURIComponent('고가-모델')}/versions/1`)).status).toBe(403);
    expect((await kim.delete(`/api/models/${encodeURIComponent('고가-모델')}/versions/1`)).status).toBe(204);
    expect((await admin.delete('/api/models/studio-trained/versions/1')).status).toBe(204);
    expect((await admin.delete('/api/models/studio-trained/versions/1')).status).toBe(404);
    const list = (await (await kim.get('/api/models')).json()) as { items: { name: string; versions: Json[] }[] };
    expect(list.items.map((i) => [i.name, i.versions.map((v) => v.version)])).toEqual([['고가-모델', [2]]]);
    // a deleted number is not handed out again: the next upload is v3, not v1
    expect((await (await upload(kim, { name: '고가-모델', inputColumns: 'a,b' })).json()).version).toBe(3);
  }, 30_000);

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await (await kim.get('/api/openapi.json')).json()) as { paths: Record<string, Json> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/models'))).toEqual([
      '/api/models',
      '/api/models/{name}/versions/{version}',
      '/api/models/{name}/versions/{version}/onnx',
      '/api/models/{name}/versions/{version}/bundle',
      '/api/models/upload',
    ]);
  });
});
