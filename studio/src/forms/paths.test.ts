import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../runtime/errors.ts';
import { isNumericColumnType, issuesAt, joinPath, unplacedIssues, valueAt } from './paths.ts';
import { parseRuleValue, valueText } from './rule-value.ts';

const issue = (param: string | undefined, message: string): Issue =>
  ({ code: 'invalid_param', param, message }) as Issue;

describe('form paths and issues', () => {
  it('joins and reads dot paths', () => {
    expect(joinPath('', 'rules')).toBe('rules');
    expect(joinPath('rules', 0)).toBe('rules.0');
    expect(valueAt({ rules: [{ value: 3 }] }, 'rules.0.value')).toBe(3);
    expect(valueAt({}, 'a.b')).toBeUndefined();
  });

  it('places issues on the field named by their param; the rest stay above the form', () => {
    const issues = [
      issue('rules.0.value', 'needs a value'),
      issue('rules.0.value', 'needs a value'),
      issue(undefined, 'x'),
    ];
    expect(issuesAt(issues, 'rules.0.value')).toEqual(['needs a value']);
    expect(issuesAt(issues, 'rules')).toEqual([]);
    expect(unplacedIssues(issues, new Set(['rules.0.value'])).map((i) => i.message)).toEqual(['x']);
  });
});

describe('rule values', () => {
  it('types what is typed by the column: numbers for numeric columns, lists for in / not in', () => {
    expect(isNumericColumnType('BIGINT')).toBe(true);
    expect(isNumericColumnType('DECIMAL(18,2)')).toBe(true);
    expect(isNumericColumnType('VARCHAR')).toBe(false);
    expect(parseRuleValue('100000000', '>=', true)).toBe(100_000_000);
    expect(parseRuleValue('007', '=', false)).toBe('007');
    expect(parseRuleValue('CN, US,', 'in', false)).toEqual(['CN', 'US']);
    expect(parseRuleValue('1, 2', 'not_in', true)).toEqual([1, 2]);
    expect(parseRuleValue('', '=', true)).toBeUndefined();
    expect(valueText(['CN', 'US'])).toBe('CN, US');
  });
});
