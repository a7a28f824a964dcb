import type { Engine } from '../../../runtime/engine/engine.ts';
import { isNumericType, isTemporalType } from '../../../runtime/engine/normalize.ts';
import type { Column, Row } from '../../../runtime/schema/types.ts';
import { type DistributionSpec, distributionSql, HISTOGRAM_BINS, summarySql } from './profile-sql.ts';

export interface ColumnProfile {
  name: string;
  type: string;
  nulls: number;
  /** 0…1 of all rows. */
  nullShare: number;
  distinct?: number;
  /** `distinct` is a HyperLogLog estimate (large results). */
  distinctApprox?: boolean;
  /** Every non-empty value occurs once (an id): top values would say nothing. */
  unique?: boolean;
  min?: string | number;
  max?: string | number;
  mean?: number;
  /** Equal-width bins; for dates and times `from`/`to` are epoch seconds (`histogramOfTime`). */
  histogram?: { from: number; to: number; n: number }[];
  histogramOfTime?: boolean;
  /** Range in epoch seconds, for dates and times. */
  epochRange?: { min: number; max: number };
  /** Most frequent values with their share (0…1) of the non-empty values. */
  top?: { value: string; share: number }[];
  /** Most frequent shapes of text values (`AAA-9999`), with their share. */
  patterns?: { value: string; share: number }[];
}

export interface Profile {
  rows: number;
  columns: ColumnProfile[];
  /** Distributions were computed on a sample of this many rows (exact summary stats either way). */
  sampledRows?: number;
  ms: number;
}

const SAMPLE_TABLE = '"__studio_profile_sample"';

/**
 * A Paxata-style profile of every column: one scan for the summary of all columns, then one query for all
 * distributions (on a reservoir sample when the result is large, so a profile of millions of rows stays
 * quick in the browser).
 */
export async function profileRelation(
  engine: Engine,
  relation: string,
  schema: Column[],
  options: { sampleRows?: number; signal?: AbortSignal } = {},
): Promise<Profile> {
  const started = performance.now();
  const q = options.signal ? { signal: options.signal } : {};
  const total = Number((await engine.query(`SELECT count(*) AS n FROM ${relation}`, q)).rows[0]?.n ?? 0);
  const limit = options.sampleRows ?? 100_000;
  const summary = (await engine.query(summarySql(relation, schema, total <= limit * 5), q)).rows[0] ?? {};
  const rows = Number(summary.n ?? 0);
  const columns = schema.map((col, i) => summaryOf(col, i, summary, rows));
  for (const c of columns) {
    if (c.distinct === undefined) continue;
    if (total > limit * 5) c.distinctApprox = true;
    else if (rows - c.nulls > 1 && c.distinct === rows - c.nulls) c.unique = true;
  }
  const specs: DistributionSpec[] = columns.map((p, index) => {
    const range = rangeOf(p);
    return range ? { index, column: schema[index]!, range } : { index, column: schema[index]! };
  });
  const sampled = rows > limit;
  let source = relation;
  if (sampled) {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${SAMPLE_TABLE} AS SELECT * FROM ${relation} USING SAMPLE reservoir(${limit} ROWS) REPEATABLE (7)`,
      q,
    );
    source = SAMPLE_TABLE;
  }
  try {
    const sql = rows > 0 ? distributionSql(source, specs) : undefined;
    const dist = sql ? (await engine.query(sql, q)).rows : [];
    addDistributions(columns, dist, sampled ? limit : rows);
  } finally {
    if (sampled) await engine.exec(`DROP TABLE IF EXISTS ${SAMPLE_TABLE}`).catch(() => undefined);
  }
  const profile: Profile = { rows, columns, ms: performance.now() - started };
  if (sampled) profile.sampledRows = limit;
  return profile;
}

function summaryOf(col: Column, i: number, s: Row, rows: number): ColumnProfile {
  const nulls = Number(s[`c${i}_nulls`] ?? 0);
  const p: ColumnProfile = { name: col.name, type: col.type, nulls, nullShare: rows ? nulls / rows : 0 };
  const distinct = s[`c${i}_distinct`];
  if (distinct !== undefined && distinct !== null) p.distinct = Math.min(Number(distinct), rows - nulls);
  for (const key of ['min', 'max'] as const) {
    const v = s[`c${i}_${key}`];
    if (typeof v === 'number' || typeof v === 'string') p[key] = v;
  }
  const mean = s[`c${i}_mean`];
  if (typeof mean === 'number') p.mean = mean;
  const lo = s[`c${i}_lo`];
  const hi = s[`c${i}_hi`];
  if (typeof lo === 'number' && typeof hi === 'number') p.epochRange = { min: lo, max: hi };
  return p;
}

/** The histogram range of a number or time column, when it has more than one value. */
function rangeOf(p: ColumnProfile): { min: number; max: number } | undefined {
  if (isNumericType(p.type) && typeof p.min === 'number' && typeof p.max === 'number' && p.min < p.max) {
    return { min: p.min, max: p.max };
  }
  if (isTemporalType(p.type) && p.epochRange && p.epochRange.min < p.epochRange.max) return p.epochRange;
  return undefined;
}

function addDistributions(columns: ColumnProfile[], dist: Row[], scanned: number): void {
  for (const r of dist) {
    const p = columns[Number(r.col)];
    if (!p) continue;
    const n = Number(r.n);
    const nonEmpty = Math.max(1, scanned * (1 - p.nullShare));
    if (r.kind === 'h') {
      const range = rangeOf(p)!;
      const min = range.min;
      const width = (range.max - min) / HISTOGRAM_BINS;
      p.histogramOfTime = isTemporalType(p.type);
      p.histogram ??= Array.from({ length: HISTOGRAM_BINS }, (_, b) => ({
        from: min + b * width,
        to: min + (b + 1) * width,
        n: 0,
      }));
      const bin = p.histogram[Number(r.bucket)];
      if (bin) bin.n = n;
    } else {
      const entry = { value: String(r.value), share: n / nonEmpty };
      if (r.kind === 't') p.top = [...(p.top ?? []), entry];
      else p.patterns = [...(p.patterns ?? []), entry];
    }
  }
  for (const p of columns) {
    p.top?.sort((a, b) => b.share - a.share || a.value.localeCompare(b.value));
    p.patterns?.sort((a, b) => b.share - a.share);
  }
}
