import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { values } from '../../runtime/testing/harness.ts';
import { applyNode } from '../prep/prep-test-kit.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

// 10 evaluated rows (3 frauds, 7 clean, revenue 200 in all) + 1 uninspected row (label NULL, left out)
// + 2 rows before the cutoff that the time split must drop.
const SCORED = values(
  ['id:INTEGER', 'score:DOUBLE', 'fraud:INTEGER', 'rev:DOUBLE', 'day:DATE'],
  [
    [1, 0.9, 1, 100, '2024-02-01'],
    [2, 0.8, 1, 50, '2024-02-01'],
    [3, 0.8, 0, 0, '2024-02-01'],
    [4, 0.7, 0, 0, '2024-02-01'],
    [5, 0.6, 1, 50, '2024-02-01'],
    [6, 0.5, 0, 0, '2024-02-01'],
    [7, 0.4, 0, 0, '2024-02-01'],
    [8, 0.3, 0, 0, '2024-02-01'],
    [9, 0.2, 0, 0, '2024-02-01'],
    [10, 0.1, 0, 0, '2024-02-01'],
    [11, 0.95, null, null, '2024-02-01'],
    [12, 0.99, 0, 0, '2023-12-01'],
    [13, 0.01, 1, 999, '2023-12-01'],
  ],
);

const BASE = {
  score: 'score',
  label: 'fraud',
  revenue: 'rev',
  time: 'day',
  cutoff: '2024-01-01',
  ks: [10, 20, 30, 50],
};
const run = (params: Record<string, unknown>, port: string) =>
  applyNode(engine, 'model.evaluate', params, { table: SCORED, port });

describe('model.evaluate', () => {
  it('precision, recall, revenue and lift at k% worked out by hand, ties shared', async () => {
    const rows = await run(BASE, 'out');
    // N = 10, P = 3, revenue 200. AUC: the positive at 0.9 beats 7 negatives, the one at 0.8 beats 6 and ties 1
    // (6.5), the one at 0.6 beats 5: (7 + 6.5 + 5) / (3·7) = 18.5 / 21.
    const auc = 18.5 / 21;
    const expected = [
      // k=10%: 1 row (0.9, fraud, 100): P 1, R 1/3, Rev 100/200, lift 1 / 0.3
      { k: 10, n_selected: 1, hits: 1, precision: 1, recall: 1 / 3, revenue: 0.5, lift: 1 / 0.3 },
      // k=20%: 2 rows: 0.9 and half of the 0.8 tie (1 fraud of 2, revenue 50): hits 1.5, Rev (100 + 25) / 200
      { k: 20, n_selected: 2, hits: 1.5, precision: 0.75, recall: 0.5, revenue: 0.625, lift: 0.75 / 0.3 },
      // k=30%: 0.9 + both 0.8 rows: hits 2, Rev 150 / 200
      { k: 30, n_selected: 3, hits: 2, precision: 2 / 3, recall: 2 / 3, revenue: 0.75, lift: 2 / 3 / 0.3 },
      // k=50%: 0.9 … 0.6: all 3 frauds in 5 rows
      { k: 50, n_selected: 5, hits: 3, precision: 0.6, recall: 1, revenue: 1, lift: 2 },
    ];
    expect(rows.length).toBe(4);
    rows.forEach((r, i) => {
      const e = expected[i]!;
      for (const [key, v] of Object.entries(e)) expect(r[key], `${e.k}% ${key}`).toBeCloseTo(v, 10);
      expect(r.auc).toBeCloseTo(auc, 12);
      expect([r.n_rows, r.positives]).toEqual([10, 3]);
    });
  });

  it('confusion matrix at a threshold the officer sets (score ≥ 0.5 selected)', async () => {
    const rows = await run({ ...BASE, threshold: 0.5 }, 'confusion');
    // selected: 0.9 0.8 0.8 0.7 0.6 0.5 → 3 frauds, 3 clean; not selected: 4 clean, 0 frauds
    expect(rows.map((r) => [r.actual, r.predicted, r.count])).toEqual([
      [1, 1, 3],
      [1, 0, 0],
      [0, 1, 3],
      [0, 0, 4],
    ]);
    expect(rows.every((r) => r.threshold === 0.5 && r.k === null)).toBe(true);
  });

  it('confusion matrix by default at the top-k % inspection rate, ties with the cut included', async () => {
    // top 20 % of 10 rows = 2 rows; the 2nd row scores 0.8, tied with a 3rd → 0.9, 0.8, 0.8 selected:
    // frauds 1 and 2 and clean 3; not selected: fraud 5 and six clean
    const rows = await run({ ...BASE, confusionK: 20 }, 'confusion');
    expect(rows.map((r) => [r.actual, r.predicted, r.count])).toEqual([
      [1, 1, 2],
      [1, 0, 1],
      [0, 1, 1],
      [0, 0, 6],
    ]);
    expect(rows.every((r) => r.threshold === 0.8 && r.k === 20)).toBe(true);
    // the default rate, 5 %, still selects one row (the top score) rather than none
    const five = await run(BASE, 'confusion');
    expect(five.map((r) => r.count)).toEqual([1, 2, 0, 7]);
  });

  it('ROC and PR points per distinct score, from (0, 0) to (1, 1)', async () => {
    const roc = await run(BASE, 'roc');
    // 9 distinct scores + the origin; after the 0.8 tie: 3 selected, 2 frauds, 1 clean → fpr 1/7, tpr 2/3
    expect(roc.length).toBe(10);
    expect(roc[0]).toMatchObject({ n_selected: 0, fpr: 0, tpr: 0 });
    expect(roc[2]!.threshold).toBe(0.8);
    expect(roc[2]!.fpr).toBeCloseTo(1 / 7, 12);
    expect(roc[2]!.tpr).toBeCloseTo(2 / 3, 12);
    expect(roc[9]).toMatchObject({ n_selected: 10, fpr: 1, tpr: 1 });
    const pr = await run(BASE, 'pr');
    expect(pr.length).toBe(9);
    expect(pr[1]).toMatchObject({ n_selected: 3 });
    expect(pr[1]!.precision).toBeCloseTo(2 / 3, 12);
    // downsampled to 2 points: the last score group ending in each half of the rows (≤ 5, ≤ 10), plus the origin
    expect((await run({ ...BASE, points: 2 }, 'roc')).map((r) => r.n_selected)).toEqual([0, 5, 10]);
  });

  it('without the time split the earlier rows count too', async () => {
    const rows = await run({ score: 'score', label: 'fraud', ks: [10] }, 'out');
    // 12 labelled rows, 4 frauds; top 10% = ceil(1.2) = 2 rows: 0.99 (clean) and 0.9 (fraud)
    expect(rows[0]).toMatchObject({ n_rows: 12, positives: 4, n_selected: 2, hits: 1, precision: 0.5, revenue: null });
  });

  it('stops with a clear message on bad input', async () => {
    await expect(run({ ...BASE, label: 'nope' }, 'out')).rejects.toThrow(/column "nope" is not in the input/);
    await expect(run({ ...BASE, score: 'day' }, 'out')).rejects.toThrow(/"day" must be numeric/);
    await expect(run({ ...BASE, cutoff: undefined }, 'out')).rejects.toThrow(/needs a cutoff/);
    await expect(run({ ...BASE, label: 'id' }, 'out')).rejects.toThrow(/must hold 0\/1 \(found/);
  });
});
