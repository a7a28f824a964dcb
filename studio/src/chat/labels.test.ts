import { describe, expect, it } from 'vitest';
import { fill } from '../i18n/translate.ts';
import { L } from './labels.ts';

describe('chat panel texts', () => {
  it('says every text in Korean (with Hangul) and in English, and fills its counts', () => {
    for (const [key, label] of Object.entries(L)) {
      expect(label.ko, key).toMatch(/[가-힣]/);
      expect(label.en, key).toBeTruthy();
    }
    expect(fill(L.loaded.ko, { count: '766' })).toBe('답변 자료 766건');
  });
});
