/**
 * Monthly series arithmetic for issue/trend detection: burst z-scores against a rolling baseline, lagged
 * correlation with an internal series, and short forecasts with an interval. Pure functions on number arrays
 * (one value per month, months contiguous).
 */

/**
 * Burst score of month i against the `window` months before it: (x − mean) / max(std, √(mean + 1)). A count's
 * spread is about √mean (Poisson); the + 1, one mention's worth of prior, keeps a term never seen before from
 * scoring infinity on its first mentions and a rare term (about once a month) from alerting on 4. NaN when fewer
 * than `minHistory` months precede i.
 */
export function rollingZ(xs: readonly number[], window: number, minHistory = 2): number[] {
  return xs.map((x, i) => {
    const from = Math.max(0, i - window);
    const past = xs.slice(from, i);
    if (past.length < minHistory) return Number.NaN;
    const mean = past.reduce((s, v) => s + v, 0) / past.length;
    const sd = Math.sqrt(past.reduce((s, v) => s + (v - mean) ** 2, 0) / past.length);
    return (x - mean) / Math.max(sd, Math.sqrt(mean + 1));
  });
}

/** Pearson correlation of paired values; NaN when either side is constant or fewer than 4 pairs. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n < 4) return Number.NaN;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Number.NaN;
}

/**
 * corr(term[t], series[t + lag]): does the series follow the term `lag` months later? Both start at the same
 * month; the series may run on beyond the term (imports of the months after the last news).
 */
export function laggedCorrelation(term: readonly number[], series: readonly number[], lag: number): number {
  const n = Math.min(term.length, series.length - lag);
  if (n < 4) return Number.NaN;
  return pearson(term.slice(0, n), series.slice(lag, lag + n));
}

/** The lag in minLag…maxLag with the highest correlation. */
export function bestLag(term: readonly number[], series: readonly number[], maxLag: number, minLag = 0) {
  let best = { lag: minLag, r: Number.NaN };
  for (let lag = minLag; lag <= maxLag; lag++) {
    const r = laggedCorrelation(term, series, lag);
    if (Number.isFinite(r) && !(r <= best.r)) best = { lag, r };
  }
  return best;
}

export interface Forecast {
  /** Point forecasts for months 1…h after the last value. */
  mean: number[];
  low: number[];
  high: number[];
}

/** 95 % normal quantile. */
const Z95 = 1.959964;

/**
 * Simple exponential smoothing (ETS(A,N,N)) with α chosen by one-step squared error on a grid; the interval
 * widens with the horizon as √(1 + (h−1)α²) times the one-step error's spread (Hyndman & Athanasopoulos §8.7).
 */
export function etsForecast(xs: readonly number[], h: number): Forecast {
  if (xs.length === 0) return { mean: [], low: [], high: [] };
  let best = { alpha: 0.5, sse: Number.POSITIVE_INFINITY, level: xs[0]! };
  for (let alpha = 0.05; alpha < 1; alpha += 0.05) {
    let level = xs[0]!;
    let sse = 0;
    for (let i = 1; i < xs.length; i++) {
      sse += (xs[i]! - level) ** 2;
      level += alpha * (xs[i]! - level);
    }
    if (sse < best.sse) best = { alpha, sse, level };
  }
  const sigma = xs.length > 1 ? Math.sqrt(best.sse / (xs.length - 1)) : 0;
  const out: Forecast = { mean: [], low: [], high: [] };
  for (let k = 1; k <= h; k++) {
    const half = Z95 * sigma * Math.sqrt(1 + (k - 1) * best.alpha ** 2);
    out.mean.push(best.level);
    out.low.push(Math.max(0, best.level - half));
    out.high.push(best.level + half);
  }
  return out;
}

/**
 * Seasonal naive: the value of the same month a season earlier; interval from the spread of the seasonal
 * differences, widening with the number of seasons ahead. Falls back to ETS with less than two seasons.
 */
export function seasonalNaiveForecast(xs: readonly number[], h: number, season = 12): Forecast {
  if (xs.length < season + 2) return etsForecast(xs, h);
  const diffs = xs.slice(season).map((x, i) => x - xs[i]!);
  const sigma = Math.sqrt(diffs.reduce((s, d) => s + d * d, 0) / diffs.length);
  const out: Forecast = { mean: [], low: [], high: [] };
  for (let k = 1; k <= h; k++) {
    const v = xs[xs.length - season + ((k - 1) % season)]!;
    const half = Z95 * sigma * Math.sqrt(Math.floor((k - 1) / season) + 1);
    out.mean.push(v);
    out.low.push(Math.max(0, v - half));
    out.high.push(v + half);
  }
  return out;
}

/** `YYYY-MM` plus k months. */
export function addMonths(month: string, k: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + k;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last` inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last && out.length < 1200; m = addMonths(m, 1)) out.push(m);
  return out;
}
