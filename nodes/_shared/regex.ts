import { ParamError } from '../../runtime/errors.ts';
import { type Message, msg } from '../../runtime/messages/render.ts';

/**
 * DuckDB's regular expressions are RE2. Patterns arrive from officers who know JavaScript/Python syntax,
 * so we check them at plan time: RE2 rejects look-around and back-references with a terse run-time error,
 * and silently ignores a replacement's `\2` when the pattern has one group.
 */

export interface Group {
  /** 1-based capture group number. */
  index: number;
  /** `(?P<name>…)` or `(?<name>…)`. */
  name?: string;
}

export interface CheckedPattern {
  /** The pattern as RE2 takes it (`(?<name>` rewritten to `(?P<name>`). */
  re2: string;
  groups: Group[];
}

/** Scans `pattern` for capture groups, rewriting JS-style named groups; throws on what RE2 cannot do. */
export function checkPattern(pattern: string, param: string): CheckedPattern {
  const groups: Group[] = [];
  let out = '';
  let i = 0;
  let inClass = false;
  const fail = (what: string, said: Message) => {
    throw new ParamError(`the regular expression uses ${what}, which DuckDB (RE2) does not support`, param, said);
  };
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next === 'Q') {
        // \Q…\E quotes literal text: copy it untouched.
        const end = pattern.indexOf('\\E', i + 2);
        const stop = end < 0 ? pattern.length : end + 2;
        out += pattern.slice(i, stop);
        i = stop;
        continue;
      }
      if (!inClass && /[1-9]/.test(next))
        fail(`a back-reference (\\${next})`, msg('node.regex_back_reference', { ref: `\\${next}` }));
      out += ch + next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (ch === '[' && pattern[i + 1] === ':') {
        // POSIX class [:alpha:] inside a bracket expression: its `]` does not close the class.
        const end = pattern.indexOf(':]', i + 2);
        const stop = end < 0 ? i + 1 : end + 2;
        out += pattern.slice(i, stop);
        i = stop;
        continue;
      }
      if (ch === ']') inClass = false;
      out += ch;
      i++;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a literal member, not the end of the class.
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      out += pattern.slice(i, j);
      i = j;
      continue;
    }
    if (ch === '(') {
      const rest = pattern.slice(i + 1);
      if (/^\?(=|!|<=|<!)/.test(rest))
        fail('look-ahead or look-behind ((?=, (?!, (?<=, (?<!)', msg('node.regex_lookaround'));
      const named = /^\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        groups.push({ index: groups.length + 1, name: named[1]! });
        out += `(?P<${named[1]}>`;
        i += 1 + named[0].length;
        continue;
      }
      if (!rest.startsWith('?')) groups.push({ index: groups.length + 1 });
    }
    out += ch;
    i++;
  }
  return { re2: out, groups };
}

/** Text matched literally inside an RE2 pattern. */
export function quoteRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** Text inserted literally by `regexp_replace` (its rewrite string treats `\` as special). */
export function literalRewrite(text: string): string {
  return text.replaceAll('\\', '\\\\');
}

/** A replacement with `\0`…`\9` group references: each must name a group the pattern has. */
export function checkRewrite(rewrite: string, groupCount: number, param: string): void {
  for (let i = 0; i < rewrite.length; i++) {
    if (rewrite[i] !== '\\') continue;
    const next = rewrite[i + 1];
    if (next === '\\') {
      i++;
      continue;
    }
    if (next !== undefined && /[0-9]/.test(next)) {
      if (Number(next) > groupCount) {
        throw new ParamError(
          `\\${next} refers to group ${next}, but the pattern has ${groupCount} group${groupCount === 1 ? '' : 's'}`,
          param,
          msg('node.regex_group_missing', { group: next, count: groupCount }),
        );
      }
      i++;
      continue;
    }
    throw new ParamError(
      'a backslash in the replacement must be followed by a digit (\\1) or another backslash',
      param,
      msg('node.regex_backslash'),
    );
  }
}

/** RE2 inline flag for case-insensitive matching, put in front of a pattern. */
export function withCase(re2: string, caseSensitive: boolean): string {
  return caseSensitive ? re2 : `(?i)${re2}`;
}
