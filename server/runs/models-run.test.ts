/** The model registry in scheduled runs: the worker installs the server's models folder as the store. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileModelStore } from '../../runtime/ml/file-model-store.ts';
import { trainGbdt } from '../../runtime/ml/gbdt.ts';
import { exportOnnx } from '../../runtime/ml/onnx-export.ts';
import { drivers } from '../test/databases.ts';
import { type Client, type TestServer, testServer } from '../test/harness.ts';
import { workerExecutor } from './executor.ts';
import { Runner } from './runner.ts';

type Json = Record<string, unknown>;

describe('models in scheduled runs [pglite]', () => {
  let server: TestServer;
  let kim: Client;
  let runner: Runner;
  const dataDir = mkdtempSync(join(tmpdir(), 'cas-run-models-'));
  const filesDir = join(dataDir, 'files');
  const modelsDir = join(dataDir, 'models');

  beforeAll(async () => {
    mkdirSync(filesDir);
    writeFileSync(join(filesDir, 'decl.csv'), 'id,value\n1,500\n2,2000\n3,9000\n');
    // 200 training rows: HS H0 from CN is always a hit, everything else never (value is noise)
    const rows = Array.from({ length: 200 }, (_, i) => {
      const hs = `H${i % 4}`;
      const origin = i % 3 === 0 ? 'CN' : 'US';
      return `${hs},${origin},${(i * 37) % 1000},${hs === 'H0' && origin === 'CN' ? 1 : 0}`;
    });
    writeFileSync(join(filesDir, 'history.csv'), `hs,origin,value,fraud\n${rows.join('\n')}\n`);
    server = await testServer(drivers[0]!);
    await server.user('kim');
    kim = await server.signIn('kim');
    const execute = workerExecutor({
      db: server.database.db,
      datasetsDir: server.deps.config.uploads.datasetsDir,
      allowedDir: filesDir,
      modelsDir,
      timeLimitMs: 30_000,
      threads: 1,
      memoryLimit: '256MB',
      heapMb: 512,
    });
    runner = new Runner({ db: server.database.db, now: server.deps.now, execute, maxAttempts: 1 });
  }, 30_000);

  afterAll(async () => {
    await runner?.stop();
    await server?.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const runNow = async (doc: Json) => {
    const created = await kim.post('/api/pipelines', { doc });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const res = await kim.post('/api/schedules', { pipelineId: id, cron: '0 0 1 1 *', params: {} });
    const schedule = (await res.json()) as Json;
    const run = (await (await kim.post(`/api/schedules/${schedule.id}/run`)).json()) as Json;
    await runner.tick();
    await runner.idle();
    return (await (await kim.get(`/api/runs/${run.id}`)).json()) as Json;
  };
  const nodeLog = (run: Json, node: string) => (run.log as Json[]).find((n) => n.nodeId === node);
  const pipeline = (name: string, nodes: Json[], edges: Json[]) => ({
    format: 'customs-studio/pipeline',
    version: 1,
    name,
    nodes,
    edges,
  });

  it('scores with a model saved in the registry beforehand', async () => {
    // value > 1000 is a hit: of 500, 2000, 9000 the last two score high
    const x = Float64Array.from({ length: 300 }, (_, i) => i * 10);
    const model = trainGbdt(
      [x],
      x.map((v) => (v > 1000 ? 1 : 0)),
      { rounds: 10 },
    );
    await new FileModelStore(modelsDir, 'park').save({
      name: '고가',
      kind: 'onnx',
      fingerprint: '',
      metrics: {},
      meta: { kind: 'onnx', inputColumns: ['value'] },
      onnx: exportOnnx(model),
    });
    const run = await runNow(
      pipeline(
        'score',
        [
          { id: 'src', type: 'source.file', params: { path: 'decl.csv', format: 'csv' } },
          { id: 'scored', type: 'model.score', params: { model: '고가' } },
        ],
        [{ source: 'src', target: 'scored' }],
      ),
    );
    expect(run.status, String(run.error)).toBe('succeeded');
    const scored = nodeLog(run, 'scored')!;
    expect(scored.rows).toBe(3);
    expect(JSON.stringify(scored.warnings)).toMatch(/고가 v1 \(onnx\)/);
  }, 60_000);

  it('registers a model trained by a run, owned by whoever ran it', async () => {
    const run = await runNow(
      pipeline(
        'train',
        [
          { id: 'history', type: 'source.file', params: { path: 'history.csv', format: 'csv' } },
          {
            id: 'screen',
            type: 'model.risk_screening',
            params: { label: 'fraud', categorical: ['hs', 'origin'], learner: 'gbdt', rounds: 10, saveAs: 'run-model' },
          },
        ],
        [
          { source: 'history', target: 'screen', targetPort: 'train' },
          { source: 'history', target: 'screen', targetPort: 'score' },
        ],
      ),
    );
    expect(run.status, String(run.error)).toBe('succeeded');
    expect(JSON.stringify(nodeLog(run, 'screen')!.warnings)).toContain('registered: run-model v1');
    const listed = await new FileModelStore(modelsDir).list();
    expect(listed.find((m) => m.name === 'run-model')).toMatchObject({ version: 1, owner: 'kim', kind: 'screening' });
  }, 60_000);
});
