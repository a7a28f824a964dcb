import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import type { SparseRows } from '../../runtime/ml/logistic.ts';

/** The form's name of `numeric` in model.requirement_risk (its schema imports this module). */
const NUMERIC_FIELD = { ko: '숫자 열', en: 'Numeric columns' };

/**
 * One-hot and standardised features for the requirement-risk classifier. A category seen fewer than
 * `minCount` times in training, or never, gets no column: it contributes nothing, as if at the average
 * level (the intercept). Missing numbers are set to the training mean (0 after standardising).
 */
export interface FeatureColumn {
  /** Human-readable name used in reason texts, e.g. `origin=TH` or `net_mass_kg`. */
  name: string;
}

export interface RequirementFeatures {
  categorical: { column: string; index: Map<string, number> }[];
  numeric: { column: string; mean: number; sd: number; log: boolean }[];
  columns: FeatureColumn[];
}

export type Raw = Record<string, readonly unknown[]>;

const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

function transformNumber(v: unknown, log: boolean): number {
  const x = typeof v === 'number' ? v : v === null || v === undefined || v === '' ? Number.NaN : Number(v);
  return log && Number.isFinite(x) ? Math.sign(x) * Math.log1p(Math.abs(x)) : x;
}

export function fitFeatures(
  raw: Raw,
  train: number[],
  categorical: string[],
  numeric: string[],
  minCount: number,
  log: boolean,
): RequirementFeatures {
  const columns: FeatureColumn[] = [];
  const cats = categorical.map((column) => {
    const counts = new Map<string, number>();
    for (const i of train) {
      const v = text(raw[column]![i]);
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const index = new Map<string, number>();
    for (const [v, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (c < minCount) continue;
      index.set(v, columns.length);
      columns.push({ name: `${column}=${v}` });
    }
    return { column, index };
  });
  const nums = numeric.map((column) => {
    let sum = 0;
    let sq = 0;
    let n = 0;
    for (const i of train) {
      const x = transformNumber(raw[column]![i], log);
      if (!Number.isFinite(x)) continue;
      sum += x;
      sq += x * x;
      n++;
    }
    if (n === 0)
      throw new ParamError(
        `numeric column "${column}" has no values in the labelled rows`,
        'numeric',
        msg('node.model_numeric_no_values', { column, field: NUMERIC_FIELD }),
      );
    const mean = sum / n;
    const sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
    if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
      throw new ParamError(
        `numeric column "${column}" is constant in the labelled rows; remove it`,
        'numeric',
        msg('node.model_numeric_constant', { column, field: NUMERIC_FIELD }),
      );
    }
    columns.push({ name: column });
    return { column, mean, sd, log };
  });
  return { categorical: cats, numeric: nums, columns };
}

/** Rows `rows` of `raw` as sparse feature rows. */
export function transform(f: RequirementFeatures, raw: Raw, rows: number[]): SparseRows {
  const indptr = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const data: number[] = [];
  rows.forEach((i, r) => {
    for (const c of f.categorical) {
      const v = text(raw[c.column]![i]);
      const j = v === null ? undefined : c.index.get(v);
      if (j !== undefined) {
        indices.push(j);
        data.push(1);
      }
    }
    const offset = f.columns.length - f.numeric.length;
    f.numeric.forEach((c, k) => {
      const x = transformNumber(raw[c.column]![i], c.log);
      if (!Number.isFinite(x)) return;
      const z = (x - c.mean) / c.sd;
      if (z !== 0) {
        indices.push(offset + k);
        data.push(z);
      }
    });
    indptr[r + 1] = indices.length;
  });
  return {
    rows: rows.length,
    cols: f.columns.length,
    indptr,
    indices: Int32Array.from(indices),
    data: Float64Array.from(data),
  };
}

/** The features that push a row's risk up most (β·x > 0), largest first. */
export function topFactors(f: RequirementFeatures, coef: Float64Array, x: SparseRows, r: number, n: number): string[] {
  const parts: [string, number][] = [];
  for (let t = x.indptr[r]!; t < x.indptr[r + 1]!; t++) {
    const j = x.indices[t]!;
    const c = coef[j]! * x.data[t]!;
    if (c > 0)
      parts.push([
        f.columns[j]!.name + (j >= f.columns.length - f.numeric.length ? (x.data[t]! > 0 ? '↑' : '↓') : ''),
        c,
      ]);
  }
  return parts
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map((p) => p[0]);
}
