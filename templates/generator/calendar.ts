/** The world's calendar: day 0 = 2023-01-01, last day = 2024-12-31 (731 days). All dates are UTC. */

export const DAYS = 731;
const START_MS = Date.UTC(2023, 0, 1);
const DAY_MS = 86_400_000;

const isoCache: string[] = [];

/** 'YYYY-MM-DD' of a day index (may lie outside 0..DAYS-1, e.g. for remittances or founding dates). */
export function isoDate(day: number): string {
  const cached = day >= -400 && day < DAYS + 400 ? isoCache[day + 400] : undefined;
  if (cached !== undefined) return cached;
  const s = new Date(START_MS + day * DAY_MS).toISOString().slice(0, 10);
  if (day >= -400 && day < DAYS + 400) isoCache[day + 400] = s;
  return s;
}

/** 'YYYY-MM-DD HH:MM' of a fractional day index. */
export function isoDateTime(dayFraction: number): string {
  const ms = START_MS + Math.round(dayFraction * 1440) * 60_000;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** 0 = Sunday … 6 = Saturday (2023-01-01 was a Sunday). */
export function weekday(day: number): number {
  return (((day % 7) + 7) % 7) as number;
}

/** Month index since 2023-01 (0..23), from the cached ISO string. */
export function monthIndex(day: number): number {
  const s = isoDate(day);
  return (Number(s.slice(0, 4)) - 2023) * 12 + Number(s.slice(5, 7)) - 1;
}

/** Day index of the first day of a month index (0 = 2023-01). */
export function monthStart(month: number): number {
  return Math.round((Date.UTC(2023, month, 1) - START_MS) / DAY_MS);
}

/** Day index of a calendar date. */
export function dayOf(year: number, month: number, date: number): number {
  return Math.round((Date.UTC(year, month - 1, date) - START_MS) / DAY_MS);
}
