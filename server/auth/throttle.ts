/**
 * Sign-in throttling in the database (so several server instances share it), counted in fixed windows.
 *
 * - Per user name: a try is *reserved* before the password is checked, in one statement that increments the
 *   count only while it is under the limit (`reserveTry`). Parallel sign-ins therefore cannot overshoot:
 *   of 16 at once for one name with 5 allowed, 5 reach the password check and 11 are refused. A successful
 *   sign-in clears the name's count; a failed one leaves its reserved try counted. At the limit the name is
 *   locked until the window ends (429 with Retry-After).
 * - Per client address: never a lock (an office behind one NAT address would be locked out by one person);
 *   past `perIp` failures in the window every try from the address is slowed down, longer with each further
 *   failure (`addressDelayMs`), which makes guessing across many names from one address slow.
 */
import { eq, lt, sql } from 'drizzle-orm';
import type { ThrottleConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { loginThrottle } from '../db/schema.ts';

/** Added delay per failure past the address threshold, and its ceiling. */
export const ADDRESS_DELAY_STEP_MS = 250;
export const ADDRESS_DELAY_MAX_MS = 5_000;

export const userKey = (username: string) => `user:${username.toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

const windowFloor = (now: Date, windowMs: number) => new Date(now.getTime() - windowMs);

/**
 * Takes one try for `key` if fewer than `limit` were taken in the current window (a window that ended starts
 * afresh). Atomic: the row lock of the upsert orders concurrent calls. Returns false when the limit is reached.
 */
export async function reserveTry(db: Db, key: string, limit: number, now: Date, windowMs: number): Promise<boolean> {
  const floor = windowFloor(now, windowMs);
  const ended = sql`${loginThrottle.windowStart} <= ${floor}`;
  const rows = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${ended} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${ended} then ${now} else ${loginThrottle.windowStart} end`,
      },
      setWhere: sql`${ended} or ${loginThrottle.failures} < ${limit}`,
    })
    .returning({ failures: loginThrottle.failures });
  return rows.length > 0;
}

/** Seconds until `key`'s window ends (at least 1). */
export async function secondsLeft(db: Db, key: string, now: Date, windowMs: number): Promise<number> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  const endsIn = row ? row.windowStart.getTime() + windowMs - now.getTime() : 0;
  return Math.max(1, Math.ceil(endsIn / 1000));
}

/** Counts one failure for `key` (atomic per key: concurrent failures are all counted). */
export async function recordFailure(db: Db, key: string, now: Date, windowMs: number): Promise<void> {
  const ended = sql`${loginThrottle.windowStart} <= ${windowFloor(now, windowMs)}`;
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${ended} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${ended} then ${now} else ${loginThrottle.windowStart} end`,
      },
    });
}

/** How long a try from this address waits: 0 up to `perIp` failures in the window, then growing per failure. */
export async function addressDelayMs(
  db: Db,
  ip: string,
  config: Pick<ThrottleConfig, 'perIp' | 'windowMs'>,
  now: Date,
): Promise<number> {
  const [row] = await db
    .select()
    .from(loginThrottle)
    .where(eq(loginThrottle.key, addressKey(ip)));
  if (!row || row.windowStart <= windowFloor(now, config.windowMs)) return 0;
  const over = row.failures - config.perIp;
  return over < 0 ? 0 : Math.min(ADDRESS_DELAY_MAX_MS, (over + 1) * ADDRESS_DELAY_STEP_MS);
}

/** Forgets windows that ended (run at start; a key's row is also reset by its next use). */
export async function deleteEndedWindows(db: Db, now: Date, windowMs: number): Promise<void> {
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStart, windowFloor(now, windowMs)));
}

/** After a successful sign-in the user name starts afresh; the address keeps its count. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
