import { describe, expect, it } from 'vitest';
import { descriptionIn, titleIn } from './bilingual.ts';

describe('shipped bilingual texts', () => {
  it('shows the title in the chosen language', () => {
    const title = 'AI 통관 심사 2차 · 신고별 위험 점수 · AI clearance screening (2nd): risk score per declaration';
    expect(titleIn(title, 'ko')).toBe('AI 통관 심사 2차 · 신고별 위험 점수');
    expect(titleIn(title, 'en')).toBe('AI clearance screening (2nd): risk score per declaration');
  });

  it('keeps a one-language text whole', () => {
    expect(titleIn('수입가격 이상 탐지', 'en')).toBe('수입가격 이상 탐지');
    expect(titleIn('Price band · HS6', 'ko')).toBe('Price band · HS6');
  });

  it('picks the paragraph of a two-language description', () => {
    expect(descriptionIn('과거 신고로 학습합니다.\n\nLearns from past declarations.', 'en')).toBe(
      'Learns from past declarations.',
    );
    expect(descriptionIn('과거 신고로 학습합니다.\n\nLearns from past declarations.', 'ko')).toBe(
      '과거 신고로 학습합니다.',
    );
  });
});
