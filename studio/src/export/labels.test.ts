import { describe, expect, it } from 'vitest';
import { sqlFileName } from './labels.ts';

describe('sqlFileName', () => {
  it('keeps Korean, replaces path and shell characters and spaces, falls back to "pipeline"', () => {
    expect(sqlFileName('수입 신고 분석', 'filter_1')).toBe('수입_신고_분석-filter_1.sql');
    expect(sqlFileName('a/b:c*?', undefined)).toBe('a_b_c.sql');
    expect(sqlFileName('  ', undefined)).toBe('pipeline.sql');
  });
});
