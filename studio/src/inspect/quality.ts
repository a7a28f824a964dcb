import type { Engine } from '../../../runtime/engine/engine.ts';
import { isTextType } from '../../../runtime/engine/normalize.ts';
import type { Column, Row } from '../../../runtime/schema/types.ts';
import type { QualityRule } from './quality-rules.ts';
import { type IntendedType, qualitySql, typeKind } from './quality-sql.ts';

/** A text column is read as numbers (or dates) when at least this share of its non-empty values look like them. */
export const INTENDED_SHARE = 0.5;

/** The valid / mismatched / missing split of one column over the whole result. */
export interface ColumnQuality {
  name: string;
  rows: number;
  valid: number;
  /** Non-empty values that do not fit the intended type or fail a validation rule. */
  mismatched: number;
  /** NULL or blank. */
  missing: number;
  intended: IntendedType;
  /** The column is text but its values are mostly numbers or dates (so mismatches count against those). */
  textAs?: 'number' | 'date';
  /** Validation rules were part of the check. */
  ruled: boolean;
}

/** Reads the counts of `qualitySql` into one `ColumnQuality` per column. */
export function readQuality(row: Row, columns: Column[], rules: QualityRule[] = []): ColumnQuality[] {
  const rows = Number(row.n ?? 0);
  return columns.map((col, i) => {
    const num = (key: string) => Number(row[`q${i}_${key}`] ?? 0);
    const missing = num('missing');
    const present = rows - missing;
    let intended = typeKind(col.type);
    let mismatched = num('bad');
    let textAs: 'number' | 'date' | undefined;
    if (isTextType(col.type) && present > 0) {
      if (num('num') >= present * INTENDED_SHARE) {
        textAs = 'number';
        mismatched = num('bad_num');
      } else if (num('date') >= present * INTENDED_SHARE) {
        textAs = 'date';
        mismatched = num('bad_date');
      }
    }
    if (textAs) intended = textAs;
    const q: ColumnQuality = {
      name: col.name,
      rows,
      valid: rows - missing - mismatched,
      mismatched,
      missing,
      intended,
      ruled: rules.some((r) => r.column === col.name),
    };
    if (textAs) q.textAs = textAs;
    return q;
  });
}

/** Every column's quality bar in one query over the whole relation. */
export async function qualityOf(
  engine: Engine,
  relation: string,
  columns: Column[],
  rules: QualityRule[] = [],
  signal?: AbortSignal,
): Promise<ColumnQuality[]> {
  const r = await engine.query(qualitySql(relation, columns, rules), signal ? { signal } : {});
  return readQuality(r.rows[0] ?? {}, columns, rules);
}
