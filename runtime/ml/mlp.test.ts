import { describe, expect, it } from 'vitest';
import { mlpPredict, trainMlp } from './mlp.ts';

/**
 * Two groups told apart by one input: A (x = 0) has 20 % violations, B (x = 1) 10 %. With each violation of B
 * weighing 10 (more duty at stake) and every other row 1, the weighted log loss is least at B's weighted share
 * of violations, 10 · 0.1 ÷ (10 · 0.1 + 0.9) = 0.526, against A's 0.2: weighting turns the ranking round.
 */
function groups() {
  const n = 1000;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = i % 2;
    const k = Math.floor(i / 2) % 10; // 10 rows of each group in turn: 2 of A's, 1 of B's are violations
    x[i] = b;
    y[i] = b ? Number(k < 1) : Number(k < 2);
    weight[i] = b && y[i] ? 10 : 1;
  }
  return { columns: [x], y, weight };
}

/** A small net trained briskly: the test is about the loss's weights, not the architecture. */
const SMALL = { hidden: [8], epochs: 40, batchSize: 50, learningRate: 0.01, seed: 1 };

describe('trainMlp', () => {
  it('learns the weighted share of violations when rows carry weights, the plain share without', () => {
    const { columns, y, weight } = groups();
    const probe = [Float64Array.from([0, 1])];
    const plain = mlpPredict(trainMlp(columns, y, { ...SMALL }), probe);
    expect(plain[0]).toBeCloseTo(0.2, 1);
    expect(plain[1]).toBeCloseTo(0.1, 1);
    const weighted = mlpPredict(trainMlp(columns, y, { ...SMALL, weight }), probe);
    expect(weighted[0]).toBeCloseTo(0.2, 1);
    expect(weighted[1]).toBeCloseTo(1 / 1.9, 1);
  });
});
