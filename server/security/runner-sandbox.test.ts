/**
 * Attacks on the run sandbox, driven through the real API, runner and executor (run processes, DuckDB
 * native, PGlite): files reached through `{{parameters}}` and symlinks, another department's private
 * dataset by id, queries that outlive their cancel or time-out, spill files, a second statement hidden
 * from the `sql` node's check, and server paths in `duckdb_settings()` and error messages.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, zlibSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { buildPdf, imagePage } from '../../runtime/ml/pdf-test-helpers.ts';
import { stringLiteral } from '../../runtime/sql/quote.ts';
import { workerExecutor } from '../runs/executor.ts';
import { Runner } from '../runs/runner.ts';
import { clearSpill } from '../runs/spill.ts';
import { drivers } from '../test/databases.ts';
import { type Client, type TestServer, testServer } from '../test/harness.ts';

type Json = Record<string, unknown>;

const CSV = 'id,value\n1,500\n2,2000\n3,9000\n';
const SECRET = 'secret,column\nTOP-SECRET-ROW,1\n';
const ENDLESS = 'SELECT count(*) AS n FROM range(1000000000000)';

/** utime + stime (clock ticks) of one process, all its threads included; 0 once it is gone. */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Every live process below this one (the run processes and whatever they started). */
function descendants(): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended while listing
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent === pid) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(process.pid);
  return found;
}

/**
 * CPU `pids` use over `ms` (clock ticks, 100 per core-second). Measured: this process (where a worker
 * thread's DuckDB threads would live) and the run's process; not the spare process the pool is starting.
 */
async function cpuOver(pids: number[], ms: number): Promise<number> {
  const before = pids.map(cpuTicks);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return pids.reduce((sum, pid, i) => sum + Math.max(0, cpuTicks(pid) - before[i]!), 0);
}

/** Waits until no process below this one is busy (spare run processes done starting up). */
async function quiet(limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const pids = descendants();
    const before = pids.map(cpuTicks);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (pids.every((pid, i) => cpuTicks(pid) - before[i]! < 5)) return;
  }
}

/** The process among `among` burning CPU now (the warm run process executing the endless query). */
async function busyAmong(among: number[], limitMs: number): Promise<number | undefined> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const before = among.map(cpuTicks);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const busy = among.find((pid, i) => cpuTicks(pid) - before[i]! >= 5); // ≥ 0.05 core-s in 0.5 s (busy machine)
    if (busy) return busy;
  }
  return undefined;
}

