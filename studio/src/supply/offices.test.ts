import { describe, expect, it } from 'vitest';
import type { Flow } from './flow-data.ts';
import { officePoints } from './offices.ts';

const flow = (
  sourceStage: string,
  source: string,
  targetStage: string,
  target: string,
  weight: number,
  flagged = 0,
): Flow => ({
  sourceStage,
  source,
  targetStage,
  target,
  weight,
  rows: weight,
  fraudRows: null,
  flaggedRows: flagged,
});

describe('officePoints', () => {
  it('counts what entered each office once, whatever leaves it, and sets aside offices it cannot place', () => {
    const { points, unplaced, total } = officePoints([
      flow('departure', 'CN', 'office', '평택세관', 5, 4),
      flow('departure', 'JP', 'office', '부산세관', 7),
      flow('departure', 'CN', 'office', '부산세관', 2, 1),
      flow('departure', 'US', 'office', '기타', 3),
      // what leaves an office must not count again
      flow('office', '부산세관', 'importer', 'C1', 9),
      flow('origin', 'VN', 'departure', 'CN', 7),
    ]);
    expect(points.map((p) => [p.office, p.weight, p.flaggedRows])).toEqual([
      ['부산세관', 9, 1],
      ['평택세관', 5, 4],
    ]);
    expect(points[0]!.at[1]).toBeCloseTo(35.1, 1); // Busan's latitude
    expect(unplaced).toBe(3);
    expect(total).toBe(17);
  });
});
