import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { literal } from '../../runtime/sql/quote.ts';
import { collapseSpacesSql, trimSql } from './text-sql.ts';

/**
 * Date recognition without reading data: the text is cleaned, split into a date word and an optional
 * time, and each is matched against fixed patterns, each tied to its strptime format. The first pattern
 * that matches decides; a matching text that is not a real date (2024-02-30) gives NULL.
 */

export type DayOrder = 'day_first' | 'month_first';

interface Pattern {
  regex: string;
  format: string;
}

/** Date words after cleaning (spaces around separators removed, a trailing dot dropped). */
export function datePatterns(order: DayOrder): Pattern[] {
  const dm = order === 'day_first' ? '%d-%m' : '%m-%d';
  return [
    { regex: '^\\d{4}-\\d{1,2}-\\d{1,2}$', format: '%Y-%m-%d' }, // 2024-01-05
    { regex: '^\\d{4}\\.\\d{1,2}\\.\\d{1,2}$', format: '%Y.%m.%d' }, // 2024.01.05, 2024. 1. 5.
    { regex: '^\\d{4}/\\d{1,2}/\\d{1,2}$', format: '%Y/%m/%d' }, // 2024/01/05
    { regex: '^\\d{8}$', format: '%Y%m%d' }, // 20240105
    { regex: '^\\d{4}년\\d{1,2}월\\d{1,2}일$', format: '%Y년%m월%d일' }, // 2024년 1월 5일
    { regex: '^\\d{2}\\.\\d{1,2}\\.\\d{1,2}$', format: '%y.%m.%d' }, // 24.01.05 (Korean year first)
    { regex: '^\\d{2}-\\d{1,2}-\\d{1,2}$', format: '%y-%m-%d' }, // 24-01-05
    { regex: '^\\d{1,2}/\\d{1,2}/\\d{4}$', format: `${dm.replace('-', '/')}/%Y` }, // 05/01/2024
    { regex: '^\\d{1,2}-\\d{1,2}-\\d{4}$', format: `${dm}-%Y` }, // 05-01-2024
    { regex: '^\\d{1,2}\\.\\d{1,2}\\.\\d{4}$', format: '%d.%m.%Y' }, // 05.01.2024 (dots: always day first)
    { regex: '^\\d{1,2}-[A-Za-z]{3}-\\d{4}$', format: '%d-%b-%Y' }, // 05-Jan-2024
    { regex: '^\\d{1,2}-[A-Za-z]{3}-\\d{2}$', format: '%d-%b-%y' }, // 05-Jan-24
  ];
}

/** The time after the date word; 오전/오후 have become AM/PM. */
export const TIME_PATTERNS: Pattern[] = [
  { regex: '^\\d{1,2}:\\d{2}$', format: '%H:%M' },
  { regex: '^\\d{1,2}:\\d{2}:\\d{2}$', format: '%H:%M:%S' },
  { regex: '^\\d{1,2}:\\d{2}:\\d{2}\\.\\d{1,6}$', format: '%H:%M:%S.%f' },
  { regex: '^(?i)[AP]M \\d{1,2}:\\d{2}$', format: '%p %I:%M' },
  { regex: '^(?i)[AP]M \\d{1,2}:\\d{2}:\\d{2}$', format: '%p %I:%M:%S' },
  { regex: '^(?i)\\d{1,2}:\\d{2} [AP]M$', format: '%I:%M %p' },
  { regex: '^(?i)\\d{1,2}:\\d{2}:\\d{2} [AP]M$', format: '%I:%M:%S %p' },
];

/**
 * The text made regular: spaces trimmed and collapsed, 오전/오후 → AM/PM, spaces around date separators
 * removed (2024. 1. 5. → 2024.1.5.), ISO `T` → space, a trailing dot dropped, a weekday like (금) removed.
 */
export function cleanDateSql(x: string): string {
  let s = trimSql(collapseSpacesSql(x));
  s = `replace(replace(${s}, '오전', 'AM'), '오후', 'PM')`;
  s = `regexp_replace(${s}, '\\s*\\((?:[월화수목금토일](?:요일)?|(?i:mon|tue|wed|thu|fri|sat|sun))\\)', '', 'g')`;
  s = `regexp_replace(${s}, '([./년월-]) (\\d)', '\\1\\2', 'g')`;
  s = `regexp_replace(${s}, '(\\d) ([./년월-])', '\\1\\2', 'g')`;
  s = `regexp_replace(${s}, '^(\\d\\S*\\d)T(\\d)', '\\1 \\2')`;
  return `regexp_replace(${s}, '^(\\S*[\\d일])\\.( |$)', '\\1\\2')`;
}

/** A CASE over the patterns, each parsed with its format: NULL when none matches. */
export function matchSql(x: string, patterns: Pattern[]): string {
  const whens = patterns.map(
    (p) => `WHEN regexp_matches(${x}, ${literal(p.regex)}) THEN try_strptime(${x}, ${literal(p.format)})`,
  );
  return `CASE ${whens.join(' ')} END`;
}

const SPECIFIER = /%(-?[aAwudbBhmyYHIpMSfgnzZjUWVGcxX]|%)/y;

/** Rejects strptime formats DuckDB would refuse at run time, naming the param. */
export function checkFormat(format: string, param: string): void {
  for (let i = format.indexOf('%'); i >= 0; i = format.indexOf('%', i)) {
    SPECIFIER.lastIndex = i;
    const m = SPECIFIER.exec(format);
    if (!m) {
      const code = format.slice(i, i + 2);
      throw new ParamError(
        `"${code}" is not a date format code (e.g. %Y-%m-%d)`,
        param,
        msg('node.date_format_code', { code }),
      );
    }
    i += m[0].length;
  }
}