describe('run sandbox attacks [pglite]', () => {
  let server: TestServer;
  let kim: Client; // department A
  let lee: Client; // department B
  let runner: Runner;
  let quick: Runner; // 6 s time limit
  const root = mkdtempSync(path.join(tmpdir(), 'cas-sandbox-'));
  const dataDir = path.join(root, 'files');
  const outside = path.join(root, 'outside');
  const spillDir = mkdtempSync(path.join(tmpdir(), 'cas-sandbox-spill-')); // not under `root`: runs see it
  const artifactsDir = path.join(root, 'artifacts');

  const attempts = process.env.RUNNER_MAX_ATTEMPTS;

  beforeAll(async () => {
    // one attempt per run (read by "run now"): a refused run is not queued again for a retry
    process.env.RUNNER_MAX_ATTEMPTS = '1';
    mkdirSync(dataDir);
    mkdirSync(outside);
    writeFileSync(path.join(dataDir, 'decl.csv'), CSV);
    writeFileSync(path.join(outside, 'secret.csv'), SECRET);
    symlinkSync(path.join(outside, 'secret.csv'), path.join(dataDir, 'leak.csv'));
    symlinkSync(path.join(dataDir, 'decl.csv'), path.join(dataDir, 'alias.csv'));
    server = await testServer(drivers[0]!);
    await server.user('kim', { department: 'A' });
    await server.user('lee', { department: 'B' });
    kim = await server.signIn('kim');
    lee = await server.signIn('lee');
    const common = {
      db: server.database.db,
      datasetsDir: server.deps.config.uploads.datasetsDir,
      allowedDir: dataDir,
      threads: 2,
      heapMb: 256,
      artifactsDir,
      spillDir,
      concurrency: 1,
    };
    const execute = workerExecutor({ ...common, timeLimitMs: 60_000, memoryLimit: '64MB', spillMax: '8MiB' });
    runner = new Runner({ db: server.database.db, now: server.deps.now, execute, maxAttempts: 1 });
    const short = workerExecutor({ ...common, timeLimitMs: 6000, memoryLimit: '256MB' });
    quick = new Runner({ db: server.database.db, now: server.deps.now, execute: short, maxAttempts: 1 });
  }, 30_000);

  afterAll(async () => {
    if (attempts === undefined) delete process.env.RUNNER_MAX_ATTEMPTS;
    else process.env.RUNNER_MAX_ATTEMPTS = attempts;
    await runner?.stop();
    await quick?.stop();
    await server?.database.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(spillDir, { recursive: true, force: true });
    rmSync(server?.deps.config.uploads.datasetsDir ?? '', { recursive: true, force: true });
  });

  const doc = (source: Json, query = 'select * from src', parameters: Json[] = []) => ({
    format: 'customs-studio/pipeline',
    version: 1,
    name: 'sandbox',
    parameters,
    nodes: [
      { id: 'src', type: 'source.file', params: { format: 'csv', ...source } },
      { id: 'q', type: 'sql', params: { query } },
    ],
    edges: [{ source: 'src', target: 'q' }],
  });

  /** Saves `d` as `who`'s pipeline and queues a run with these values; returns the run id. */
  const queue = async (who: Client, d: Json, params: Json = {}) => {
    const created = await who.post('/api/pipelines', { doc: d });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const res = await who.post('/api/schedules', { pipelineId: id, cron: '0 0 1 1 *', params });
    expect(res.status, await res.clone().text()).toBe(201);
    const schedule = (await res.json()) as Json;
    const started = await who.post(`/api/schedules/${schedule.id}/run`);
    expect(started.status, await started.clone().text()).toBe(202);
    return String(((await started.json()) as Json).id);
  };
  const finished = async (who: Client, runId: string, by = runner) => {
    await by.tick();
    await by.idle();
    return (await (await who.get(`/api/runs/${runId}`)).json()) as Json;
  };
  const runAs = async (who: Client, d: Json, params: Json = {}) => finished(who, await queue(who, d, params));

  /** Everything stored with a run an officer can read: no server folder may appear in it. */
  const expectNoServerPath = (run: Json) => {
    const text = JSON.stringify({ error: run.error, log: run.log });
    for (const folder of [root, server.deps.config.uploads.datasetsDir, homedir(), process.cwd()]) {
      expect(text).not.toContain(folder);
    }
  };

  describe('files through parameters', () => {
    const pathParam = (value: string) => [{ name: 'p', type: 'string', default: value }];

    it('refuses /etc/passwd as a parameter default', async () => {
      const run = await runAs(kim, doc({ path: '{{p}}' }, undefined, pathParam('/etc/passwd')));
      expect(run).toMatchObject({ status: 'failed', errorNodeId: 'src' });
      expect(run.error).toMatch(/^노드 "src": .*서버의 데이터 폴더 밖에 있어 열 수 없습니다/);
      expect(JSON.stringify(run)).not.toContain('root:x:0');
    }, 60_000);

    it("refuses ../ out of the data folder as a schedule's value", async () => {
      const run = await runAs(kim, doc({ path: '{{p}}' }, undefined, pathParam('decl.csv')), {
        p: '../outside/secret.csv',
      });
      expect(run).toMatchObject({ status: 'failed', errorNodeId: 'src' });
      expect(run.error).toMatch(/서버의 데이터 폴더 밖/);
      expect(JSON.stringify(run)).not.toContain('TOP-SECRET');
    }, 60_000);

    it('refuses a symlink inside the data folder that points outside it, follows one that stays inside', async () => {
      const leak = await runAs(kim, doc({ path: '{{p}}' }, undefined, pathParam('leak.csv')));
      expect(leak).toMatchObject({ status: 'failed', errorNodeId: 'src' });
      expect(leak.error).toMatch(/"leak\.csv"은\(는\) 서버의 데이터 폴더 밖/);
      expectNoServerPath(leak);
      const alias = await runAs(kim, doc({ path: 'alias.csv' }));
      expect(alias.status, String(alias.error)).toBe('succeeded');
      expect((alias.log as Json[]).find((n) => n.nodeId === 'src')?.rows).toBe(3);
    }, 60_000);

    it('names a missing file as the officer wrote it, in Korean, without the server path', async () => {
      const run = await runAs(kim, doc({ path: '{{p}}' }, undefined, pathParam('2026/없는파일.csv')));
      expect(run).toMatchObject({ status: 'failed', errorNodeId: 'src' });
      expect(run.error).toMatch(/^노드 "src": 파일을 찾을 수 없습니다: "2026\/없는파일\.csv"/);
      expectNoServerPath(run);
    }, 60_000);
  });

  describe("another department's private dataset", () => {
    let secretId: string;
    let ownId: string;
    beforeAll(async () => {
      const up = async (who: Client, name: string, body: string) => {
        const res = await who.post('/api/datasets', new TextEncoder().encode(body), { 'x-filename': name });
        expect(res.status, await res.clone().text()).toBe(201);
        return String(((await res.json()) as Json).id);
      };
      secretId = await up(lee, 'b-secret.csv', SECRET); // private to lee (department B)
      ownId = await up(kim, 'a-own.csv', CSV);
    });

    it('refuses it by literal id (a template copy) and by {{parameter}}, naming the node, not the dataset', async () => {
      const literal = await runAs(kim, doc({ datasetId: secretId }));
      const viaParam = await runAs(
        kim,
        doc({ datasetId: '{{d}}' }, undefined, [{ name: 'd', type: 'string', default: ownId }]),
        {
          d: secretId,
        },
      );
      for (const run of [literal, viaParam]) {
        expect(run).toMatchObject({ status: 'failed', errorNodeId: 'src' });
        expect(run.error).toMatch(/^노드 "src": 접근 권한이 없는 데이터셋/);
        expect(JSON.stringify(run)).not.toMatch(/TOP-SECRET|b-secret/);
        expectNoServerPath(run);
      }
    }, 60_000);

    it("refuses another department's private ZIP of scans to the image node too; reads the owner's own", async () => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      );
      const up = async (who: Client, name: string, files: Record<string, Uint8Array>) => {
        const res = await who.post('/api/datasets', zipSync(files), { 'x-filename': name });
        expect(res.status, await res.clone().text()).toBe(201);
        return String(((await res.json()) as Json).id);
      };
      const secretScans = await up(lee, 'b-scans.zip', { 'B/1.png': png, 'B/2.png': png, 'B/3.png': png });
      const ownScans = await up(kim, 'a-scans.zip', { 'A/1.png': png, 'A/2.png': png });
      const query = "select file_name from src where folder = 'A'";
      const images = (datasetId: string) => ({
        ...doc({}),
        nodes: [
          { id: 'src', type: 'source.image_files', params: { datasetId } },
          { id: 'q', type: 'sql', params: { query } },
        ],
      });
      const refused = await runAs(kim, images(secretScans));
      expect(refused).toMatchObject({ status: 'failed', errorNodeId: 'src' });
      expect(refused.error).toMatch(/^노드 "src": 접근 권한이 없는 데이터셋/);
      expect(JSON.stringify(refused)).not.toMatch(/b-scans/);
      expectNoServerPath(refused);
      // a scanned C/O uploaded as a PDF dataset, read in the same run: one row per page (three blank grey pages of
      // the reader's least size)
      const grey = zlibSync(new Uint8Array(200 * 200).fill(255));
      const page = imagePage('/Filter /FlateDecode /ColorSpace /DeviceGray /BitsPerComponent 8', 200, 200, grey);
      const pdf = await kim.post('/api/datasets', buildPdf([page, page, page]), { 'x-filename': 'a-co.pdf' });
      expect(pdf.status, await pdf.clone().text()).toBe(201);
      const pdfId = String(((await pdf.json()) as Json).id);
      const both = images(ownScans);
      const own = await runAs(kim, {
        ...both,
        nodes: [...both.nodes, { id: 'co', type: 'source.image_files', params: { datasetId: pdfId } }],
      });
      expect(own.status, String(own.error)).toBe('succeeded');
      expect((own.log as Json[]).find((n) => n.nodeId === 'q')?.rows).toBe(2); // both scans, read from the ZIP
      expect((own.log as Json[]).find((n) => n.nodeId === 'co')?.rows).toBe(3); // the PDF's three pages
    }, 60_000);

    it("still reads the owner's own dataset through a parameter", async () => {
      const run = await runAs(
        kim,
        doc({ datasetId: '{{d}}' }, undefined, [{ name: 'd', type: 'string', default: ownId }]),
      );
      expect(run.status, String(run.error)).toBe('succeeded');
      expect((run.log as Json[]).find((n) => n.nodeId === 'q')?.rows).toBe(3);
    }, 60_000);
  });

  describe('image nodes (X-ray scans, certificate scans)', () => {
    const image = (type: string, params: Json, parameters: Json[] = []) => ({
      ...doc({}),
      parameters,
      nodes: [
        { id: 'src', type, params },
        { id: 'q', type: 'sql', params: { query: 'select * from src' } },
      ],
    });
    let secretId: string;
    beforeAll(async () => {
      const res = await lee.post('/api/datasets', new TextEncoder().encode(SECRET), { 'x-filename': 'b-scan.csv' });
      secretId = String(((await res.json()) as Json).id);
    });

    it('refuses scan paths outside the data folder, also through {{parameter}}, and the other department’s dataset', async () => {
      const runs = [
        await runAs(
          kim,
          image('model.xray_detect', { images: ['{{p}}'] }, [{ name: 'p', type: 'string', default: 'x.png' }]),
          {
            p: '/etc/passwd',
          },
        ),
        await runAs(
          kim,
          image('model.xray_detect', { model: 'custom', modelPath: '../outside/secret.csv', images: ['decl.csv'] }),
        ),
        await runAs(kim, image('source.image_files', { path: '../outside/secret.csv' })),
      ];
      for (const run of runs) {
        expect(run).toMatchObject({ status: 'failed', errorNodeId: 'src' });
        expect(run.error).toMatch(/서버의 데이터 폴더 밖/);
        expect(JSON.stringify(run)).not.toMatch(/root:x:0|TOP-SECRET/);
        expectNoServerPath(run);
      }
      const borrowed = await runAs(kim, image('model.xray_detect', { imageDatasets: [secretId] }));
      expect(borrowed).toMatchObject({ status: 'failed', errorNodeId: 'src' });
      expect(borrowed.error).toMatch(/^노드 "src": 접근 권한이 없는 데이터셋/);
      expectNoServerPath(borrowed);
    }, 90_000);
  });

  describe('queries that must stop', () => {
    /** Starts the endless query on `by` and returns the run id and the process executing it. */
    const startEndless = async (by: Runner) => {
      const warmUp = await finished(kim, await queue(kim, doc({ path: 'decl.csv' })), by);
      expect(warmUp.status, String(warmUp.error)).toBe('succeeded');
      // a warm process takes the run while the pool starts a spare: the busy one among the warm ones runs it
      await quiet(30_000);
      const warm = descendants();
      const runId = await queue(kim, doc({ path: 'decl.csv' }, ENDLESS));
      await by.tick();
      const pid = await busyAmong(warm, 30_000);
      expect(pid, 'a run process executing the query').toBeDefined();
      return { runId, pid: pid! };
    };

    it('cancel: the query is interrupted, its process gone within 2 s, CPU back to idle', async () => {
      const { runId, pid } = await startEndless(runner);
      expect((await kim.post(`/api/runs/${runId}/cancel`)).status).toBe(200);
      const cancelledAt = Date.now();
      await runner.tick();
      await runner.idle();
      const tookMs = Date.now() - cancelledAt;
      const gone = !existsSync(`/proc/${pid}`);
      const cpu = await cpuOver([process.pid, pid], 1000);
      console.log(
        `cancel: run process gone ${tookMs} ms after the cancel reached the runner; then ${cpu * 10} ms CPU in 1 s`,
      );
      expect(tookMs).toBeLessThan(2000);
      expect(gone).toBe(true);
      expect(cpu).toBeLessThan(30); // < 0.3 core-s in 1 s
      const run = (await (await kim.get(`/api/runs/${runId}`)).json()) as Json;
      expect(run.status).toBe('cancelled');
    }, 90_000);

    it('time-out: the query is interrupted, its process gone within 2 s, CPU back to idle', async () => {
      const { runId, pid } = await startEndless(quick);
      await quick.idle();
      const endedAt = Date.now();
      const run = (await (await kim.get(`/api/runs/${runId}`)).json()) as Json;
      expect(run.status).toBe('timed_out');
      expect(existsSync(`/proc/${pid}`)).toBe(false);
      expect(Date.now() - endedAt).toBeLessThan(2000);
      expect(await cpuOver([process.pid, pid], 1000)).toBeLessThan(30);
    }, 90_000);
  });

  describe('spill files', () => {
    it('spill into a folder of the run, under a quota, deleted when the run ends', async () => {
      const sort = 'SELECT i, random() AS r FROM range(6000000) t(i) ORDER BY r';
      const runId = await queue(kim, doc({ path: 'decl.csv' }, sort));
      let seen = 0;
      let most = 0;
      const watch = setInterval(() => {
        const folder = path.join(spillDir, runId, 'spill');
        const names = existsSync(folder) ? readdirSync(folder) : [];
        const bytes = names.reduce(
          (sum, n) => sum + (statSync(path.join(folder, n), { throwIfNoEntry: false })?.size ?? 0),
          0,
        );
        seen = Math.max(seen, names.length);
        most = Math.max(most, bytes);
      }, 50);
      const run = await finished(kim, runId).finally(() => clearInterval(watch));
      expect(seen, 'spill files in the run folder while it ran').toBeGreaterThan(0);
      expect(run).toMatchObject({ status: 'failed', errorNodeId: 'q' });
      expect(most, 'spilled bytes stay under the 8 MiB quota').toBeLessThanOrEqual(8 * 1024 ** 2);
      expect(run.error).toMatch(/^노드 "q": 실행이 임시 저장 공간 한도\(8MiB\)를 넘었습니다/); // the sort needs ~100 MB
      expectNoServerPath(run);
      expect(existsSync(path.join(spillDir, runId))).toBe(false);
    }, 90_000);

    it("refuses glob and read_blob of another run's spill folder", async () => {
      mkdirSync(path.join(spillDir, 'other-run'), { recursive: true });
      writeFileSync(path.join(spillDir, 'other-run', 'duckdb_temp_block-1.block'), 'OTHER-RUN-DATA');
      const queries = [
        `select * from glob(${stringLiteral(`${spillDir}/**`)})`,
        `select * from read_blob(${stringLiteral(`${spillDir}/other-run/duckdb_temp_block-1.block`)})`,
        "select * from glob(current_setting('temp_directory') || '/../../**')",
      ];
      for (const query of queries) {
        const run = await runAs(kim, doc({ path: 'decl.csv' }, query));
        expect(run, query).toMatchObject({ status: 'failed', errorNodeId: 'q' });
        expect(run.error).toMatch(/disabled by configuration/);
        expect(JSON.stringify(run)).not.toContain('OTHER-RUN-DATA');
      }
    }, 90_000);

    it('are all cleared when the server starts', async () => {
      mkdirSync(spillDir, { recursive: true });
      mkdirSync(path.join(spillDir, 'crashed-run'), { recursive: true });
      writeFileSync(path.join(spillDir, 'crashed-run', 'duckdb_temp_storage-0.tmp'), 'x');
      await clearSpill(spillDir);
      expect(existsSync(spillDir)).toBe(false);
    });
  });

  describe('user SQL', () => {
    it('refuses a second statement hidden in $$…$$ (the text check alone let it through)', async () => {
      const hidden = "select $$ ' $$ AS a) ; CREATE TABLE pwn AS SELECT 1 ; SELECT * FROM (SELECT $$ ' $$ AS b";
      const run = await runAs(kim, doc({ path: 'decl.csv' }, hidden));
      expect(run).toMatchObject({ status: 'failed', errorNodeId: 'q' });
      expect(run.error).toMatch(/SELECT 한 문장만 쓸 수 있습니다/);
    }, 60_000);

    it("counts statements with DuckDB's parser before describing a query", async () => {
      const engine = await DuckDBNodeEngine.create({ threads: 1 });
      try {
        await expect(
          engine.describe('SELECT * FROM (SELECT $$;$$ AS a) ; CREATE TABLE pwn AS SELECT 1 ; SELECT 1'),
        ).rejects.toThrow(/DuckDB가 문장 3개를 찾았습니다/);
        await expect(
          engine.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'pwn'"),
        ).resolves.toMatchObject({
          rows: [{ n: 0 }],
        });
        await expect(engine.describe("SELECT ';' AS a")).resolves.toHaveLength(1);
      } finally {
        await engine.close();
      }
    });

    it('sees no server folder in duckdb_settings()', async () => {
      const runId = await queue(kim, doc({ path: 'decl.csv' }, 'SELECT name, value FROM duckdb_settings()'));
      const run = await finished(kim, runId);
      expect(run.status, String(run.error)).toBe('succeeded');
      const engine = await DuckDBNodeEngine.create({ threads: 1 });
      try {
        const file = path.join(artifactsDir, runId, 'q.parquet');
        const settings = await engine.query(`SELECT name, value FROM read_parquet(${stringLiteral(file)})`);
        expect(settings.rows.length).toBeGreaterThan(50);
        const text = JSON.stringify(settings.rows);
        for (const folder of [root, homedir(), process.cwd(), server.deps.config.uploads.datasetsDir]) {
          expect(text).not.toContain(folder);
        }
      } finally {
        await engine.close();
      }
    }, 60_000);
  });
});
