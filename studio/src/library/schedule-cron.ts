/**
 * The schedule editor's friendly timings and the cron expressions they stand for. A cron the form
 * cannot express (ranges, steps, several times) stays "raw".
 */
export type Frequency = 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'raw';

export interface Timing {
  frequency: Frequency;
  /** `HH:MM`, 24 h. */
  time: string;
  /** 0 = Sunday … 6 = Saturday (weekly). */
  weekday: number;
  /** 1–28 (monthly; later days do not exist in every month). */
  day: number;
  /** The expression itself (raw). */
  cron: string;
}

export const DEFAULT_TIMING: Timing = { frequency: 'weekly', time: '09:00', weekday: 1, day: 1, cron: '0 9 * * 1' };

export function toCron(t: Timing): string {
  if (t.frequency === 'raw') return t.cron.trim();
  const [h, m] = t.time.split(':').map((x) => Number.parseInt(x, 10));
  const at = `${m ?? 0} ${h ?? 0}`;
  if (t.frequency === 'daily') return `${at} * * *`;
  if (t.frequency === 'weekdays') return `${at} * * 1-5`;
  if (t.frequency === 'weekly') return `${at} * * ${t.weekday}`;
  return `${at} ${t.day} * *`;
}

const num = (s: string, max: number) => (/^\d+$/.test(s) && Number(s) <= max ? Number(s) : undefined);
const pad = (n: number) => String(n).padStart(2, '0');

/** The friendly form of a cron expression when there is one; otherwise raw. */
export function fromCron(cron: string): Timing {
  const raw: Timing = { ...DEFAULT_TIMING, frequency: 'raw', cron };
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return raw;
  const [mi, ho, dom, mon, dow] = parts as [string, string, string, string, string];
  const m = num(mi, 59);
  const h = num(ho, 23);
  if (m === undefined || h === undefined || mon !== '*') return raw;
  const base = { ...DEFAULT_TIMING, time: `${pad(h)}:${pad(m)}`, cron };
  if (dom === '*' && dow === '*') return { ...base, frequency: 'daily' };
  if (dom === '*' && dow === '1-5') return { ...base, frequency: 'weekdays' };
  const wd = num(dow, 7);
  if (dom === '*' && wd !== undefined) return { ...base, frequency: 'weekly', weekday: wd % 7 };
  const d = num(dom, 28);
  if (dow === '*' && d !== undefined && d >= 1) return { ...base, frequency: 'monthly', day: d };
  return raw;
}

/** A fire time in words, in the schedule's zone, 24-hour clock: "2026년 11월 30일 월요일 09:00". */
export function inWords(iso: string, timeZone: string, lang: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
