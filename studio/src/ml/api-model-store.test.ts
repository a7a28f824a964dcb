/** The studio's model store against the real API (the typed client's fetch goes to an in-process app). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nodeDefinitions } from '../../../nodes/index.ts';
import { DuckDBNodeEngine } from '../../../runtime/engine/duckdb-node.ts';
import { trainGbdt } from '../../../runtime/ml/gbdt.ts';
import { exportOnnx } from '../../../runtime/ml/onnx-export.ts';
import { doc, resolve, runtimeFor, values } from '../../../runtime/testing/harness.ts';
import { drivers } from '../../../server/test/databases.ts';
import { type Client, ORIGIN, type TestServer, testServer } from '../../../server/test/harness.ts';
import { sessionStore } from '../library/session-store.ts';
import { ApiModelStore, followSessionForModels, studioModels } from './api-model-store.ts';

describe('ApiModelStore [pglite]', () => {
  let server: TestServer;
  let kim: Client;
  const modelsDir = mkdtempSync(join(tmpdir(), 'cas-studio-models-'));

  beforeAll(async () => {
    server = await testServer(drivers[0]!, (c) => {
      c.uploads.modelsDir = modelsDir;
    });
    await server.user('kim');
    kim = await server.signIn('kim');
    // what the browser adds: the session cookie, the page's origin and its CSRF token
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', kim.cookie ?? '');
      headers.set('origin', ORIGIN);
      headers.set('x-csrf-token', kim.csrf ?? '');
      return server.app.request(new Request(input, { ...init, headers }));
    });
  }, 30_000);

  afterAll(async () => {
    vi.unstubAllGlobals();
    await server?.database.close();
    rmSync(modelsDir, { recursive: true, force: true });
  });

  it('saves, lists and loads a model with its bytes intact, owned by the signed-in user', async () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i);
    const onnx = exportOnnx(
      trainGbdt(
        [x],
        x.map((v) => (v > 50 ? 1 : 0)),
        { rounds: 3 },
      ),
    );
    const store = new ApiModelStore();
    const meta = { kind: 'onnx' as const, inputColumns: ['value'] };
    const first = await store.save({ name: 'rt', kind: 'onnx', fingerprint: 'f1', metrics: { auc: 0.5 }, meta, onnx });
    expect(first).toMatchObject({ name: 'rt', version: 1, owner: 'kim' });
    await store.save({ name: 'rt', kind: 'onnx', fingerprint: 'f2', metrics: {}, meta, onnx });

    expect((await store.list()).map((m) => [m.name, m.version, m.fingerprint])).toEqual([
      ['rt', 1, 'f1'],
      ['rt', 2, 'f2'],
    ]);
    const latest = await store.load('rt');
    expect(latest.info.version).toBe(2);
    expect(latest.meta).toEqual(meta);
    expect([...latest.onnx]).toEqual([...onnx]);
    expect((await store.load('rt', 1)).info.fingerprint).toBe('f1');
    await expect(store.load('nope')).rejects.toThrow(/no model named "nope"/);
    await expect(store.load('rt', 9)).rejects.toThrow(/has no version 9/);
  });

  it('registers a screening model trained in one pipeline and scores another with it, through the API', async () => {
    const models = new ApiModelStore();
    const engine = await DuckDBNodeEngine.create();
    try {
      // HS H0 from CN is a hit, everything else not: 240 rows, 20 hits (every 12th row is H0 from CN)
      const rows = Array.from({ length: 240 }, (_, i) => {
        const hs = `H${i % 4}`;
        const origin = i % 3 === 0 ? 'CN' : 'US';
        return [`D${i}`, hs, origin, (i * 37) % 1000, hs === 'H0' && origin === 'CN' ? 1 : 0];
      });
      const table = values(['id', 'hs', 'origin', 'mass:DOUBLE', 'fraud:INTEGER'], rows);
      const runtime = runtimeFor(engine, nodeDefinitions, undefined, { models });
      const run = async (nodes: unknown[], edges: Parameters<typeof doc>[1], target: string) => {
        const pipeline = resolve(doc(nodes as never, edges), nodeDefinitions);
        const result = await runtime.run(pipeline, { targets: [target] });
        const status = result.nodes.find((n) => n.nodeId === target);
        if (status?.state !== 'done') throw new Error(status?.error?.message ?? status?.state);
        return status.warnings.map((w) => w.message);
      };
      const train = { label: 'fraud', categorical: ['hs', 'origin'], numeric: ['mass'], learner: 'gbdt', rounds: 10 };
      const trained = await run(
        [
          { id: 'history', type: 'test.values', params: table },
          { id: 'screen', type: 'model.risk_screening', params: { ...train, saveAs: 'screen-api' } },
        ],
        [
          { source: 'history', target: 'screen', targetPort: 'train' },
          { source: 'history', target: 'screen', targetPort: 'score' },
        ],
        'screen',
      );
      expect(trained).toContain('모델 등록 · registered: screen-api v1');
      const scored = await run(
        [
          { id: 'incoming', type: 'test.values', params: table },
          { id: 'scored', type: 'model.score', params: { model: 'screen-api' } },
        ],
        [['incoming', 'scored']],
        'scored',
      );
      expect(scored[0]).toMatch(/^screen-api v1 \(screening\)/);
      const info = (await new ApiModelStore().list()).find((m) => m.name === 'screen-api');
      expect(info).toMatchObject({ owner: 'kim', kind: 'screening', metrics: { rows: 240 } });
      expect(info?.fingerprint).toHaveLength(64);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it("is the studio run session's model store while someone is signed in, and none after sign-out", () => {
    followSessionForModels();
    sessionStore.setState({ user: null });
    expect(studioModels()).toBeUndefined();
    const user = { id: 'u', username: 'kim', displayName: 'KIM', role: 'officer', department: null };
    sessionStore.setState({ user: { ...user, mustChangePassword: true } as never });
    expect(studioModels()).toBeUndefined(); // not before the one-time password is replaced
    sessionStore.setState({ user: { ...user, mustChangePassword: false } as never });
    expect(studioModels()).toBeInstanceOf(ApiModelStore);
    sessionStore.setState({ user: null });
    expect(studioModels()).toBeUndefined();
  });
});
