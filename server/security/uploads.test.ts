/**
 * Upload attacks from the security review (issue 13), each reproduced against the app: the XLSX bomb, a
 * bidi-override file name, server paths in error messages, an upload loop, a 10,000-deep JSON body.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../nodes/source/file-xlsx.ts';
import { checkXlsx, XLSX_LIMITS, XlsxLimitError } from '../../nodes/source/xlsx-limits.ts';
import { drivers } from '../test/databases.ts';
import { type Client, type TestServer, testServer } from '../test/harness.ts';
import { sharedStringBomb, smallWorkbook, workbook } from './xlsx-bomb.ts';

const CSV = new TextEncoder().encode('a,b\n1,2\n');

describe('upload attacks', () => {
  let server: TestServer;
  let kim: Client;
  beforeAll(async () => {
    server = await testServer(drivers[0]!);
    await server.user('kim', { department: 'Seoul' });
    kim = await server.signIn('kim');
  });
  afterAll(async () => {
    await server.database.close();
    rmSync(server.deps.config.uploads.datasetsDir, { recursive: true, force: true });
  });

  const upload = (client: Client, name: string, body: Uint8Array) =>
    client.post('/api/datasets', body, { 'x-filename': encodeURIComponent(name) });

  it('refuses the XLSX bomb (200 KB → 200 MB of shared strings) with 422 in seconds, memory bounded, health answering', async () => {
    const bomb = sharedStringBomb(200);
    expect(bomb.length).toBeLessThan(300_000);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    let healthAnswers = 0;
    let slowestHealthMs = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    let done = false;
    const probe = (async () => {
      while (!done) {
        const t = performance.now();
        const res = await server.anonymous().get('/api/health');
        slowestHealthMs = Math.max(slowestHealthMs, performance.now() - t);
        if (res.status === 200) healthAnswers++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = performance.now();
    const res = await upload(kim, 'bomb.xlsx', bomb);
    const elapsed = performance.now() - started;
    done = true;
    await probe;
    clearInterval(sampler);
    const body = await res.json();
    expect(res.status).toBe(422);
    expect(body.code).toBe('xlsx_limit');
    expect(body.messages.ko).toMatch(/압축|한도/); // Korean, naming the limit
    expect(body.messages.ko).toContain('100배');
    expect(body.message).toContain('100:1');
    expect(elapsed).toBeLessThan(10_000);
    expect(peak - rssBefore).toBeLessThan(600 * 1024 ** 2);
    expect(healthAnswers).toBeGreaterThan(0);
    expect(slowestHealthMs).toBeLessThan(1_000);
  }, 30_000);

  it('catches a bomb whose zip headers lie about the unpacked size, and a cell flood', async () => {
    const huge = Buffer.alloc(50 * 1024 ** 2, 'A');
    const lying = workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', huge, 1000);
    await expect(checkXlsx(lying)).rejects.toThrow(XlsxLimitError);
    await expect(checkXlsx(lying)).rejects.toThrow(/declared size/);
    let rows = '';
    for (let r = 1; r <= 2_000; r++) rows += `<row r="${r}">${'<c t="n"><v>1</v></c>'.repeat(10)}</row>`;
    const flood = workbook(rows, Buffer.from('<sst/>'));
    await expect(checkXlsx(flood, { ...XLSX_LIMITS, maxCells: 19_999 })).rejects.toThrow(/셀이 19,999개를 넘어/);
    await expect(checkXlsx(flood, { ...XLSX_LIMITS, maxCells: 20_000 })).resolves.toBeUndefined();
  });

  it('the source.file XLSX reader of runs and the command line applies the same limits', async () => {
    await expect(readXlsx(sharedStringBomb(50), undefined, 'bomb.xlsx')).rejects.toThrow(XlsxLimitError);
    const small = await readXlsx(smallWorkbook(), undefined, 'small.xlsx');
    expect(small.columns.map((c) => c.name)).toEqual(['품목', 'qty']);
    expect(small.data).toEqual([
      ['사과', '배'],
      [3, 5],
    ]);
  });

  it('still stores an honest XLSX upload', async () => {
    const res = await upload(kim, '품목.xlsx', smallWorkbook());
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()).rows).toBe(2);
  }, 30_000);

  it('stops a read past the time limit with 422 naming the limit', async () => {
    const slow = await testServer(drivers[0]!, (c) => {
      c.uploads.readTimeLimitMs = 5;
    });
    try {
      await slow.user('lee');
      const lee = await slow.signIn('lee');
      const res = await lee.post('/api/datasets', smallWorkbook(), { 'x-filename': 'slow.xlsx' });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({
        code: 'read_time_limit',
        messages: { ko: expect.stringContaining('시간 한도') },
      });
    } finally {
      await slow.database.close();
    }
  }, 30_000);

  it('refuses bidi overrides and other invisible format characters in file names (400, Korean)', async () => {
    for (const name of ['invoice\u202Efdp.xlsx', 'a\u200Bb.csv', '\uFEFFdata.csv', 'x\u2066y.csv']) {
      const res = await upload(kim, name, CSV);
      expect(res.status, name).toBe(400);
      const body = await res.json();
      expect(body.code).toBe('bad_filename');
      expect(body.messages.ko).toContain('보이지 않는 제어 문자');
    }
    expect((await upload(kim, '2026 신고 내역.csv', CSV)).status).toBe(201);
  });

  it('never shows a server path in an upload error', async () => {
    const root = server.deps.config.uploads.datasetsDir;
    for (const [name, body] of [
      ['broken.parquet', new TextEncoder().encode('not parquet')],
      ['broken.json', new TextEncoder().encode('{"a": [1, 2')],
      ['broken.xlsx', new TextEncoder().encode('PK not a zip')],
      ['broken.csv', new Uint8Array([0xff, 0xfe, 0, 0, 0x22, 0x0a, 0x22, 0x22, 0x22])],
    ] as const) {
      const res = await upload(kim, name, body);
      const text = await res.text();
      expect(res.status, `${name}: ${text}`).toBeGreaterThanOrEqual(400);
      expect(text, name).not.toContain(root);
      expect(text, name).not.toMatch(/\/(tmp|work|home|var|usr)\//);
    }
  }, 30_000);

  it('limits uploads per user per minute: 429 in Korean with Retry-After', async () => {
    const limited = await testServer(drivers[0]!, (c) => {
      c.uploads.perMinute = 3;
    });
    try {
      await limited.user('park');
      await limited.user('choi');
      const park = await limited.signIn('park');
      const choi = await limited.signIn('choi');
      const send = (client: Client, i: number) => client.post('/api/datasets', CSV, { 'x-filename': `f${i}.csv` });
      for (let i = 0; i < 3; i++) expect((await send(park, i)).status).toBe(201);
      const refused = await send(park, 3);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect((await refused.json()).messages.ko).toContain('1분에 3개');
      expect((await send(choi, 0)).status).toBe(201); // another user is not affected
      limited.advance(61_000);
      expect((await send(park, 4)).status).toBe(201);
    } finally {
      await limited.database.close();
    }
  }, 30_000);

  it('answers a 10,000-deep JSON body with 400 and a clear message, not 500', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    for (const path of ['/api/pipelines', '/api/auth/login', '/api/schedules']) {
      const res = await kim.post(path, `{"doc": ${deep}, "username": ${deep}}`);
      expect(res.status, path).toBe(400);
      const body = await res.json();
      expect(body.code, path).toBe('too_deep');
      expect(body.messages.ko).toContain('중첩');
    }
    // A string full of brackets is not nesting.
    const fine = await kim.post('/api/pipelines', { name: '['.repeat(10_000) });
    expect(fine.status).not.toBe(500);
    expect((await fine.json()).code).not.toBe('too_deep');
  });
});
