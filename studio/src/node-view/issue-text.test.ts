import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../nodes/prep/aggregate.ts';
import { issueText, messageText, paramName } from './issue-text.ts';

describe('issueText', () => {
  it("says zod's and the runtime's common English in Korean and English, through the catalogue", () => {
    expect(issueText('Invalid input: expected array, received undefined', 'ko')).toBe('‹이 설정›을 입력하세요');
    expect(issueText('input "in" is not connected', 'ko')).toBe('‹입력›이 연결되지 않았습니다');
    expect(issueText('cancelled before it started', 'ko')).toBe('시작하기 전에 취소되었습니다');
    expect(issueText('Invalid option: expected one of "a"|"b"', 'en')).toBe('This setting: choose one of "a"|"b"');
  });

  it('explains a DuckDB error instead of showing it raw', () => {
    const raw = 'Binder Error: Referenced column "amout" not found in FROM clause!\nCandidate bindings: "amount"';
    expect(issueText(raw, 'ko')).toBe('"amout" 열을 찾을 수 없습니다. 비슷한 이름: "amount"');
    expect(issueText('something else', 'ko')).toBe('something else');
  });

  it('prefers a message code over the English text', () => {
    expect(
      messageText({ message: 'input "in" is not connected', msg: { code: 'run.cancelled_before_start' } }, 'ko'),
    ).toBe('시작하기 전에 취소되었습니다');
  });

  it('names a param path by the form labels', () => {
    expect(paramName(aggregate.params, 'measures.0.as', 'ko')).toBe('집계 항목 1번째 › 결과 열 이름');
  });
});
