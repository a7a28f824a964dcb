import { describe, expect, it } from 'vitest';
import { cellsOf, clampBox, compact, nextSpot, place } from './grid.ts';

const box = (id: string, x: number, y: number, w: number, h: number) => ({ id, x, y, w, h });

describe('dashboard grid', () => {
  it('clamps a box inside the 12 columns', () => {
    expect(clampBox(box('a', 10, -2, 6, 0))).toEqual(box('a', 6, 0, 6, 1)); // w 6 fits from x = 12 - 6
  });

  it('pushes the boxes a dropped one covers below it', () => {
    const before = [box('a', 0, 0, 6, 2), box('b', 6, 0, 6, 2), box('c', 0, 2, 12, 1)];
    // a moves onto b's spot: b goes below a (y 0 + h 2 = 2), c below b (2 + 2 = 4) ... then floats up
    const after = place(before, box('a', 6, 0, 6, 2));
    expect(after).toEqual([box('a', 6, 0, 6, 2), box('b', 6, 2, 6, 2), box('c', 0, 4, 12, 1)]);
  });

  it('floats boxes up into rows left empty', () => {
    expect(compact([box('a', 0, 3, 4, 2), box('b', 0, 9, 4, 1)])).toEqual([box('a', 0, 0, 4, 2), box('b', 0, 2, 4, 1)]);
  });

  it('puts a new box in the first free spot from the top', () => {
    const chart = box('c', 0, 0, 6, 5);
    expect(nextSpot([chart], 6, 5)).toEqual({ x: 6, y: 0, w: 6, h: 5 }); // beside the chart
    // a full first band (0..5): the 3-wide box goes under it at x 0, the next one beside that at x 3
    const full = [chart, box('t', 6, 0, 6, 5)];
    expect(nextSpot(full, 3, 2)).toEqual({ x: 0, y: 5, w: 3, h: 2 });
    expect(nextSpot([...full, box('s', 0, 5, 3, 2)], 3, 2)).toEqual({ x: 3, y: 5, w: 3, h: 2 });
  });

  it('turns pixels into cells: 1200 px wide, gap 10 → a column is (1200 + 10) / 12 ≈ 100.8 px', () => {
    // 250 / 100.8 ≈ 2.48 → 2 columns; 140 / (56 + 10) ≈ 2.12 → 2 rows
    expect(cellsOf(250, 140, 1200)).toEqual({ dx: 2, dy: 2 });
  });
});
