/**
 * Login throttling in the database (so several server instances share it): failures are counted per key
 * in a fixed window; a key at its limit is refused until the window ends.
 */
import { inArray, lt, sql } from 'drizzle-orm';
import type { ThrottleConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { loginThrottle } from '../db/schema.ts';

export interface ThrottleKey {
  key: string;
  limit: number;
}

export function loginKeys(username: string, ip: string, config: ThrottleConfig): ThrottleKey[] {
  return [
    { key: `user:${username.toLowerCase()}`, limit: config.perUser },
    { key: `ip:${ip}`, limit: config.perIp },
  ];
}

/** Seconds until the most constrained key may try again, or 0 when every key is under its limit. */
export async function retryAfter(db: Db, keys: ThrottleKey[], now: Date, windowMs: number): Promise<number> {
  const rows = await db
    .select()
    .from(loginThrottle)
    .where(
      inArray(
        loginThrottle.key,
        keys.map((k) => k.key),
      ),
    );
  let wait = 0;
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)?.limit ?? Number.POSITIVE_INFINITY;
    const endsIn = row.windowStart.getTime() + windowMs - now.getTime();
    if (row.failures >= limit && endsIn > 0) wait = Math.max(wait, Math.ceil(endsIn / 1000));
  }
  return wait;
}

/**
 * Counts one failure for every key (atomically per key: concurrent failures are all counted). The check in
 * `retryAfter` comes before the password is verified, so a burst of parallel attempts can overshoot the
 * limit by the burst's size once; every later attempt is refused.
 */
export async function recordFailure(db: Db, keys: ThrottleKey[], now: Date, windowMs: number): Promise<void> {
  const windowFloor = new Date(now.getTime() - windowMs);
  for (const { key } of keys) {
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStart: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStart} <= ${windowFloor} then 1 else ${loginThrottle.failures} + 1 end`,
          windowStart: sql`case when ${loginThrottle.windowStart} <= ${windowFloor} then ${now} else ${loginThrottle.windowStart} end`,
        },
      });
  }
}

/** Forgets windows that ended (run at start; a key's row is also reset by its next failure). */
export async function deleteEndedWindows(db: Db, now: Date, windowMs: number): Promise<void> {
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStart, new Date(now.getTime() - windowMs)));
}

/** After a successful login the user name starts afresh; the address keeps its count. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [key]));
}
