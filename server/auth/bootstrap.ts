import { ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { SYSTEM_USERNAME } from '../seed/system-username.ts';
import { insertUser } from '../users/queries.ts';
import { generatePassword, hashPassword } from './password.ts';

/**
 * On an empty database, creates the `admin` account with a random one-time password, returned so that
 * `main.ts` can print it once; the account must choose a new password before doing anything else.
 * There is never a fixed default password. Returns undefined when any user exists (or another instance
 * created the admin first); the system account that owns the shipped examples does not count.
 */
export async function ensureAdmin(db: Db): Promise<{ username: string; password: string } | undefined> {
  const [people] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(ne(users.username, SYSTEM_USERNAME));
  if ((people?.n ?? 0) > 0) return undefined;
  const password = generatePassword();
  const created = await insertUser(db, {
    username: 'admin',
    displayName: '관리자',
    passwordHash: await hashPassword(password),
    role: 'admin',
    department: null,
    mustChangePassword: true,
  });
  return created ? { username: created.username, password } : undefined;
}
