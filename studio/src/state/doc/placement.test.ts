import { describe, expect, it } from 'vitest';
import { type Box, besideOf, boxesOf, DEFAULT_SIZE, GAP, placeNode } from './placement.ts';

const card = (x: number, y: number, width = 210, height = 86): Box => ({ x, y, width, height });
const clash = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placeNode: a new card never lands on another', () => {
  it('keeps the wanted spot when it is free', () => {
    expect(placeNode([card(0, 0)], DEFAULT_SIZE, { x: 600, y: 0 })).toEqual({ x: 600, y: 0 });
    expect(placeNode([], DEFAULT_SIZE, { x: 12.4, y: 7.6 })).toEqual({ x: 12, y: 8 });
  });

  it('moves a drop onto a card to just under it (a card height plus the gap)', () => {
    expect(placeNode([card(0, 0)], DEFAULT_SIZE, { x: 0, y: 0 })).toEqual({ x: 0, y: 86 + GAP.y });
    // A drop half over the card, too.
    expect(placeNode([card(0, 0)], DEFAULT_SIZE, { x: 100, y: 40 })).toEqual({ x: 100, y: 40 + 86 + GAP.y });
  });

  it('puts the step after a node beside it, and a second branch under the first', () => {
    const source = card(0, 0);
    const first = placeNode([source], DEFAULT_SIZE, besideOf(source));
    expect(first).toEqual({ x: 210 + GAP.x, y: 0 });
    const second = placeNode([source, { ...first, ...DEFAULT_SIZE }], DEFAULT_SIZE, besideOf(source));
    expect(second).toEqual({ x: 210 + GAP.x, y: 86 + GAP.y });
  });

  it('respects measured sizes: one step under a tall multi-port card is still on it', () => {
    const tall = card(0, 0, 210, 200);
    // Under it is two steps away (200 px + gap), beside it is one: the card goes beside.
    expect(placeNode([tall], DEFAULT_SIZE, { x: 0, y: 0 })).toEqual({ x: 210 + GAP.x, y: 0 });
    // With the right side taken too, under the tall card (two steps down) or above it (one step up).
    expect(placeNode([tall, card(270, 0)], DEFAULT_SIZE, { x: 0, y: 0 })).toEqual({ x: 0, y: -(86 + GAP.y) });
  });

  it('finds a free spot in a crowded area, and twenty adds in a row never overlap', () => {
    const taken: Box[] = [];
    for (let i = 0; i < 20; i++) {
      const at = placeNode(taken, DEFAULT_SIZE, { x: 40, y: 40 });
      const box = { ...at, ...DEFAULT_SIZE };
      for (const t of taken) expect(clash(box, t)).toBe(false);
      taken.push(box);
    }
  });

  it('draws nodes without a position where the canvas does (the fallback row)', () => {
    const boxes = boxesOf([{ id: 'a' }, { id: 'b', position: { x: 5, y: 6 } }], { b: { width: 300, height: 120 } });
    expect(boxes).toEqual([
      { x: 40, y: 40, width: 210, height: 86 },
      { x: 5, y: 6, width: 300, height: 120 },
    ]);
  });
});
