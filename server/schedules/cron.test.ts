import { describe, expect, it } from 'vitest';
import { CronError, checkCron, nextRun, nextRuns } from './cron.ts';

describe('cron', () => {
  it('computes run times in the schedule time zone', () => {
    const after = new Date('2026-11-24T09:00:00Z');
    expect(nextRun('0 9 * * *', 'Asia/Seoul', after)?.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(nextRun('0 9 * * *', 'UTC', after)?.toISOString()).toBe('2026-11-25T09:00:00.000Z');
    // weekdays at 08:30 KST, from Friday evening: Monday then Tuesday
    const weekdays = nextRuns('30 8 * * 1-5', 'Asia/Seoul', new Date('2026-11-27T12:00:00Z'), 2);
    expect(weekdays.map((d) => d.toISOString())).toEqual(['2026-11-29T23:30:00.000Z', '2026-11-30T23:30:00.000Z']);
  });

  it('refuses bad expressions and unknown zones', () => {
    expect(() => checkCron('61 * * * *', 'Asia/Seoul')).toThrow(CronError);
    expect(() => checkCron('0 9 * * *', 'Asia/Nowhere')).toThrow(/unknown time zone/);
  });
});
