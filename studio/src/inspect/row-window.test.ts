import { describe, expect, it } from 'vitest';
import { rowWindow } from './row-window.ts';

const base = { viewport: 260, rowHeight: 26, overscan: 2 };

describe('row window', () => {
  it('maps scroll positions to rows one to one while the rows fit', () => {
    const w = rowWindow({ ...base, scrollTop: 260, rowCount: 1000 });
    expect(w).toMatchObject({ first: 8, last: 23, height: 26_000 });
    expect(w.top(10)).toBe(260);
    expect(rowWindow({ ...base, scrollTop: 0, rowCount: 0 })).toMatchObject({ first: 0, last: -1, height: 0 });
  });

  it('scales past the height cap, reaching the last row at the bottom', () => {
    const rowCount = 2_000_000;
    const top = rowWindow({ ...base, scrollTop: 0, rowCount, maxHeight: 1_000_000 });
    expect(top).toMatchObject({ first: 0, height: 1_000_000 });
    expect(top.top(0)).toBe(0);
    const bottom = rowWindow({ ...base, scrollTop: 1_000_000 - 260, rowCount, maxHeight: 1_000_000 });
    expect(bottom.last).toBe(rowCount - 1);
    expect(bottom.top(rowCount - 1) + 26).toBeCloseTo(1_000_000, 5);
    const middle = rowWindow({ ...base, scrollTop: (1_000_000 - 260) / 2, rowCount, maxHeight: 1_000_000 });
    expect(middle.first).toBeGreaterThan(999_000);
    expect(middle.first).toBeLessThan(1_001_000);
  });
});
