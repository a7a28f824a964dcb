import { describe, expect, it } from 'vitest';
import { memoised } from './memoised.ts';

describe('memoised', () => {
  it('computes once per key and gives back the same answer, undefined included', () => {
    const calls: string[] = [];
    const f = memoised((k: string) => {
      calls.push(k);
      return k === 'none' ? undefined : k.length;
    });
    expect([f('abc'), f('abc'), f('none'), f('none'), f('de')]).toEqual([3, 3, undefined, undefined, 2]);
    expect(calls).toEqual(['abc', 'none', 'de']);
  });
});
