import { describe, expect, it } from 'vitest';
import { clampSplit, MIN_BOTTOM_PX, MIN_TOP_PX, readSplit, SPLIT_DEFAULT, splitAfterKey, writeSplit } from './split.ts';

/** A Storage stand-in: what the browser's localStorage does for getItem/setItem. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
  };
}

describe('results split', () => {
  it('is remembered across visits, and starts at the default without a stored value', () => {
    const storage = memoryStorage();
    expect(readSplit(storage)).toBe(SPLIT_DEFAULT);
    writeSplit(0.3333333, storage);
    expect(readSplit(storage)).toBe(0.333);
  });

  it('ignores a stored value it cannot use', () => {
    const storage = memoryStorage();
    storage.setItem('customs-studio.split', 'wide');
    expect(readSplit(storage)).toBe(SPLIT_DEFAULT);
    storage.setItem('customs-studio.split', '1.7');
    expect(readSplit(storage)).toBe(SPLIT_DEFAULT);
    expect(
      readSplit({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe(SPLIT_DEFAULT);
  });

  it('leaves each side its minimum height', () => {
    const height = 800;
    expect(clampSplit(0.01, height)).toBeCloseTo(MIN_TOP_PX / height);
    expect(clampSplit(0.99, height)).toBeCloseTo(1 - MIN_BOTTOM_PX / height);
    expect(clampSplit(0.6, height)).toBe(0.6);
    expect(clampSplit(0.9, 300)).toBe(0.5); // too small for both: the middle
  });

  it('moves by the arrow keys and jumps with Home and End (then clamped)', () => {
    expect(splitAfterKey('ArrowDown', 0.5)).toBeCloseTo(0.54);
    expect(splitAfterKey('ArrowUp', 0.5)).toBeCloseTo(0.46);
    expect(clampSplit(splitAfterKey('Home', 0.5)!, 800)).toBeCloseTo(MIN_TOP_PX / 800);
    expect(splitAfterKey('a', 0.5)).toBeUndefined();
  });
});
