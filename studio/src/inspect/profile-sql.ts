import { isNumericType, isTemporalType, isTextType } from '../../../runtime/engine/normalize.ts';
import type { Column } from '../../../runtime/schema/types.ts';
import { ident, literal } from '../../../runtime/sql/quote.ts';

export const HISTOGRAM_BINS = 12;
export const TOP_VALUES = 5;

/** Nested values (lists, structs, maps) get null counts only. */
export function isNested(type: string): boolean {
  return /[[\]]|^(STRUCT|MAP|UNION|LIST)/i.test(type.trim());
}

/**
 * One scan for every column's summary: `n` rows, then per column `c<i>_nulls`, `c<i>_distinct` (exact, or
 * approximate with HyperLogLog for large results), `c<i>_min`, `c<i>_max` and for numbers `c<i>_mean`
 * (numbers as DOUBLE, everything else as text); dates and times add `c<i>_lo`/`c<i>_hi` in epoch seconds.
 */
export function summarySql(relation: string, columns: Column[], exactDistinct = true): string {
  const parts = ['count(*) AS n'];
  columns.forEach((col, i) => {
    const c = ident(col.name);
    parts.push(`count(*) - count(${c}) AS c${i}_nulls`);
    if (isNested(col.type)) return;
    parts.push(`${exactDistinct ? 'count(DISTINCT ' : 'approx_count_distinct('}${c}) AS c${i}_distinct`);
    if (isNumericType(col.type)) {
      parts.push(`min(${c})::DOUBLE AS c${i}_min`, `max(${c})::DOUBLE AS c${i}_max`, `avg(${c})::DOUBLE AS c${i}_mean`);
    } else {
      parts.push(`min(${c})::VARCHAR AS c${i}_min`, `max(${c})::VARCHAR AS c${i}_max`);
    }
    if (isTemporalType(col.type)) {
      parts.push(`epoch(min(${c}))::DOUBLE AS c${i}_lo`, `epoch(max(${c}))::DOUBLE AS c${i}_hi`);
    }
  });
  return `SELECT ${parts.join(', ')} FROM ${relation}`;
}

/** What the distribution query needs to know about a column from the summary. */
export interface DistributionSpec {
  index: number;
  column: Column;
  /**
   * For numbers (and dates and times, as epoch seconds) with min < max: a histogram over [min, max];
   * otherwise top values (and shapes for text).
   */
  range?: { min: number; max: number };
}

/**
 * All distributions in one query (`UNION ALL`), rows of `(col, kind, bucket, value, n)`: kind `h` histogram
 * bucket counts, `t` top values, `p` top shapes of text (digits → 9, Latin letters → A, Hangul → 가).
 */
export function distributionSql(relation: string, specs: DistributionSpec[]): string | undefined {
  const branches: string[] = [];
  for (const { index, column, range } of specs) {
    const c = ident(column.name);
    if (isNested(column.type)) continue;
    if (range) {
      const width = (range.max - range.min) / HISTOGRAM_BINS;
      const x = isTemporalType(column.type) ? `epoch(${c})::DOUBLE` : `${c}::DOUBLE`;
      const bucket = `least(floor((${x} - ${literal(range.min)}) / ${literal(width)}), ${HISTOGRAM_BINS - 1})::INTEGER`;
      branches.push(
        `SELECT ${index} AS col, 'h' AS kind, ${bucket} AS bucket, NULL::VARCHAR AS value, count(*) AS n FROM ${relation} WHERE ${c} IS NOT NULL GROUP BY ALL`,
      );
      continue;
    }
    branches.push(
      `(SELECT ${index} AS col, 't' AS kind, NULL::INTEGER AS bucket, CAST(${c} AS VARCHAR) AS value, count(*) AS n FROM ${relation} WHERE ${c} IS NOT NULL GROUP BY ALL ORDER BY n DESC, value LIMIT ${TOP_VALUES})`,
    );
    if (isTextType(column.type)) {
      const shape = `regexp_replace(regexp_replace(regexp_replace(${c}, '[0-9]', '9', 'g'), '[A-Za-z]', 'A', 'g'), '[가-힣]', '가', 'g')`;
      branches.push(
        `(SELECT ${index} AS col, 'p' AS kind, NULL::INTEGER AS bucket, ${shape} AS value, count(*) AS n FROM ${relation} WHERE ${c} IS NOT NULL GROUP BY ALL ORDER BY n DESC, value LIMIT 3)`,
      );
    }
  }
  return branches.length ? branches.join('\nUNION ALL\n') : undefined;
}
