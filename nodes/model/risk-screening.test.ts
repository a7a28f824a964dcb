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

const ORIGINS = ['CN', 'US', 'VN', 'DE', 'JP'];
/**
 * Planted pattern: HS codes H00–H04 shipped from CN are violations 60 % of the time, everything else
 * 5 %. The importer id is noise. About 2.5 % of rows are planted (5 of 40 codes × 1 of 5 origins).
 */
function declarations(n: number, seed: number, extra: unknown[][] = []) {
  const r = rng(seed);
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const hs = `H${String(Math.floor(r() * 40)).padStart(2, '0')}`;
    const origin = ORIGINS[Math.floor(r() * 5)]!;
    const planted = Number(hs.slice(1)) < 5 && origin === 'CN';
    const fraud = r() < (planted ? 0.6 : 0.05) ? 1 : 0;
    const mass = Math.round(r() * 1000) + 1;
    rows.push([
      `D${i}`,
      `2024-${String(1 + Math.floor((i / n) * 12)).padStart(2, '0')}-01`,
      hs,
      origin,
      `IMP${Math.floor(r() * 500)}`,
      mass,
      mass * 3.5,
      fraud,
    ]);
  }
  return values(
    ['id', 'day', 'hs', 'origin', 'importer', 'mass:DOUBLE', 'value:DOUBLE', 'fraud:INTEGER'],
    [...rows, ...extra],
  );
}

const PARAMS = {
  label: 'fraud',
  categorical: ['hs', 'origin', 'importer'],
  numeric: ['mass'],
  unitValue: { value: 'value', quantity: 'mass' },
  timeColumn: 'day',
  rounds: 60,
};

async function score(params: Record<string, unknown>, train = declarations(3000, 1), incoming = declarations(1000, 2)) {
  const pipeline = resolve(
    doc(
      [
        { id: 'history', type: 'test.values', params: train },
        { id: 'incoming', type: 'test.values', params: incoming },
        { id: 'scored', type: 'model.risk_screening', params },
      ],
      [
        { source: 'history', target: 'scored', targetPort: 'train' },
        { source: 'incoming', target: 'scored', targetPort: 'score' },
      ],
    ),
    nodeDefinitions,
  );
  const runtime = runtimeFor(engine, nodeDefinitions);
  const result = await runtime.run(pipeline, { targets: ['scored'] });
  const node = result.nodes.find((x) => x.nodeId === 'scored');
  if (node?.state !== 'done') throw new Error(node?.error?.message ?? `scored: ${node?.state}`);
  const table = await runtime.preview(pipeline, 'scored', { limit: 100_000 });
  return { rows: table.rows, warnings: node.warnings ?? [] };
}

