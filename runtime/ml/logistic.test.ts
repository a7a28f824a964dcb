import { describe, expect, it } from 'vitest';
import { fitLogistic, predictProba, toSparse } from './logistic.ts';
import { rng } from './rng.ts';

describe('fitLogistic', () => {
  it('intercept only: the log-odds of the base rate', () => {
    // 3 positives of 12 → logit(0.25) = ln(1/3)
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const m = fitLogistic(
      toSparse(
        y.map(() => []),
        0,
      ),
      y,
      { l2: 0 },
    );
    expect(m.intercept).toBeCloseTo(Math.log(1 / 3), 8);
  });

  it('one binary feature without penalty: the two groups’ log-odds (closed form)', () => {
    // x = 0: 1 positive of 5 → logit 0.2 = ln(1/4); x = 1: 3 of 4 → logit 0.75 = ln 3
    const x = [[0], [0], [0], [0], [0], [1], [1], [1], [1]];
    const y = [1, 0, 0, 0, 0, 1, 1, 1, 0];
    const m = fitLogistic(toSparse(x), y, { l2: 0, tol: 1e-10 });
    expect(m.converged).toBe(true);
    expect(m.intercept).toBeCloseTo(Math.log(1 / 4), 6);
    expect(m.coef[0]).toBeCloseTo(Math.log(3) - Math.log(1 / 4), 6);
    const p = predictProba(m, toSparse(x));
    expect(p[0]).toBeCloseTo(0.2, 6);
    expect(p[5]).toBeCloseTo(0.75, 6);
  });

  it('with L2 the gradient condition holds: mean residual·x = −λ·β', () => {
    // Separable data: without a penalty β would run to infinity; λ = 0.1 keeps it finite.
    const x = [[-2], [-1], [1], [2]];
    const y = [0, 0, 1, 1];
    const m = fitLogistic(toSparse(x), y, { l2: 0.1, tol: 1e-10 });
    const p = predictProba(m, toSparse(x));
    // symmetric data → intercept 0; stationarity: Σ (p − y)·x / 4 + 0.1·β = 0
    expect(m.intercept).toBeCloseTo(0, 6);
    const grad = x.reduce((s, r, i) => s + (p[i]! - y[i]!) * r[0]!, 0) / 4 + 0.1 * m.coef[0]!;
    expect(Math.abs(grad)).toBeLessThan(1e-8);
    expect(m.coef[0]).toBeGreaterThan(1);
  });

  it('recovers planted coefficients on simulated data, deterministically', () => {
    const next = rng(7);
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const a = next() * 2 - 1;
      const b = next() < 0.3 ? 1 : 0;
      rows.push([a, b, next()]);
      // true model: −1 + 2a + 1.5b + 0·noise
      y.push(next() < 1 / (1 + Math.exp(-(-1 + 2 * a + 1.5 * b))) ? 1 : 0);
    }
    const m = fitLogistic(toSparse(rows), y, { l2: 0 });
    expect(m.intercept).toBeCloseTo(-1, 0);
    expect(m.coef[0]).toBeCloseTo(2, 0);
    expect(m.coef[1]).toBeCloseTo(1.5, 0);
    expect(Math.abs(m.coef[2]!)).toBeLessThan(0.2);
    expect(fitLogistic(toSparse(rows), y, { l2: 0 }).coef).toEqual(m.coef);
  });
});
