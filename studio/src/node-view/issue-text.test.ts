import { describe, expect, it } from 'vitest';
import { issueText } from './issue-text.ts';

describe('issueText', () => {
  it("says zod's common messages in Korean and English, and leaves others as they are", () => {
    expect(issueText('Invalid input: expected array, received undefined', 'ko')).toBe('필수 설정입니다');
    expect(issueText('Invalid option: expected one of "a"|"b"', 'en')).toBe('Choose one of: "a"|"b"');
    expect(issueText('Binder Error: something', 'ko')).toBe('Binder Error: something');
  });
});
