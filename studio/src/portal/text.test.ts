import { expect, it } from 'vitest';
import { PORTAL_KO, portalText } from './text.ts';

it('says every portal text in Korean (with Hangul), and in English under the same keys', () => {
  const noHangul = Object.entries(PORTAL_KO).filter(([, text]) => !/[가-힣]/.test(text));
  expect(noHangul).toEqual([]);
  const en = portalText('en');
  for (const key of Object.keys(PORTAL_KO) as (keyof typeof PORTAL_KO)[]) expect(en(key), key).toBeTruthy();
  expect(portalText('ko')('home.services.runs', { n: 3, p: 2 })).toBe('실행 3회 · 파이프라인 2개');
});
