import { MISSING } from './binning.ts';
import { encodeKeys, encodeOutOfFold, fitKeyStats, type KeyStats } from './target-encoding.ts';

/** Which columns feed a model and how. Column-major input: column name → values. */
export interface FeatureSpec {
  categorical: string[];
  numeric: string[];
  /** Groups of categorical columns whose combination is encoded as one key (e.g. HS6 × origin). */
  crosses: string[][];
  /** m of the m-estimate: how many rows a key needs before its own rate outweighs the overall rate. */
  smoothing: number;
}

export type Table = Record<string, readonly unknown[]>;

/** Everything needed to turn raw rows into the model's float features, as JSON. */
export interface Preprocessor {
  spec: FeatureSpec;
  prior: number;
  keys: { name: string; columns: string[]; fit: KeyStats }[];
  featureNames: string[];
}

const SEP = '\u001f';

export function keyColumn(table: Table, columns: string[], n: number): string[] {
  const out = new Array<string>(n);
  const cols = columns.map((c) => table[c]);
  for (let i = 0; i < n; i++) {
    let k = '';
    for (let j = 0; j < cols.length; j++) {
      const v = cols[j]?.[i];
      k += (j ? SEP : '') + (v === null || v === undefined || v === '' ? '∅' : String(v));
    }
    out[i] = k;
  }
  return out;
}

export function numericColumn(values: readonly unknown[] | undefined, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values?.[i];
    const x =
      typeof v === 'number'
        ? v
        : typeof v === 'bigint'
          ? Number(v)
          : v === null || v === undefined || v === ''
            ? Number.NaN
            : Number(v);
    out[i] = Number.isFinite(x) ? x : MISSING;
  }
  return out;
}

function keyGroups(spec: FeatureSpec): { name: string; columns: string[] }[] {
  return [
    ...spec.categorical.map((c) => ({ name: c, columns: [c] })),
    ...spec.crosses.map((cs) => ({ name: cs.join(' × '), columns: cs })),
  ];
}

/**
 * Fits the encoders on training rows and returns the training features, target-encoded out of fold.
 * Feature order: for each key (categoricals, then crosses) its rate and log count; then numerics.
 */
export function fitFeatures(
  table: Table,
  label: Float64Array,
  spec: FeatureSpec,
  seed = 7,
): { pre: Preprocessor; columns: Float64Array[] } {
  const n = label.length;
  const prior = label.reduce((s, y) => s + y, 0) / Math.max(n, 1);
  const keys: Preprocessor['keys'] = [];
  const columns: Float64Array[] = [];
  const featureNames: string[] = [];
  for (const g of keyGroups(spec)) {
    const k = keyColumn(table, g.columns, n);
    keys.push({ ...g, fit: fitKeyStats(k, label) });
    const enc = encodeOutOfFold(k, label, prior, spec.smoothing, 5, seed);
    columns.push(enc.rate, enc.logCount);
    featureNames.push(`${g.name} rate`, `${g.name} count`);
  }
  for (const c of spec.numeric) {
    columns.push(numericColumn(table[c], n));
    featureNames.push(c);
  }
  return { pre: { spec, prior, keys, featureNames }, columns };
}

/** Features of new rows with the fitted encoders (unseen keys get the overall rate and count 0). */
export function transformFeatures(pre: Preprocessor, table: Table, n: number): Float64Array[] {
  const columns: Float64Array[] = [];
  for (const g of pre.keys) {
    const enc = encodeKeys(g.fit, keyColumn(table, g.columns, n), pre.prior, pre.spec.smoothing);
    columns.push(enc.rate, enc.logCount);
  }
  for (const c of pre.spec.numeric) columns.push(numericColumn(table[c], n));
  return columns;
}

/** Row-major float32 matrix, the input an ONNX model takes. */
export function toMatrix(columns: Float64Array[]): Float32Array {
  const n = columns[0]?.length ?? 0;
  const f = columns.length;
  const out = new Float32Array(n * f);
  for (let j = 0; j < f; j++) {
    const c = columns[j]!;
    for (let i = 0; i < n; i++) out[i * f + j] = c[i]!;
  }
  return out;
}