describe('model.risk_screening', () => {
  it('ranks the planted HS × origin group far above the rest, keeping every incoming column', async () => {
    const { rows, warnings } = await score({ ...PARAMS, learner: 'gbdt' });
    expect(rows).toHaveLength(1000);
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'day',
      'hs',
      'origin',
      'importer',
      'mass',
      'value',
      'fraud',
      'risk_score',
      'risk_level',
      'risk_reasons',
    ]);
    // Each flag is explained by its largest TreeSHAP contributions; a planted row's first reason is its group's rate.
    const flagged = rows.filter((r) => r.risk_level === 'high');
    expect(flagged.every((r) => typeof r.risk_reasons === 'string' && r.risk_reasons.length > 0)).toBe(true);
    expect(rows.filter((r) => r.risk_level !== 'high').every((r) => r.risk_reasons === null)).toBe(true);
    const plantedFlag = flagged.find((r) => Number(String(r.hs).slice(1)) < 5 && r.origin === 'CN')!;
    expect(String(plantedFlag.risk_reasons).split(' · ')[0]).toMatch(
      /(hs H0\d|origin CN).* 과거 적발률 높음\(\d+%\) ▲\d\.\d\d/,
    );
    const planted = rows.filter((r) => Number(String(r.hs).slice(1)) < 5 && r.origin === 'CN');
    const rest = rows.filter((r) => !planted.includes(r));
    const mean = (xs: typeof rows) => xs.reduce((s, r) => s + Number(r.risk_score), 0) / xs.length;
    // Planted rows hit 60 % of the time, the rest 5 %: a model that found the pattern scores them several times higher.
    expect(mean(planted) / mean(rest)).toBeGreaterThan(4);
    // Top 2 % (20 rows) against the 6.4 % base rate (0.025 × 0.6 + 0.975 × 0.05).
    const top = [...rows].sort((a, b) => Number(b.risk_score) - Number(a.risk_score)).slice(0, 20);
    expect(top.filter((r) => r.fraud === 1).length / 20).toBeGreaterThan(0.35);
    expect(warnings[0]?.message).toContain('GBDT');
  }, 60_000);

  it('marks the top 5 % high and the bottom 50 % low', async () => {
    const { rows } = await score({ ...PARAMS, learner: 'gbdt' });
    const count = (level: string) => rows.filter((r) => r.risk_level === level).length;
    expect([count('high'), count('medium'), count('low')]).toEqual([50, 450, 500]);
    const minHigh = Math.min(...rows.filter((r) => r.risk_level === 'high').map((r) => Number(r.risk_score)));
    const maxLow = Math.max(...rows.filter((r) => r.risk_level === 'low').map((r) => Number(r.risk_score)));
    expect(minHigh).toBeGreaterThanOrEqual(maxLow);
  }, 60_000);

  it('compares the three learners on the latest months and scores unseen codes and missing values', async () => {
    // Unseen HS code, missing origin and mass: scored with the overall rate (documented), not an error.
    const incoming = declarations(200, 3, [['X1', '2025-01-01', 'H99', null, 'NEW', null, null, 0]]);
    const { rows, warnings } = await score({ ...PARAMS, learner: 'auto' }, declarations(2000, 4), incoming);
    const odd = rows.find((r) => r.id === 'X1');
    expect(Number(odd?.risk_score)).toBeGreaterThan(0);
    expect(warnings[0]?.message).toMatch(/GBDT P@5% .* MLP P@5% .* GBDT\+MLP P@5%/);
  }, 90_000);

  it('refuses a label with only one outcome, and a label column that is not there', async () => {
    const allClean = declarations(300, 5);
    for (const row of allClean.rows as unknown[][]) row[7] = 0;
    await expect(score({ ...PARAMS, learner: 'gbdt' }, allClean)).rejects.toThrow(/needs both outcomes/);
    await expect(score({ ...PARAMS, label: 'inspected' })).rejects.toThrow(
      /column "inspected" is not in the history input/,
    );
  }, 60_000);
  it('gives every row the overall rate, and says so, when no column varies', async () => {
    // 20 hits in 200 rows: the base rate is 0.1, and constant columns cannot move anyone off it.
    const rows = Array.from({ length: 200 }, (_, i) => [
      `C${i}`,
      '2024-01-01',
      'H01',
      'CN',
      'IMP',
      100,
      350,
      i % 10 === 0 ? 1 : 0,
    ]);
    const constant = values(
      ['id', 'day', 'hs', 'origin', 'importer', 'mass:DOUBLE', 'value:DOUBLE', 'fraud:INTEGER'],
      rows,
    );
    const { rows: scored, warnings } = await score({ ...PARAMS, learner: 'gbdt' }, constant, constant);
    // Every row the same score, the base rate up to the drift of bagging (each tree sees 80 % of the rows).
    expect(new Set(scored.map((r) => r.risk_score)).size).toBe(1);
    expect(Number(scored[0]!.risk_score)).toBeCloseTo(0.1, 2);
    expect(warnings[0]?.message).toContain('no column separates hits from non-hits');
  }, 60_000);
});
