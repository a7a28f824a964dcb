export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `f` `times` times after one warm-up, returning each run's milliseconds. */
export async function timeRuns(times: number, f: () => Promise<unknown>, warmup = true): Promise<number[]> {
  if (warmup) await f();
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return out;
}

export const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
