import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ko } from './ko.ts';
import { translate } from './translate.ts';

describe('i18n', () => {
  it('gives every key in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
      const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(vars(en[key]), key).toEqual(vars(ko[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('ko', 'status.done', { rows: '1,234' })).toBe('1,234행');
    expect(translate('en', 'run.running', { done: 1 })).toBe('Running… 1/{total}');
  });
});
