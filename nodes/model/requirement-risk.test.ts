import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { auc } from '../../runtime/ml/metrics.ts';
import { rng } from '../../runtime/ml/rng.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';
import { applyNode } from '../prep/prep-test-kit.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

const HEADER = ['id:INTEGER', 'hs:VARCHAR', 'origin:VARCHAR', 'exempt:BOOLEAN', 'mass:DOUBLE', 'y:INTEGER'];

/**
 * 3,000 declarations. Planted: origin TH on HS 0903 raises the odds of a violation ×e^3; heavy shipments
 * ×e^1 per unit of log mass above average. Items 1207… are on the verification list.
 */
function planted() {
  const next = rng(11);
  const hsList = ['1207400000', '0903000000', '8517130000', '6403990000'];
  const origins = ['CN', 'TH', 'US', 'VN'];
  const rows: unknown[][] = [];
  for (let i = 0; i < 3000; i++) {
    const hs = hsList[Math.floor(next() * 4)]!;
    const origin = origins[Math.floor(next() * 4)]!;
    const lm = next() * 4 - 2;
    const x = -3.5 + (origin === 'TH' && hs.startsWith('0903') ? 3 : 0) + lm;
    const y = next() < 1 / (1 + Math.exp(-x)) ? 1 : 0;
    // the last 1,000 rows were not inspected: no label
    rows.push([i, hs, origin, next() < 0.1, Math.exp(lm + 5), i < 2000 ? y : null]);
  }
  return values(HEADER, rows);
}

const PARAMS = {
  hs: 'hs',
  exempt: 'exempt',
  prefixes: ['1207'],
  label: 'y',
  categorical: ['origin'],
  numeric: ['mass'],
};

describe('model.requirement_risk', () => {
  it('rule first: listed items claiming exemption get risk 1 with the rule text', async () => {
    const table = values(HEADER, [
      [1, '1207400000', 'CN', true, 100, 0],
      [2, '1207400000', 'CN', false, 100, 1],
      [3, '0903000000', 'TH', true, 200, 0],
      [4, '0903000000', 'TH', false, 300, 1],
      [5, '3004900000', 'US', true, 100, null],
    ]);
    const rows = await applyNode(engine, 'model.requirement_risk', { ...PARAMS, minCount: 1 }, { table });
    expect(rows.map((r) => r.requirement_reason)).toEqual(['rule', 'model', 'model', 'model', 'model']);
    expect(rows[0]!.requirement_risk).toBe(1);
    expect(rows[0]!.requirement_reason_text).toBe(
      '세관장확인 대상(HS 1207)인데 면제 주장 (HS 1207 needs verification but exemption is claimed)',
    );
    for (const r of rows.slice(1)) expect(r.requirement_risk).toBeLessThan(1);
    // input columns kept in order
    expect(Object.keys(rows[0]!).slice(0, 6)).toEqual(['id', 'hs', 'origin', 'exempt', 'mass', 'y']);
  });

  it('the item list may come from a second input', async () => {
    const table = values(HEADER, [
      [1, '3004900000', 'US', true, 100, 0],
      [2, '1207400000', 'CN', true, 120, 1],
    ]);
    const items = values(['code'], [['3004'], ['30049']]);
    const p = resolve(
      doc(
        [
          { id: 'd', type: 'test.values', params: table },
          { id: 'i', type: 'test.values', params: items },
          {
            id: 'n',
            type: 'model.requirement_risk',
            params: { ...PARAMS, prefixes: [], itemColumn: 'code', minCount: 1 },
          },
        ],
        [['d', 'n'], { source: 'i', target: 'n', targetPort: 'items' }],
      ),
      nodeDefinitions,
    );
    const rows = (await runtimeFor(engine, nodeDefinitions).preview(p, 'n', { limit: 10 })).rows;
    // the longest listed prefix names the rule
    expect(rows.map((r) => r.requirement_reason)).toEqual(['rule', 'model']);
    expect(rows[0]!.requirement_reason_text).toMatch(/^세관장확인 대상\(HS 30049\)인데 면제 주장/);
  });

  it('the classifier recovers the planted pattern on unlabelled rows, well above the base rate', async () => {
    const table = planted();
    const rows = await applyNode(engine, 'model.requirement_risk', PARAMS, { table });
    // score the 1,000 uninspected rows against their hidden truth: regenerate it (same seed, same draws)
    const truth = planted().rows.map((r, i) => {
      const x = -3.5 + (r[2] === 'TH' && String(r[1]).startsWith('0903') ? 3 : 0) + Math.log(Number(r[4])) - 5;
      return { i, x };
    });
    const later = rows.slice(2000).filter((r) => r.requirement_reason === 'model');
    const a = auc(
      later.map((r) => r.requirement_risk as number),
      later.map((r) => (truth[r.id as number]!.x > -2 ? 1 : 0)),
    );
    // the model's ranking agrees with the true log-odds ranking (AUC 0.5 = random)
    expect(a).toBeGreaterThan(0.9);
    const th = later.find((r) => r.origin === 'TH' && String(r.hs).startsWith('0903'))!;
    expect(th.requirement_reason_text).toContain('origin=TH');
  });

  it('an unseen category or a missing number counts as average, not as an error', async () => {
    const base = planted().rows;
    // two unlabelled rows alike but for the origin: ZZ never occurs in training, the other is empty
    const table = values(HEADER, [
      ...base,
      [9001, '8517130000', 'ZZ', false, 150, null],
      [9002, '8517130000', null, false, 150, null],
    ]);
    const rows = await applyNode(engine, 'model.requirement_risk', PARAMS, { table });
    const [a, b] = rows.slice(-2);
    expect(a!.requirement_risk).toBe(b!.requirement_risk);
    // a missing mass is the training mean: risk stays a probability
    const m = values(HEADER, [...base, [9003, '8517130000', 'CN', false, null, null]]);
    const last = (await applyNode(engine, 'model.requirement_risk', PARAMS, { table: m })).at(-1)!;
    expect(last.requirement_risk).toBeGreaterThan(0);
    expect(last.requirement_risk).toBeLessThan(1);
  });

  it('bad input gets a clear message', async () => {
    const table = planted();
    const run = (p: Record<string, unknown>, t = table) =>
      applyNode(engine, 'model.requirement_risk', { ...PARAMS, ...p }, { table: t });
    await expect(run({ label: 'nope' })).rejects.toThrow(/column "nope" is not in the input/);
    await expect(run({ prefixes: [] })).rejects.toThrow(/list the HS prefixes/);
    await expect(run({ label: 'id' })).rejects.toThrow(/must be 0\/1 \(found 2\)/);
    const flat = values(HEADER, [
      [1, '0903000000', 'TH', false, 5, 0],
      [2, '0903000000', 'CN', false, 5, 1],
    ]);
    await expect(run({ minCount: 1 }, flat)).rejects.toThrow(/"mass" is constant in the labelled rows/);
    const allZero = values(HEADER, [
      [1, '0903000000', 'TH', false, 5, 0],
      [2, '0903000000', 'CN', false, 6, 0],
    ]);
    await expect(run({ minCount: 1 }, allZero)).rejects.toThrow(/has only 0s/);
  });
});
