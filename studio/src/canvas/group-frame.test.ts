import { describe, expect, it } from 'vitest';
import { FRAME_HEADER, FRAME_PAD, frameAround, liveGroups, membersMovedTo } from './group-frame.ts';

describe('frameAround', () => {
  it('pads the members’ bounding box and adds the label strip on top', () => {
    // members span x 100…(300+210)=510 and y 50…(200+86)=286
    const frame = frameAround([
      { x: 100, y: 50, width: 210, height: 86 },
      { x: 300, y: 200, width: 210, height: 86 },
    ]);
    expect(FRAME_PAD).toBe(16);
    expect(FRAME_HEADER).toBe(30);
    // x = 100 - 16 = 84, y = 50 - 16 - 30 = 4, width = 410 + 32 = 442, height = 236 + 32 + 30 = 298
    expect(frame).toEqual({ x: 84, y: 4, width: 442, height: 298 });
  });

  it('has no frame without members', () => {
    expect(frameAround([])).toBeUndefined();
  });
});

describe('membersMovedTo', () => {
  it('shifts every member by how far the frame corner moved', () => {
    // corner = (min x 100 - 16, min y 50 - 46) = (84, 4); to (184, -16) → shift (+100, -20)
    expect(
      membersMovedTo(
        {
          a: { x: 100, y: 50 },
          b: { x: 300, y: 200 },
        },
        { x: 184, y: -16 },
      ),
    ).toEqual({ a: { x: 200, y: 30 }, b: { x: 400, y: 180 } });
  });

  it('rounds the shift so positions stay whole pixels', () => {
    // corner (0 - 16, 0 - 46) = (-16, -46); to (-15.6, -45.4) → shift (0.4, 0.6) → rounds to (0, 1)
    expect(membersMovedTo({ a: { x: 0, y: 0 } }, { x: -15.6, y: -45.4 })).toEqual({ a: { x: 0, y: 1 } });
  });
});

describe('liveGroups', () => {
  it('forgets removed nodes and drops groups left empty', () => {
    const groups = [
      { id: 'g1', label: 'A', colour: 'blue' as const, nodes: ['a', 'gone'] },
      { id: 'g2', label: 'B', colour: 'green' as const, nodes: ['gone2'] },
    ];
    expect(liveGroups(groups, new Set(['a', 'b']))).toEqual([{ id: 'g1', label: 'A', colour: 'blue', nodes: ['a'] }]);
  });
});
