/**
 * The account that owns what ships with the studio (sample datasets, shipped templates). It can never sign in:
 * its password hash is not a valid argon2 string (verifies as false), and it is disabled; both are set again on
 * every start, so an admin who re-enables it or resets its password does not open it for long.
 */
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { toSessionUser } from '../users/queries.ts';
import { SYSTEM_USERNAME } from './system-username.ts';

export { SYSTEM_USERNAME };

/** Not a PHC string: `verifyPassword` answers false for every password. */
const NO_PASSWORD = '!';
const DISPLAY_NAME = '관세청 예제 (시스템) · Shipped examples';

export async function ensureSystemAccount(db: Db, now: Date): Promise<SessionUser> {
  await db
    .insert(users)
    .values({
      username: SYSTEM_USERNAME,
      displayName: DISPLAY_NAME,
      passwordHash: NO_PASSWORD,
      role: 'officer',
      department: null,
      mustChangePassword: false,
      disabledAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: users.username });
  const [row] = await db.select().from(users).where(eq(users.username, SYSTEM_USERNAME));
  if (!row) throw new Error('the system account could not be created');
  if (row.passwordHash !== NO_PASSWORD || row.disabledAt === null || row.role !== 'officer') {
    const [locked] = await db
      .update(users)
      .set({ passwordHash: NO_PASSWORD, disabledAt: row.disabledAt ?? now, role: 'officer', updatedAt: now })
      .where(eq(users.id, row.id))
      .returning();
    return toSessionUser(locked!);
  }
  return toSessionUser(row);
}
