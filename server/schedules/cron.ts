/** Cron expressions with a time zone (croner: no dependencies, IANA zones built on `Intl`, DST-aware). */
import { Cron } from 'croner';

export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

export class CronError extends Error {}

function parse(expression: string, timeZone: string): Cron {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new CronError(`unknown time zone "${timeZone}"`);
  }
  try {
    return new Cron(expression, { timezone: timeZone, paused: true });
  } catch (e) {
    throw new CronError(`invalid cron expression "${expression}": ${(e as Error).message}`);
  }
}

/** Throws `CronError` when the expression or the zone is not valid. */
export function checkCron(expression: string, timeZone: string): void {
  parse(expression, timeZone);
}

/** The first fire time strictly after `after`, or null when the expression never fires again. */
export function nextRun(expression: string, timeZone: string, after: Date): Date | null {
  return parse(expression, timeZone).nextRun(after);
}

/** The next `count` fire times after `after`. */
export function nextRuns(expression: string, timeZone: string, after: Date, count = 5): Date[] {
  return parse(expression, timeZone).nextRuns(count, after);
}
