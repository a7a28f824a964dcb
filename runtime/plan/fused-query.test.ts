import { describe, expect, it } from 'vitest';
import { fusedQuery, fusedStepName, isStoredRelation, type PlannedNode } from './fused-query.ts';

describe('fused steps and stored relations', () => {
  it('names every inlined step so nodes can tell it from a stored table', () => {
    const planned = new Map<string, PlannedNode>([
      ['src', { id: 'src', key: 'k1', schema: [], table: '"t_src"' }],
      ['a', { id: 'a', key: 'k2', schema: [], select: 'SELECT * FROM "t_src"', dependsOn: ['src'] }],
      ['b', { id: 'b', key: 'k3', schema: [], select: `SELECT * FROM ${fusedStepName('a')}`, dependsOn: ['a'] }],
    ]);
    const sql = fusedQuery('b', planned);
    expect(sql).toContain(`${fusedStepName('a')} AS (`);
    expect(sql).toContain(`${fusedStepName('b')} AS (`);
    expect(isStoredRelation('"t_src"')).toBe(true);
    expect(isStoredRelation(fusedStepName('a'))).toBe(false);
  });

  it('treats only a plain (optionally qualified) name as stored, never a subquery', () => {
    expect(isStoredRelation('"main"."n_1"')).toBe(true);
    expect(isStoredRelation('src')).toBe(true);
    expect(isStoredRelation('"a ""quoted"" name"')).toBe(true);
    expect(isStoredRelation('(SELECT * FROM "t")')).toBe(false);
    expect(isStoredRelation('"t" AS x')).toBe(false);
  });
});
