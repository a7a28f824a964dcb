import { describe, expect, it } from 'vitest';
import { viewportFor } from './view-fit.ts';

describe('viewportFor: the first view of a restored pipeline', () => {
  it('never enlarges a small graph past 1:1 and centres it in the room left by the toolbar', () => {
    const v = viewportFor([{ x: 0, y: 0, width: 210, height: 86 }], { width: 800, height: 400 })!;
    expect(v.zoom).toBe(1);
    // Room: 800 − 64 − 40 = 696 wide, 400 − 64 − 40 = 296 high; the card centred in it.
    expect(v.x).toBeCloseTo(64 + (696 - 210) / 2);
    expect(v.y).toBeCloseTo(64 + (296 - 86) / 2);
  });

  it('shrinks a wide graph to fit, but not below the minimum zoom', () => {
    const wide = [
      { x: 0, y: 0, width: 210, height: 86 },
      { x: 1790, y: 0, width: 210, height: 86 },
    ];
    expect(viewportFor(wide, { width: 800, height: 400 })!.zoom).toBeCloseTo(696 / 2000);
    const huge = [...wide, { x: 20_000, y: 0, width: 210, height: 86 }];
    expect(viewportFor(huge, { width: 800, height: 400 })!.zoom).toBe(0.2);
    expect(viewportFor([], { width: 800, height: 400 })).toBeUndefined();
  });
});
