import { describe, expect, it } from 'vitest';
import { checkPattern, checkRewrite, literalRewrite, quoteRegex } from './regex.ts';

describe('checkPattern', () => {
  it('counts capture groups, skipping escapes, classes and non-capturing groups', () => {
    expect(checkPattern('(a)(?:b)(?i:c)[(]\\((d)', 'p').groups).toEqual([{ index: 1 }, { index: 2 }]);
    expect(checkPattern('[]()](x)[^]()](y)', 'p').groups).toHaveLength(2); // `]` first in a class is a member
    expect(checkPattern('[[:alpha:]()](x)', 'p').groups).toHaveLength(1);
    expect(checkPattern('\\Q(not)\\E(yes)', 'p').groups).toHaveLength(1);
  });

  it('rewrites JavaScript-style named groups for RE2', () => {
    const c = checkPattern('(?<hs>\\d{4})-(?P<sub>\\d{2})', 'p');
    expect(c.re2).toBe('(?P<hs>\\d{4})-(?P<sub>\\d{2})');
    expect(c.groups).toEqual([
      { index: 1, name: 'hs' },
      { index: 2, name: 'sub' },
    ]);
  });

  it('rejects look-around and back-references, which RE2 lacks', () => {
    for (const p of ['a(?=b)', 'a(?!b)', '(?<=a)b', '(?<!a)b']) {
      expect(() => checkPattern(p, 'find')).toThrow(/look-ahead or look-behind/);
    }
    expect(() => checkPattern('(a)\\1', 'find')).toThrow(/back-reference \(\\1\)/);
    expect(() => checkPattern('[\\1]', 'find')).not.toThrow(); // an octal escape inside a class
  });
});

describe('replacement text', () => {
  it('checks group references against the group count', () => {
    expect(() => checkRewrite('\\1-\\0 \\\\', 1, 'r')).not.toThrow();
    expect(() => checkRewrite('\\2', 1, 'r')).toThrow(/has 1 group$/);
    expect(() => checkRewrite('\\1', 0, 'r')).toThrow(/has 0 groups$/);
    expect(() => checkRewrite('a\\', 0, 'r')).toThrow(/backslash/);
  });

  it('quotes literal text for patterns and rewrites', () => {
    expect(quoteRegex('(주) 1.5*[x]')).toBe('\\(주\\) 1\\.5\\*\\[x\\]');
    expect(literalRewrite('C:\\temp\\1')).toBe('C:\\\\temp\\\\1');
  });
});
