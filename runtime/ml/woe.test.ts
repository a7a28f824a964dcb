import { describe, expect, it } from 'vitest';
import { fitWoe, quantileEdges, woeOf } from './woe.ts';

describe('weight of evidence', () => {
  it('two bins worked out by hand', () => {
    // values 1 2 | 3 4, labels 0 0 | 1 1; smoothing 0.5 per cell, 2 cells:
    // goods 2 0 → shares 2.5/3, 0.5/3; bads 0 2 → 0.5/3, 2.5/3; WoE = ln(0.2) and ln(5)
    const b = fitWoe(Float64Array.from([1, 2, 3, 4]), [0, 0, 1, 1], 2);
    expect(b.edges).toEqual([2]);
    expect(b.woe[0]).toBeCloseTo(Math.log(0.2), 12);
    expect(b.woe[1]).toBeCloseTo(Math.log(5), 12);
    // IV = (1/6 − 5/6)·ln 0.2 + (5/6 − 1/6)·ln 5 = (4/3)·ln 5
    expect(b.iv).toBeCloseTo((4 / 3) * Math.log(5), 12);
    expect(woeOf(b, 0)).toBe(b.woe[0]);
    expect(woeOf(b, 99)).toBe(b.woe[1]);
    expect(woeOf(b, Number.NaN)).toBe(0);
  });

  it('missing values get their own bin', () => {
    // bins: {1,2}: 1 good 1 bad; missing: 2 bads. 3 cells, smoothing 0.5:
    // goods total 1 + 1.5 = 2.5 (cells 1, 0, 0); bads 3 + 1.5 = 4.5 (cells 1, 0, 2)
    const b = fitWoe(Float64Array.from([1, 2, Number.NaN, Number.NaN]), [0, 1, 1, 1], 2);
    expect(b.edges).toEqual([1]);
    expect(b.missingWoe).toBeCloseTo(Math.log(2.5 / 4.5 / (0.5 / 2.5)), 12);
  });

  it('equal-frequency edges skip repeated values', () => {
    // thirds end at positions 2 and 4 (values 1 and 1): one edge; the rest {2, 3} is the open last bin
    expect(quantileEdges(Float64Array.from([1, 1, 1, 1, 2, 3]), 3)).toEqual([1]);
    expect(quantileEdges(Float64Array.from([1, 2, 3, 4, 5, 6]), 3)).toEqual([2, 4]);
    expect(quantileEdges(Float64Array.from([5, 5, 5]), 4)).toEqual([]);
  });
});
