/** Median of a non-empty list. */
export function median(xs: number[]): number {
  return percentile(xs, 0.5);
}

/** Nearest-rank percentile (`p` in 0…1). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? Number.NaN;
}
