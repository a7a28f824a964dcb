/**
 * L2-regularised logistic regression fitted by L-BFGS on a sparse row matrix (one-hot columns stay
 * cheap). Deterministic: no random start, no shuffling; the same data gives the same coefficients.
 * Objective: mean weighted log-loss + (l2 / 2)·‖β‖², the intercept unpenalised.
 */

/** Compressed sparse rows: row i holds columns indices[indptr[i]..indptr[i+1]) with values data[…]. */
export interface SparseRows {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
}

export interface LogisticOptions {
  l2: number;
  maxIter: number;
  /** Stop when the largest gradient component is below this. */
  tol: number;
  /** Per-row weights (e.g. class weights); default 1. */
  weights?: Float64Array;
  onIteration?: (iteration: number) => void;
}

export const LOGISTIC_DEFAULTS: LogisticOptions = { l2: 1e-3, maxIter: 200, tol: 1e-7 };

export interface LogisticModel {
  intercept: number;
  coef: Float64Array;
  iterations: number;
  converged: boolean;
}

/** Dense rows (row-major arrays) as sparse rows, dropping zeros. */
export function toSparse(rows: ArrayLike<number>[], cols = rows[0]?.length ?? 0): SparseRows {
  const indptr = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const data: number[] = [];
  rows.forEach((r, i) => {
    for (let j = 0; j < cols; j++) {
      if (r[j] !== 0) {
        indices.push(j);
        data.push(r[j]!);
      }
    }
    indptr[i + 1] = indices.length;
  });
  return { rows: rows.length, cols, indptr, indices: Int32Array.from(indices), data: Float64Array.from(data) };
}

/** The linear predictor of row i. */
export function rowLogit(m: Pick<LogisticModel, 'intercept' | 'coef'>, x: SparseRows, i: number): number {
  let z = m.intercept;
  for (let t = x.indptr[i]!; t < x.indptr[i + 1]!; t++) z += m.coef[x.indices[t]!]! * x.data[t]!;
  return z;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predictProba(m: Pick<LogisticModel, 'intercept' | 'coef'>, x: SparseRows): Float64Array {
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) out[i] = sigmoid(rowLogit(m, x, i));
  return out;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Loss and gradient at w = [intercept, β…]. */
function lossGrad(w: Float64Array, x: SparseRows, y: ArrayLike<number>, o: LogisticOptions, g: Float64Array): number {
  g.fill(0);
  let loss = 0;
  let total = 0;
  for (let i = 0; i < x.rows; i++) {
    const wi = o.weights ? o.weights[i]! : 1;
    let z = w[0]!;
    for (let t = x.indptr[i]!; t < x.indptr[i + 1]!; t++) z += w[x.indices[t]! + 1]! * x.data[t]!;
    loss += wi * (softplus(z) - y[i]! * z);
    const r = wi * (sigmoid(z) - y[i]!);
    g[0]! += r;
    for (let t = x.indptr[i]!; t < x.indptr[i + 1]!; t++) g[x.indices[t]! + 1]! += r * x.data[t]!;
    total += wi;
  }
  loss /= total;
  for (let j = 0; j < g.length; j++) g[j]! /= total;
  for (let j = 1; j < w.length; j++) {
    loss += (o.l2 / 2) * w[j]! ** 2;
    g[j]! += o.l2 * w[j]!;
  }
  return loss;
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

export function fitLogistic(
  x: SparseRows,
  y: ArrayLike<number>,
  options: Partial<LogisticOptions> = {},
): LogisticModel {
  const o = { ...LOGISTIC_DEFAULTS, ...options };
  const p = x.cols + 1;
  const w = new Float64Array(p);
  // Start at the base-rate intercept: the optimum when no feature helps, and a good start otherwise.
  let pos = 0;
  let tot = 0;
  for (let i = 0; i < x.rows; i++) {
    const wi = o.weights ? o.weights[i]! : 1;
    pos += wi * y[i]!;
    tot += wi;
  }
  const rate = Math.min(Math.max(pos / tot, 1e-6), 1 - 1e-6);
  w[0] = Math.log(rate / (1 - rate));
  const g = new Float64Array(p);
  let f = lossGrad(w, x, y, o, g);
  const memory: { s: Float64Array; t: Float64Array; rho: number }[] = [];
  let iter = 0;
  let converged = false;
  const gNew = new Float64Array(p);
  const wNew = new Float64Array(p);
  for (; iter < o.maxIter; iter++) {
    if (maxAbs(g) < o.tol) {
      converged = true;
      break;
    }
    // Two-loop recursion: d = −H·g.
    const d = Float64Array.from(g, (v) => -v);
    const alphas: number[] = [];
    for (let m = memory.length - 1; m >= 0; m--) {
      const { s, t, rho } = memory[m]!;
      const a = rho * dot(s, d);
      alphas[m] = a;
      for (let j = 0; j < p; j++) d[j]! -= a * t[j]!;
    }
    const last = memory[memory.length - 1];
    const gamma = last ? dot(last.s, last.t) / dot(last.t, last.t) : 1 / Math.max(1, maxAbs(g));
    for (let j = 0; j < p; j++) d[j]! *= gamma;
    for (let m = 0; m < memory.length; m++) {
      const { s, t, rho } = memory[m]!;
      const b = rho * dot(t, d);
      for (let j = 0; j < p; j++) d[j]! += s[j]! * (alphas[m]! - b);
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (curvature lost): restart from steepest descent.
      memory.length = 0;
      for (let j = 0; j < p; j++) d[j] = -g[j]!;
      slope = dot(g, d);
    }
    // Backtracking line search with the Armijo condition.
    let step = 1;
    let fNew = f;
    for (let ls = 0; ls < 40; ls++) {
      for (let j = 0; j < p; j++) wNew[j] = w[j]! + step * d[j]!;
      fNew = lossGrad(wNew, x, y, o, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    const s = Float64Array.from(wNew, (v, j) => v - w[j]!);
    const t = Float64Array.from(gNew, (v, j) => v - g[j]!);
    const st = dot(s, t);
    if (st > 1e-12) {
      memory.push({ s, t, rho: 1 / st });
      if (memory.length > 10) memory.shift();
    }
    const improved = f - fNew;
    w.set(wNew);
    g.set(gNew);
    f = fNew;
    o.onIteration?.(iter + 1);
    if (improved >= 0 && improved < 1e-15 * Math.max(1, Math.abs(f))) {
      converged = maxAbs(g) < Math.sqrt(o.tol);
      iter++;
      break;
    }
  }
  return { intercept: w[0]!, coef: w.slice(1), iterations: iter, converged };
}
