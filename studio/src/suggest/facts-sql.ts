import { isTextType } from '../../../runtime/engine/normalize.ts';
import type { Column, Row } from '../../../runtime/schema/types.ts';
import { ident, stringLiteral } from '../../../runtime/sql/quote.ts';
import { DATE_PATTERN, NUMBER_PATTERN } from '../inspect/quality-sql.ts';

/** Delimiters a split is offered for, most telling first. */
export const DELIMITERS = ['/', '|', ';', ',', ' - ', '-', '_', ':'] as const;

const INTEGER_PATTERN = '^\\s*[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)\\s*$';

/** What the suggestions know about one column, counted over the whole result. */
export interface ColumnFacts {
  column: string;
  type: string;
  rows: number;
  /** NULL values. */
  nulls: number;
  /** NULL or blank. */
  missing: number;
  distinct: number;
  /** Text only (0 otherwise): values with leading/trailing or doubled spaces. */
  spaces: number;
  /** Text values that read as a number / a whole number / a number with thousands commas / a code with a leading zero. */
  numeric: number;
  integers: number;
  commas: number;
  leadingZero: number;
  /** Text values that read as a date. */
  dates: number;
  /** Per delimiter: values containing it, and the most parts a value splits into. */
  delimiters: { delimiter: string; values: number; maxParts: number }[];
}

/** One scan of a column for its `ColumnFacts` (text tests only on text columns). */
export function columnFactsSql(relation: string, column: Column): string {
  const c = ident(column.name);
  const parts = [
    'count(*) AS n',
    `count(*) - count(${c}) AS nulls`,
    `count(DISTINCT ${c}) AS distinct_values`,
    `count(*) FILTER (WHERE ${c} IS NULL OR trim(CAST(${c} AS VARCHAR)) = '') AS missing`,
  ];
  if (isTextType(column.type)) {
    const present = `trim(${c}) <> ''`;
    parts.push(
      `count(*) FILTER (WHERE ${c} <> trim(${c}) OR contains(${c}, '  ')) AS spaces`,
      `count(*) FILTER (WHERE ${present} AND regexp_full_match(${c}, '${NUMBER_PATTERN}')) AS numeric`,
      `count(*) FILTER (WHERE ${present} AND regexp_full_match(${c}, '${INTEGER_PATTERN}')) AS integers`,
      `count(*) FILTER (WHERE regexp_full_match(${c}, '${NUMBER_PATTERN}') AND contains(${c}, ',')) AS commas`,
      `count(*) FILTER (WHERE regexp_full_match(${c}, '^\\s*0[0-9]+\\s*$')) AS leading_zero`,
      `count(*) FILTER (WHERE ${present} AND regexp_full_match(${c}, '${DATE_PATTERN}')) AS dates`,
    );
    // "Co., Ltd." is a legal form, not a list: its comma does not count.
    const bare = `regexp_replace(${c}, '[Cc][Oo]\\.,\\s*[Ll][Tt][Dd]', '', 'g')`;
    DELIMITERS.forEach((d, k) => {
      const lit = stringLiteral(d);
      parts.push(
        `count(*) FILTER (WHERE contains(${bare}, ${lit})) AS d${k}_values`,
        `coalesce(max(len(string_split(${bare}, ${lit}))), 0) AS d${k}_parts`,
      );
    });
  }
  return `SELECT ${parts.join(', ')} FROM ${relation}`;
}

export function readColumnFacts(row: Row, column: Column): ColumnFacts {
  const n = (key: string) => Number(row[key] ?? 0);
  const text = isTextType(column.type);
  return {
    column: column.name,
    type: column.type,
    rows: n('n'),
    nulls: n('nulls'),
    missing: n('missing'),
    distinct: n('distinct_values'),
    spaces: n('spaces'),
    numeric: n('numeric'),
    integers: n('integers'),
    commas: n('commas'),
    leadingZero: n('leading_zero'),
    dates: n('dates'),
    delimiters: text
      ? DELIMITERS.map((delimiter, k) => ({ delimiter, values: n(`d${k}_values`), maxParts: n(`d${k}_parts`) }))
      : [],
  };
}

/** Rows that repeat an earlier row exactly (what `prep.dedupe` over all columns removes). */
export function duplicateRowsSql(relation: string): string {
  return `SELECT (SELECT count(*) FROM ${relation}) - (SELECT count(*) FROM (SELECT DISTINCT * FROM ${relation})) AS dups`;
}
