import { isNumericType, isTemporalType, isTextType } from '../../../runtime/engine/normalize.ts';
import type { Column } from '../../../runtime/schema/types.ts';
import { ident } from '../../../runtime/sql/quote.ts';
import { isNested } from './profile-sql.ts';
import { type QualityRule, ruleCondition } from './quality-rules.ts';

/** Number text: `1234`, `-1,234.5`, `1.2e3`, with surrounding spaces. */
export const NUMBER_PATTERN = '^\\s*[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*$';
/** Date text as officers write it: `2024-01-05`, `2024.01.05`, `2024/1/5`, `20240105`, `2024년 1월 5일`, with a time or not. */
export const DATE_PATTERN =
  '^\\s*((19|20)[0-9]{2}([-./]\\s?[01]?[0-9][-./]\\s?[0-3]?[0-9]\\.?|[01][0-9][0-3][0-9]|년\\s*[01]?[0-9]월\\s*[0-3]?[0-9]일)|[0-3]?[0-9][-./][01]?[0-9][-./](19|20)[0-9]{2})([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?)?\\s*$';

/**
 * One scan for every column's quality: `n`, then per column `q<i>_missing` (NULL or blank) and the number of
 * non-empty values that do not fit: for typed columns `q<i>_bad` (failing a rule); for text columns also
 * `q<i>_bad_num` and `q<i>_bad_date` (not a number / not a date, or failing a rule) and `q<i>_num` /
 * `q<i>_date` (values that look like one), so the intended type can be chosen from the counts.
 */
export function qualitySql(relation: string, columns: Column[], rules: QualityRule[] = []): string {
  const parts = ['count(*) AS n'];
  columns.forEach((col, i) => {
    const c = ident(col.name);
    const text = isTextType(col.type);
    const missing = text ? `(${c} IS NULL OR trim(${c}) = '')` : `${c} IS NULL`;
    parts.push(`count(*) FILTER (WHERE ${missing}) AS q${i}_missing`);
    if (isNested(col.type)) return;
    const numeric = isNumericType(col.type);
    const passes = rules
      .filter((r) => r.column === col.name)
      .map((r) => ruleCondition(r, col.name, numeric))
      .filter((x): x is string => x !== undefined);
    const failsRule = passes.length ? `NOT (${passes.join(' AND ')})` : 'false';
    const present = `NOT ${missing}`;
    parts.push(`count(*) FILTER (WHERE ${present} AND ${failsRule}) AS q${i}_bad`);
    if (!text) return;
    const isNum = `regexp_full_match(${c}, '${NUMBER_PATTERN}')`;
    const isDate = `regexp_full_match(${c}, '${DATE_PATTERN}')`;
    parts.push(
      `count(*) FILTER (WHERE ${present} AND ${isNum}) AS q${i}_num`,
      `count(*) FILTER (WHERE ${present} AND ${isDate}) AS q${i}_date`,
      `count(*) FILTER (WHERE ${present} AND (NOT ${isNum} OR ${failsRule})) AS q${i}_bad_num`,
      `count(*) FILTER (WHERE ${present} AND (NOT ${isDate} OR ${failsRule})) AS q${i}_bad_date`,
    );
  });
  return `SELECT ${parts.join(', ')} FROM ${relation}`;
}

/** What a column's values are meant to be: its own type, or for text what most values look like. */
export type IntendedType = 'number' | 'date' | 'text' | 'other';

export function typeKind(type: string): IntendedType {
  if (isNumericType(type)) return 'number';
  if (isTemporalType(type)) return 'date';
  if (isTextType(type)) return 'text';
  return 'other';
}
