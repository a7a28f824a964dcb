import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { rng } from '../../runtime/ml/rng.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

/**
 * 30 HS codes × 4 origins = 120 profiles. Planted: the 12 profiles of codes 0–2 (any origin) are risky,
 * hit 70 % of the time, and are declared at a tenth of the usual unit value; the rest hit 5 %.
 */
function declarations(n: number, seed: number) {
  const r = rng(seed);
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const code = Math.floor(r() * 30);
    const risky = code < 3;
    const mass = 100 + Math.floor(r() * 900);
    const unit = (risky ? 1 : 10) * (1 + r() * 0.2);
    rows.push([
      String(code).padStart(6, '0'),
      ['CN', 'US', 'VN', 'DE'][Math.floor(r() * 4)],
      mass,
      mass * unit,
      r() < (risky ? 0.7 : 0.05) ? 1 : 0,
    ]);
  }
  return values(['hs6', 'origin', 'mass:DOUBLE', 'value:DOUBLE', 'fraud:INTEGER'], rows);
}

const PARAMS = { keys: ['hs6', 'origin'], label: 'fraud', unitValue: { value: 'value', quantity: 'mass' }, k: 4 };

async function run(
  params: Record<string, unknown>,
  node = 'scored',
  train = declarations(6000, 1),
  incoming = declarations(1000, 2),
) {
  const pipeline = resolve(
    doc(
      [
        { id: 'history', type: 'test.values', params: train },
        { id: 'incoming', type: 'test.values', params: incoming },
        { id: node, type: 'model.risk_clustering', params },
      ],
      [
        { source: 'history', target: node, targetPort: 'train' },
        ...(params.output === 'profiles' ? [] : [{ source: 'incoming', target: node, targetPort: 'score' }]),
      ],
    ),
    nodeDefinitions,
  );
  const runtime = runtimeFor(engine, nodeDefinitions);
  const result = await runtime.run(pipeline, { targets: [node] });
  const status = result.nodes.find((x) => x.nodeId === node);
  if (status?.state !== 'done') throw new Error(status?.error?.message ?? status?.state);
  return (await runtime.preview(pipeline, node, { limit: 100_000 })).rows;
}

describe('model.risk_clustering', () => {
  it('puts the planted profiles in the riskiest grade and scores them far above the rest', async () => {
    const rows = await run(PARAMS);
    expect(rows).toHaveLength(1000);
    expect(Object.keys(rows[0]!)).toEqual([
      'hs6',
      'origin',
      'mass',
      'value',
      'fraud',
      'cluster_id',
      'risk_grade',
      'cluster_risk',
      'risk_score',
    ]);
    const risky = rows.filter((r) => Number(r.hs6) < 3);
    expect(new Set(risky.map((r) => r.risk_grade))).toEqual(new Set(['E']));
    const mean = (xs: typeof rows) => xs.reduce((s, r) => s + Number(r.risk_score), 0) / xs.length;
    // 70 % against 5 %: the smoothed profile rates keep most of that gap.
    expect(mean(risky) / mean(rows.filter((r) => Number(r.hs6) >= 3))).toBeGreaterThan(5);
  }, 60_000);

  it('lists every profile with its cluster, grade and hit counts', async () => {
    const rows = await run({ ...PARAMS, output: 'profiles' }, 'profiles');
    expect(rows).toHaveLength(120);
    const risky = rows.filter((r) => Number(r.hs6) < 3);
    expect(risky).toHaveLength(12);
    for (const r of risky) expect(r.risk_grade).toBe('E');
    expect(rows.reduce((s, r) => s + Number(r.declarations), 0)).toBe(6000);
  }, 60_000);

  it('chooses k by silhouette when k is 0, and scores a profile never seen before', async () => {
    const incoming = values(
      ['hs6', 'origin', 'mass:DOUBLE', 'value:DOUBLE', 'fraud:INTEGER'],
      [['999999', 'ZZ', 10, 100, 0]],
    );
    const rows = await run({ ...PARAMS, k: 0 }, 'scored', declarations(3000, 3), incoming);
    expect(rows[0]!.cluster_id).toBeGreaterThan(0);
    expect(rows[0]!.risk_score).toBe(rows[0]!.cluster_risk);
  }, 60_000);

  it('names a key column that is missing', async () => {
    await expect(run({ ...PARAMS, keys: ['hs10'] })).rejects.toThrow(/column "hs10" is not in the history input/);
  });
});
