import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { FileTrainingCache } from '../../runtime/ml/file-training-cache.ts';
import { topK } from '../../runtime/ml/metrics.ts';
import type { ModelInfo, ModelStore, StoredModel } from '../../runtime/ml/model-store.ts';
import { rng } from '../../runtime/ml/rng.ts';
import { MemoryTrainingCache, type TrainingCache } from '../../runtime/ml/training-cache.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';

let engine: Engine;
let dir: string;
/** The registry the runs' session gives the node; none unless a test installs one. */
let registry: ModelStore | undefined;
/** The trainings the runs' session keeps; each test gives its own, as a host gives its session one. */
let trainings: TrainingCache | undefined;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  dir = await mkdtemp(path.join(tmpdir(), 'screening-objective-'));
});
afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Two planted groups. Frequent small cases: HS H00–H04 from CN are violations 70 % of the time with about
 * 10 of duty at stake. Rare large ones: HS H30 from DE (about 1 % of rows) are violations 40 % of the time
 * with about 1,000,000 at stake. Everything else: 4 %, duty about 10. By probability the small cases rank
 * first and the top 5 % holds little of the duty; ranked for revenue, the large cases come in.
 */
function declarations(n: number, seed: number) {
  const r = rng(seed);
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const large = r() < 0.012;
    const hs = large ? 'H30' : `H${String(Math.floor(r() * 30)).padStart(2, '0')}`;
    const origin = large ? 'DE' : ['CN', 'US', 'VN', 'JP'][Math.floor(r() * 4)]!;
    const small = Number(hs.slice(1)) < 5 && origin === 'CN';
    const fraud = r() < (large ? 0.4 : small ? 0.7 : 0.04) ? 1 : 0;
    const duty = large ? 800_000 + r() * 400_000 : 5 + r() * 10;
    rows.push([`D${i}`, `2024-${String(1 + Math.floor((i / n) * 12)).padStart(2, '0')}-01`, hs, origin, duty, fraud]);
  }
  return values(['id', 'day', 'hs', 'origin', 'duty:DOUBLE', 'fraud:INTEGER'], rows);
}

const PARAMS = {
  label: 'fraud',
  categorical: ['hs', 'origin'],
  timeColumn: 'day',
  learner: 'gbdt',
  revenue: ['duty'],
  rounds: 40,
};
const HISTORY = declarations(4000, 1);
const INCOMING = declarations(1500, 2);

async function score(params: Record<string, unknown>) {
  const pipeline = resolve(
    doc(
      [
        { id: 'history', type: 'test.values', params: HISTORY },
        { id: 'incoming', type: 'test.values', params: INCOMING },
        { id: 'scored', type: 'model.risk_screening', params },
      ],
      [
        { source: 'history', target: 'scored', targetPort: 'train' },
        { source: 'incoming', target: 'scored', targetPort: 'score' },
      ],
    ),
    nodeDefinitions,
  );
  // A new runtime each time: what a reload of the editor starts from.
  const runtime = runtimeFor(engine, nodeDefinitions, undefined, { models: registry, trainings });
  const result = await runtime.run(pipeline, { targets: ['scored'] });
  const node = result.nodes.find((x) => x.nodeId === 'scored');
  if (node?.state !== 'done') throw new Error(node?.error?.message ?? `scored: ${node?.state}`);
  const { rows } = await runtime.preview(pipeline, 'scored', { limit: 100_000 });
  const y = rows.map((r) => Number(r.fraud));
  const found = rows.map((r) => (Number(r.fraud) ? Number(r.duty) : 0));
  const at5 = topK(
    rows.map((r) => Number(r.risk_score)),
    y,
    [5],
    found,
  )[0]!;
  return { rows, at5, warnings: (node.warnings ?? []).map((w) => w.message) };
}

describe('model.risk_screening objectives', () => {
  it('finds the rare large-duty violations only when ranking for revenue or balanced', async () => {
    trainings = new MemoryTrainingCache();
    const precision = await score({ ...PARAMS, objective: 'precision' });
    const revenue = await score({ ...PARAMS, objective: 'revenue' });
    const balanced = await score({ ...PARAMS, objective: 'balanced' });
    // About 18 large cases among 1,500 rows, 7 of them violations, hold nearly all the duty found.
    expect(precision.at5.revenue).toBeLessThan(0.3);
    expect(revenue.at5.revenue).toBeGreaterThan(0.8);
    expect(balanced.at5.revenue).toBeGreaterThan(0.8);
    // Balanced keeps most of the hits: the top 5 % (75 rows) still mostly the frequent 70 % group.
    expect(balanced.at5.precision).toBeGreaterThan(0.5);
    expect(precision.at5.precision).toBeGreaterThanOrEqual(balanced.at5.precision);
    // The revenue at stake is said as part of the reason of a flag.
    const flag = balanced.rows.find((r) => r.risk_level === 'high' && r.hs === 'H30');
    expect(String(flag?.risk_reasons)).toMatch(/걸린 세액 [\d,]+$/);
  }, 60_000);

  it('reuses the training and the registered version after a reload instead of training a copy', async () => {
    const saved: { info: ModelInfo; meta: StoredModel['meta']; onnx: Uint8Array }[] = [];
    const store: ModelStore = {
      async save(m) {
        const info: ModelInfo = {
          name: m.name,
          version: saved.filter((s) => s.info.name === m.name).length + 1,
          kind: m.kind,
          fingerprint: m.fingerprint,
          metrics: m.metrics,
          owner: 'test',
          createdAt: new Date().toISOString(),
        };
        saved.push({ info, meta: m.meta, onnx: m.onnx });
        return info;
      },
      async load(name, version) {
        const hit = saved.find((s) => s.info.name === name && (version === undefined || s.info.version === version));
        if (!hit) throw new Error('missing');
        return hit;
      },
      async list() {
        return saved.map((s) => s.info);
      },
    };
    registry = store;
    const cacheDir = path.join(dir, 'training-cache');
    trainings = new FileTrainingCache(cacheDir);
    const params = { ...PARAMS, objective: 'balanced', saveAs: 'screening-test', rounds: 25 };
    const first = await score(params);
    expect(first.warnings.join('\n')).not.toContain('다시 썼습니다');
    expect(first.warnings.join('\n')).toContain('registered: screening-test v1');
    // A reload: nothing in memory, the cache on disk (IndexedDB in the browser) read by a new instance.
    trainings = new FileTrainingCache(cacheDir);
    const t0 = performance.now();
    const second = await score(params);
    const reloadMs = performance.now() - t0;
    expect(second.warnings.join('\n')).toContain('재학습 없음');
    expect(second.warnings.join('\n')).toContain('already registered as screening-test v1');
    expect(saved).toHaveLength(1);
    expect(second.rows.map((r) => r.risk_score)).toEqual(first.rows.map((r) => r.risk_score));
    expect(reloadMs).toBeLessThan(5_000);
    // Other settings are another training: a new version.
    const third = await score({ ...params, rounds: 26 });
    expect(third.warnings.join('\n')).toContain('registered: screening-test v2');
    registry = undefined;
  }, 60_000);
});
