import { describe, expect, it } from 'vitest';
import { checkParams, definedValues, fromInput, initialValues } from './param-values.ts';

const declared = [
  { name: 'since', type: 'date', default: '2023-01-01', label: '시작일 · From' },
  { name: 'min_inspections', type: 'number', default: 30 },
  { name: 'only_hits', type: 'boolean' },
  { name: 'origin', type: 'string' },
];

describe('parameter values', () => {
  it('start from the schedule’s values, else the declared defaults', () => {
    expect(initialValues(declared, { min_inspections: 50 })).toEqual({
      since: '2023-01-01',
      min_inspections: 50,
      only_hits: undefined,
      origin: undefined,
    });
  });

  it('read a number input as a number, and keep what is not one as text so the check can name it', () => {
    expect(fromInput('number', '1500000')).toBe(1_500_000);
    expect(fromInput('number', '12abc')).toBe('12abc');
    expect(fromInput('number', '')).toBeUndefined();
    expect(fromInput('date', '2024-02-29')).toBe('2024-02-29');
  });

  it('refuse a non-number, an impossible date and an empty number or date, in Korean', () => {
    const errors = checkParams(
      declared,
      { since: '2023-02-30', min_inspections: '12abc', only_hits: true, origin: undefined },
      'ko',
    );
    expect(errors).toEqual({ since: '날짜를 YYYY-MM-DD 형식으로 입력하세요', min_inspections: '숫자를 입력하세요' });
    expect(checkParams(declared, { only_hits: false }, 'en')).toEqual({
      since: 'Enter a value',
      min_inspections: 'Enter a value',
    });
    expect(checkParams(declared, { since: '2024-02-29', min_inspections: 0 }, 'ko')).toEqual({});
  });

  it('send only the values that are set', () => {
    expect(definedValues({ a: 1, b: undefined, c: false })).toEqual({ a: 1, c: false });
  });
});
