import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, zlibSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { sourceFile } from '../../nodes/source/file.ts';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { buildPdf, imagePage } from '../../runtime/ml/pdf-test-helpers.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { datasetResolver } from '../datasets/resolve.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, describeDrivers } from '../test/harness.ts';

const CSV = '신고번호,hs6,금액\nD1,010121,1000\nD2,010121,2500\nD3,020110,\nD4,broken,row,extra\n';
const bytes = (text: string) => new TextEncoder().encode(text);
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const CP949 = new Uint8Array(readFileSync(new URL('../../templates/data/declarations-cp949.csv', import.meta.url)));

describeDrivers('datasets', (server) => {
  let kim: Client; // Seoul
  let lee: Client; // Seoul
  let park: Client; // Busan
  let admin: Client;

  beforeAll(async () => {
    await server().user('kim', { department: 'Seoul' });
    await server().user('lee', { department: 'Seoul' });
    await server().user('park', { department: 'Busan' });
    await server().user('boss', { role: 'admin' });
    kim = await server().signIn('kim');
    lee = await server().signIn('lee');
    park = await server().signIn('park');
    admin = await server().signIn('boss');
  });

  const root = () => server().deps.config.uploads.datasetsDir;
  const onDisk = () => (existsSync(root()) ? readdirSync(root()) : []);
  const upload = (client: Client, name: string, body: Uint8Array, query = '', headers: Record<string, string> = {}) =>
    client.post(`/api/datasets${query}`, body, { 'x-filename': encodeURIComponent(name), ...headers });
  const uploaded = async (client: Client, name: string, body: Uint8Array, query = '') => {
    const res = await upload(client, name, body, query);
    expect(res.status, await res.clone().text()).toBe(201);
    return res.json();
  };

  it('stores an upload with checksum, schema, profile and the reader warnings', async () => {
    const d = await uploaded(kim, '신고 내역.csv', bytes(CSV));
    expect(d).toMatchObject({
      name: '신고 내역.csv',
      originalName: '신고 내역.csv',
      format: 'csv',
      size: bytes(CSV).length,
      sha256: createHash('sha256').update(CSV).digest('hex'),
      rows: 3,
      visibility: 'private',
      owner: { username: 'kim' },
      usedBy: [],
      usedByCount: 0,
    });
    expect(d.columns.map((c: { name: string }) => c.name)).toEqual(['신고번호', 'hs6', '금액']);
    const hs6 = d.profile.find((p: { name: string }) => p.name === 'hs6');
    expect(hs6).toMatchObject({
      type: 'VARCHAR',
      min: '010121',
      max: '020110',
      top: [
        { value: '010121', count: 2 },
        { value: '020110', count: 1 },
      ],
    });
    const amount = d.profile.find((p: { name: string }) => p.name === '금액');
    expect(amount.nullPercent).toBeCloseTo(33.33, 1);
    expect(d.warnings.length).toBeGreaterThan(0);
    expect(readdirSync(join(root(), d.id))).toEqual(['신고 내역.csv']);
    const download = await kim.get(`/api/datasets/${d.id}/file`);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(CSV);
  });

  it('reads CP949 files as pipelines do', async () => {
    const d = await uploaded(kim, 'declarations-cp949.csv', CP949, '?visibility=public');
    expect(d.rows).toBeGreaterThan(10);
    const item = d.profile.find((p: { name: string }) => p.name === 'item_name_ko');
    expect(item.top[0].value).toMatch(/[가-힣]/);
    expect(d.profile.find((p: { name: string }) => p.name === 'hs6').type).toBe('VARCHAR');
  });

  it('keeps a private dataset from everyone but its owner and admins; department and public share', async () => {
    const priv = await uploaded(kim, 'secret.csv', bytes(CSV));
    const dept = await uploaded(kim, 'team.csv', bytes(CSV), '?visibility=department');
    for (const other of [lee, park]) {
      expect((await other.get(`/api/datasets/${priv.id}`)).status).toBe(404);
      expect((await other.get(`/api/datasets/${priv.id}/file`)).status).toBe(404);
      expect((await other.delete(`/api/datasets/${priv.id}`)).status).toBe(404);
      expect((await other.patch(`/api/datasets/${priv.id}`, { visibility: 'public' })).status).toBe(404);
      const listed = await (await other.get('/api/datasets?q=secret')).json();
      expect(listed.items).toEqual([]);
    }
    expect((await lee.get(`/api/datasets/${dept.id}`)).status).toBe(200);
    expect((await lee.delete(`/api/datasets/${dept.id}`)).status).toBe(403);
    expect((await park.get(`/api/datasets/${dept.id}`)).status).toBe(404);
    expect((await admin.get(`/api/datasets/${priv.id}/file`)).status).toBe(200);
    expect((await server().anonymous().get(`/api/datasets/${priv.id}`)).status).toBe(401);
  });

  it('refuses path tricks in file names, leaving nothing on disk', async () => {
    const before = onDisk();
    for (const name of [
      '../../etc/passwd.csv',
      '/etc/x.csv',
      'a/b.csv',
      '..\\x.csv',
      'C:x.csv',
      'x\u0000.csv',
      '..',
      '.',
    ]) {
      const res = await upload(kim, name, bytes(CSV));
      expect(res.status, name).toBe(400);
      expect((await res.json()).code).toBe('bad_filename');
    }
    const bad = await kim.post('/api/datasets', bytes(CSV), { 'x-filename': '%E0%A4%A' });
    expect(bad.status).toBe(400);
    expect((await kim.post('/api/datasets', bytes(CSV))).status).toBe(400); // no X-Filename
    expect((await upload(kim, 'tool.exe', bytes(CSV))).status).toBe(415);
    expect(onDisk()).toEqual(before);
  });

  it('refuses an oversized upload with 413, announced or streamed, leaving nothing on disk', async () => {
    // Past the 2 MB JSON body limit, uploads go by their own limit (default 1 GiB).
    const large = await uploaded(kim, 'large.csv', bytes(`a,b\n${'12345,67890\n'.repeat(300_000)}`));
    expect(large).toMatchObject({ rows: 300_000, size: 4 + 12 * 300_000 });
    const before = onDisk();
    const limits = server().deps.config.uploads;
    const saved = limits.datasetMaxBytes;
    limits.datasetMaxBytes = 1000;
    try {
      const big = bytes(`a,b\n${'1,2\n'.repeat(600)}`);
      const announced = await upload(kim, 'big.csv', big, '', { 'content-length': String(big.length) });
      expect(announced.status).toBe(413);
      expect((await announced.json()).code).toBe('payload_too_large');
      const streamed = await upload(kim, 'big.csv', big);
      expect(streamed.status).toBe(413);
      expect((await upload(kim, 'small.csv', bytes(CSV))).status).toBe(201);
    } finally {
      limits.datasetMaxBytes = saved;
    }
    expect(onDisk().length).toBe(before.length + 1);
    // JSON bodies keep their own 2 MB limit.
    const huge = JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) });
    expect((await kim.patch(`/api/datasets/${before[0]}`, huge)).status).toBe(413);
  });

  it('refuses an unreadable file with 422 and the reason, leaving nothing half-written', async () => {
    const before = onDisk();
    const res = await upload(kim, 'broken.parquet', bytes('this is not parquet at all'));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('unreadable_dataset');
    expect(body.message).toMatch(/parquet/);
    expect((await upload(kim, 'empty.csv', new Uint8Array())).status).toBe(422);
    expect(onDisk()).toEqual(before);
  });

  it('stores scanned images, ZIPs of them and scanned PDFs whole, with size and checksum but no table; refuses a renamed text', async () => {
    const zip = zipSync({ 'KCCI/a.png': PNG, 'KCCI/b.png': PNG });
    const d = await uploaded(kim, '원산지증명서.zip', zip);
    expect(d).toMatchObject({
      format: 'zip',
      size: zip.length,
      sha256: createHash('sha256').update(zip).digest('hex'),
      rows: 0,
      columns: [],
      profile: [],
    });
    const detail = (await (await kim.get(`/api/datasets/${d.id}`)).json()) as { format: string; columns: unknown[] };
    expect(detail).toMatchObject({ format: 'zip', columns: [] });
    expect(new Uint8Array(await (await kim.get(`/api/datasets/${d.id}/file`)).arrayBuffer())).toEqual(zip);
    expect(await uploaded(kim, 'scan.JPG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toMatchObject({
      format: 'jpeg',
    });
    const before = onDisk();
    const fake = await upload(kim, 'scan.png', bytes('not a picture'));
    expect(fake.status).toBe(422);
    expect(((await fake.json()) as { messages: { ko: string } }).messages.ko).toMatch(/PNG 그림 파일이 아닙니다/);
    expect(onDisk()).toEqual(before);

    // a scanned certificate of origin as a PDF (one blank 200×200 grey page, FlateDecode): stored byte for byte
    const grey = zlibSync(new Uint8Array(200 * 200).fill(255));
    const pdf = buildPdf([
      imagePage('/Filter /FlateDecode /ColorSpace /DeviceGray /BitsPerComponent 8', 200, 200, grey),
    ]);
    const scan = await uploaded(kim, '원산지증명서-스캔.pdf', pdf);
    expect(scan).toMatchObject({ format: 'pdf', size: pdf.length, rows: 0, columns: [] });
    expect(scan.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(new Uint8Array(await (await kim.get(`/api/datasets/${scan.id}/file`)).arrayBuffer())).toEqual(pdf);
    const withScan = onDisk();
    const typed = await upload(kim, 'memo.pdf', bytes('CERTIFICATE OF ORIGIN (typed, not a PDF)'));
    expect(typed.status).toBe(422);
    expect(((await typed.json()) as { messages: { ko: string } }).messages.ko).toMatch(/PDF 문서 파일이 아닙니다/);
    expect(onDisk()).toEqual(withScan);
  });

  it('answers malformed JSON with 400', async () => {
    const d = await uploaded(kim, 'm.csv', bytes(CSV));
    const res = await kim.patch(`/api/datasets/${d.id}`, '{"name": ');
    expect(res.status).toBe(400);
    expect((await kim.patch(`/api/datasets/${d.id}`, { name: 'renamed', owner: 'x' })).status).toBe(400);
    const renamed = await kim.patch(`/api/datasets/${d.id}`, { name: '2026 신고' });
    expect((await renamed.json()).name).toBe('2026 신고');
  });

  it('lists where a dataset is used and refuses to delete it while used, unless forced', async () => {
    const d = await uploaded(kim, 'used.csv', bytes(CSV), '?visibility=public');
    const doc = pipelineDoc('uses dataset');
    doc.nodes[0]!.params = { datasetId: d.id, format: 'csv' } as never;
    const p = await (await kim.post('/api/pipelines', { doc, visibility: 'public' })).json();
    const hidden = await (await park.post('/api/pipelines', { doc: { ...doc, name: 'park private' } })).json();
    const listed = await (await lee.get('/api/datasets?q=used')).json();
    expect(listed.items[0]).toMatchObject({ id: d.id, usedBy: [{ id: p.id, name: 'uses dataset' }], usedByCount: 2 });
    const refused = await kim.delete(`/api/datasets/${d.id}`);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'dataset_in_use', usedByCount: 2 });
    expect(existsSync(join(root(), d.id))).toBe(true);
    expect(hidden.id).toBeTruthy();
    expect((await kim.delete(`/api/datasets/${d.id}?force=true`)).status).toBe(204);
    expect(existsSync(join(root(), d.id))).toBe(false);
    expect((await kim.get(`/api/datasets/${d.id}`)).status).toBe(404);
  });

  it('lets NodeFileAccess read a server dataset through resolveDataset', async () => {
    const d = await uploaded(kim, 'run.csv', bytes(CSV));
    const engine = await DuckDBNodeEngine.create();
    const files = new NodeFileAccess({
      baseDir: '/nonexistent',
      engine,
      resolveDataset: datasetResolver(server().database.db, root()),
    });
    try {
      const params = { datasetId: d.id, format: 'csv' as const };
      const loaded = await sourceFile.load({ nodeId: 's', params, engine, files, tableName: 't' });
      const result = await engine.query(`SELECT count(*) AS n FROM ${loaded.relation}`);
      expect(result.rows[0]!.n).toBe(3);
      const missing = { datasetId: '00000000-0000-4000-8000-000000000000', format: 'csv' as const };
      await expect(sourceFile.load({ nodeId: 's', params: missing, engine, files, tableName: 'u' })).rejects.toThrow(
        /no such dataset/,
      );
    } finally {
      await files.close();
      await engine.close();
    }
  });
});
