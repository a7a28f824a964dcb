import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { FileModelStore } from '../../runtime/ml/file-model-store.ts';
import { gbdtPredict, trainGbdt } from '../../runtime/ml/gbdt.ts';
import { exportOnnx } from '../../runtime/ml/onnx-export.ts';
import { rng } from '../../runtime/ml/rng.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';

let engine: Engine;
let dir: string;
let store: FileModelStore;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  dir = await mkdtemp(path.join(tmpdir(), 'models-'));
  store = new FileModelStore(dir, 'tester');
});
afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

/** HS H00–H04 from CN hit 60 %, the rest 5 %. */
function declarations(n: number, seed: number) {
  const r = rng(seed);
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const hs = `H${String(Math.floor(r() * 40)).padStart(2, '0')}`;
    const origin = ['CN', 'US', 'VN', 'DE', 'JP'][Math.floor(r() * 5)];
    const fraud = r() < (Number(hs.slice(1)) < 5 && origin === 'CN' ? 0.6 : 0.05) ? 1 : 0;
    rows.push([`D${seed}-${i}`, hs, origin, Math.round(r() * 1000) + 1, fraud]);
  }
  return values(['id', 'hs', 'origin', 'mass:DOUBLE', 'fraud:INTEGER'], rows);
}

async function run(
  nodes: { id: string; type: string; params: unknown }[],
  edges: Parameters<typeof doc>[1],
  target: string,
) {
  const pipeline = resolve(doc(nodes as never, edges), nodeDefinitions);
  const runtime = runtimeFor(engine, nodeDefinitions, undefined, { models: store });
  const result = await runtime.run(pipeline, { targets: [target] });
  const status = result.nodes.find((n) => n.nodeId === target);
  if (status?.state !== 'done') throw new Error(status?.error?.message ?? status?.state);
  const rows = (await runtime.preview(pipeline, target, { limit: 100_000 })).rows;
  return { rows, warnings: status.warnings.map((w) => w.message) };
}

const TRAIN = { label: 'fraud', categorical: ['hs', 'origin'], numeric: ['mass'], learner: 'gbdt', rounds: 40 };
const incoming = declarations(300, 2);

async function train(seed: number) {
  return run(
    [
      { id: 'history', type: 'test.values', params: declarations(1500, seed) },
      { id: 'incoming', type: 'test.values', params: incoming },
      { id: 'scored', type: 'model.risk_screening', params: { ...TRAIN, saveAs: 'hs-risk' } },
    ],
    [
      { source: 'history', target: 'scored', targetPort: 'train' },
      { source: 'incoming', target: 'scored', targetPort: 'score' },
    ],
    'scored',
  );
}

const score = (params: Record<string, unknown>, rows = incoming) =>
  run(
    [
      { id: 'incoming', type: 'test.values', params: rows },
      { id: 'rescored', type: 'model.score', params },
    ],
    [['incoming', 'rescored']],
    'rescored',
  );

describe('model registry and model.score', () => {
  it('scores another pipeline with a registered model exactly as the training step did, by version', async () => {
    const first = await train(1);
    expect(first.warnings).toContain('모델 등록 · registered: hs-risk v1');
    const second = await train(7);
    expect(second.warnings).toContain('모델 등록 · registered: hs-risk v2');

    const v1 = await score({ model: 'hs-risk', version: 1 });
    expect(v1.rows.map((r) => r.risk_score)).toEqual(first.rows.map((r) => r.risk_score));
    const latest = await score({ model: 'hs-risk' });
    expect(latest.rows.map((r) => r.risk_score)).toEqual(second.rows.map((r) => r.risk_score));
    expect(latest.warnings[0]).toMatch(/^hs-risk v2 \(screening\)/);

    const listed = await store.list();
    expect(listed.map((m) => [m.name, m.version, m.owner, m.fingerprint.length])).toEqual([
      ['hs-risk', 1, 'tester', 64],
      ['hs-risk', 2, 'tester', 64],
    ]);
    // Different training rows, different fingerprints.
    expect(listed[0]!.fingerprint).not.toBe(listed[1]!.fingerprint);
  }, 60_000);

  it('scores with an uploaded ONNX model over named columns', async () => {
    const r = rng(3);
    const x = Float64Array.from({ length: 500 }, () => r() * 1000);
    const y = x.map((v) => (v > 600 ? 1 : 0));
    const model = trainGbdt([x], y, { rounds: 20 });
    await store.save({
      name: 'heavy',
      kind: 'onnx',
      fingerprint: '',
      metrics: {},
      meta: { kind: 'onnx', inputColumns: ['mass'] },
      onnx: exportOnnx(model),
    });
    const { rows } = await score({ model: 'heavy' });
    const expected = gbdtPredict(model, [Float64Array.from(rows, (row) => Number(row.mass))]);
    for (const [i, row] of rows.entries()) expect(row.risk_score).toBeCloseTo(expected[i]!, 5);
  }, 60_000);

  it('says which model, version or column is missing', async () => {
    await expect(score({ model: 'nope' })).rejects.toThrow(/no model named "nope"/);
    await expect(score({ model: 'hs-risk', version: 9 })).rejects.toThrow(/has no version 9/);
    const noMass = values(['id', 'hs', 'origin'], [['a', 'H01', 'CN']]);
    await expect(score({ model: 'hs-risk' }, noMass)).rejects.toThrow(/column "mass" is not in the connected input/);
  }, 60_000);
});
