import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../nodes/prep/cluster/find-clusters.ts';
import { accept, choiceOf, reject } from './mapping.ts';

const HANBIT: Cluster = {
  values: [
    { value: '(주)한빛무역', count: 5 },
    { value: '㈜한빛무역', count: 3 },
    { value: '한빛 무역', count: 1 },
  ],
  suggested: '(주)한빛무역',
  size: 3,
  rows: 9, // 5 + 3 + 1
};

describe('cluster choices as the mapping param', () => {
  it('accepts a cluster: every value but the canonical one maps to it', () => {
    const m = accept([{ from: 'x', to: 'y' }], HANBIT, '한빛무역');
    expect(m).toEqual([
      { from: 'x', to: 'y' },
      { from: '(주)한빛무역', to: '한빛무역' },
      { from: '㈜한빛무역', to: '한빛무역' },
      { from: '한빛 무역', to: '한빛무역' },
    ]);
    expect(choiceOf(HANBIT, m)).toEqual({ state: 'accepted', canonical: '한빛무역' });
  });

  it('leaves out the pair of the canonical value with itself, and replaces earlier choices', () => {
    const first = accept([], HANBIT, '한빛 무역');
    const second = accept(first, HANBIT, '(주)한빛무역');
    expect(second).toEqual([
      { from: '㈜한빛무역', to: '(주)한빛무역' },
      { from: '한빛 무역', to: '(주)한빛무역' },
    ]);
    expect(choiceOf(HANBIT, second)).toEqual({ state: 'accepted', canonical: '(주)한빛무역' });
  });

  it('rejects a cluster by dropping its values from the mapping; a partly mapped cluster is open', () => {
    const m = accept([{ from: 'x', to: 'y' }], HANBIT, '한빛무역');
    expect(reject(m, HANBIT)).toEqual([{ from: 'x', to: 'y' }]);
    expect(choiceOf(HANBIT, [])).toEqual({ state: 'open' });
    expect(choiceOf(HANBIT, [{ from: '㈜한빛무역', to: '(주)한빛무역' }])).toEqual({ state: 'open' });
  });
});
