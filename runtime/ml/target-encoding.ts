import { permutation, rng } from './rng.ts';

/**
 * Smoothed target (m-estimate) and frequency encoding of a categorical key: the rate of positives among
 * past rows with that key, shrunk toward the overall rate so a key seen twice cannot claim 100 % risk.
 * Unseen keys at scoring get the overall rate and count 0.
 */
export interface KeyStats {
  /** key → [positives, rows] */
  stats: Record<string, [number, number]>;
}

export interface EncodedKey {
  rate: Float64Array;
  logCount: Float64Array;
}

export function fitKeyStats(keys: readonly string[], label: Float64Array, rows?: ArrayLike<number>): KeyStats {
  const stats: Record<string, [number, number]> = Object.create(null);
  const visit = (i: number) => {
    const k = keys[i]!;
    let s = stats[k];
    if (!s) {
      s = [0, 0];
      stats[k] = s;
    }
    s[0] += label[i]!;
    s[1] += 1;
  };
  if (rows) for (let t = 0; t < rows.length; t++) visit(rows[t]!);
  else for (let i = 0; i < keys.length; i++) visit(i);
  return { stats };
}

export function encodeKeys(fit: KeyStats, keys: readonly string[], prior: number, smoothing: number): EncodedKey {
  const rate = new Float64Array(keys.length);
  const logCount = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const s = fit.stats[keys[i]!];
    const pos = s ? s[0] : 0;
    const n = s ? s[1] : 0;
    rate[i] = (pos + prior * smoothing) / (n + smoothing);
    logCount[i] = Math.log1p(n);
  }
  return { rate, logCount };
}

/**
 * Out-of-fold encoding of the training rows: each row's rate comes from the other folds only, so the
 * model cannot learn from a row's own label leaking through its key's rate.
 */
export function encodeOutOfFold(
  keys: readonly string[],
  label: Float64Array,
  prior: number,
  smoothing: number,
  folds: number,
  seed: number,
): EncodedKey {
  const n = keys.length;
  const order = permutation(n, rng(seed));
  const fold = new Uint8Array(n);
  for (let t = 0; t < n; t++) fold[order[t]!] = t % folds;
  const full = fitKeyStats(keys, label);
  // One key for every row carries no information; its out-of-fold rates would differ only by which fold
  // a row fell in, a pattern trees could learn and scoring (one rate for all) would never show.
  if (Object.keys(full.stats).length <= 1) return encodeKeys(full, keys, prior, smoothing);
  const rate = new Float64Array(n);
  const logCount = new Float64Array(n);
  for (let k = 0; k < folds; k++) {
    const inFold: number[] = [];
    for (let i = 0; i < n; i++) if (fold[i] === k) inFold.push(i);
    const held = fitKeyStats(keys, label, Uint32Array.from(inFold));
    for (const i of inFold) {
      const all = full.stats[keys[i]!]!;
      const own = held.stats[keys[i]!]!;
      const pos = all[0] - own[0];
      const cnt = all[1] - own[1];
      rate[i] = (pos + prior * smoothing) / (cnt + smoothing);
      logCount[i] = Math.log1p(all[1]);
    }
  }
  return { rate, logCount };
}
