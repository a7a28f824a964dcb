import { describe, expect, it } from 'vitest';
import { parseHash } from './route.ts';
import { DEFAULT_TIMING, fromCron, inWords, toCron } from './schedule-cron.ts';

describe('schedule timings', () => {
  it('turns each friendly timing into cron', () => {
    const at = { ...DEFAULT_TIMING, time: '08:30' };
    expect(toCron({ ...at, frequency: 'daily' })).toBe('30 8 * * *');
    expect(toCron({ ...at, frequency: 'weekdays' })).toBe('30 8 * * 1-5');
    expect(toCron({ ...at, frequency: 'weekly', weekday: 5 })).toBe('30 8 * * 5');
    expect(toCron({ ...at, frequency: 'monthly', day: 15 })).toBe('30 8 15 * *');
    expect(toCron({ ...at, frequency: 'raw', cron: ' */15 9-18 * * 1-5 ' })).toBe('*/15 9-18 * * 1-5');
  });

  it('reads cron back into the friendly form, or keeps it raw', () => {
    expect(fromCron('30 8 * * 1-5')).toMatchObject({ frequency: 'weekdays', time: '08:30' });
    expect(fromCron('0 9 * * 7')).toMatchObject({ frequency: 'weekly', weekday: 0, time: '09:00' });
    expect(fromCron('5 23 28 * *')).toMatchObject({ frequency: 'monthly', day: 28, time: '23:05' });
    expect(fromCron('0 9 31 * *').frequency).toBe('raw'); // the 31st is not in every month
    expect(fromCron('*/15 9-18 * * 1-5')).toMatchObject({ frequency: 'raw', cron: '*/15 9-18 * * 1-5' });
  });

  it('words a fire time in the schedule zone, in Korean and English', () => {
    // 2026-11-30T00:00Z is Monday 09:00 in Seoul (UTC+9)
    expect(inWords('2026-11-30T00:00:00Z', 'Asia/Seoul', 'ko')).toBe('2026년 11월 30일 월요일 09:00');
    expect(inWords('2026-11-30T00:00:00Z', 'Asia/Seoul', 'en')).toBe('Monday, 30 November 2026 at 09:00');
  });
});

describe('run history routes', () => {
  it('maps the schedules page and the per-pipeline and per-schedule histories', () => {
    expect(parseHash('#/schedules')).toEqual({ page: 'schedules' });
    expect(parseHash('#/runs/p1')).toEqual({ page: 'runs', pipelineId: 'p1' });
    expect(parseHash('#/runs/p1/s2')).toEqual({ page: 'runs', pipelineId: 'p1', scheduleId: 's2' });
    expect(parseHash('#/runs')).toEqual({ page: 'editor' });
  });
});
