import { asc, eq, ne, sql } from 'drizzle-orm';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type Role, type UserRow, users } from '../db/schema.ts';
import { SYSTEM_USERNAME } from '../seed/system-username.ts';

/** A user as the API shows it (never the hash). */
export interface PublicUser extends SessionUser {
  disabled: boolean;
  createdAt: string;
}

export function toSessionUser(u: UserRow): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    department: u.department,
    mustChangePassword: u.mustChangePassword,
  };
}

export function toPublicUser(u: UserRow): PublicUser {
  return { ...toSessionUser(u), disabled: u.disabledAt !== null, createdAt: u.createdAt.toISOString() };
}

export async function findUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username.toLowerCase()));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Everyone who can have an account; the system account that owns the shipped examples is not one of them. */
export function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).where(ne(users.username, SYSTEM_USERNAME)).orderBy(asc(users.username));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  department: string | null;
  mustChangePassword: boolean;
}

/** Inserts the user, or returns undefined when the name is taken. */
export async function insertUser(db: Db, user: NewUser): Promise<UserRow | undefined> {
  const [row] = await db
    .insert(users)
    .values({ ...user, username: user.username.toLowerCase() })
    .onConflictDoNothing({ target: users.username })
    .returning();
  return row;
}

export type UserChanges = Partial<
  Pick<UserRow, 'displayName' | 'role' | 'department' | 'passwordHash' | 'mustChangePassword' | 'disabledAt'>
>;

export async function updateUser(db: Db, id: string, changes: UserChanges, now: Date): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...changes, updatedAt: now })
    .where(eq(users.id, id))
    .returning();
  return row;
}
