import type { Db } from '../db/client.ts';
import { countUsers, insertUser } from '../users/queries.ts';
import { generatePassword, hashPassword } from './password.ts';

/**
 * On an empty database, creates the `admin` account with a random one-time password, returned so that
 * `main.ts` can print it once; the account must choose a new password before doing anything else.
 * There is never a fixed default password. Returns undefined when any user exists (or another instance
 * created the admin first).
 */
export async function ensureAdmin(db: Db): Promise<{ username: string; password: string } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const password = generatePassword();
  const created = await insertUser(db, {
    username: 'admin',
    displayName: 'Administrator',
    passwordHash: await hashPassword(password),
    role: 'admin',
    department: null,
    mustChangePassword: true,
  });
  return created ? { username: created.username, password } : undefined;
}
