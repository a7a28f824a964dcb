/**
 * Server-side sessions. The cookie carries a random 256-bit id; the database keeps only its SHA-256, so a
 * leaked table (backup, log) cannot be replayed as cookies. Each session has its own CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, ne } from 'drizzle-orm';
import type { SessionConfig } from '../config.ts';
import type { ActiveSession } from '../context.ts';
import type { Db } from '../db/client.ts';
import { sessions, type UserRow, users } from '../db/schema.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const randomToken = () => randomBytes(32).toString('base64url');

export interface NewSession extends ActiveSession {
  /** The cookie value: shown once, stored only as its hash. */
  token: string;
}

export async function createSession(
  db: Db,
  userId: string,
  now: Date,
  config: SessionConfig,
  client: { ip?: string; userAgent?: string } = {},
): Promise<NewSession> {
  const token = randomToken();
  const absoluteExpiresAt = new Date(now.getTime() + config.absoluteMs);
  const expiresAt = new Date(Math.min(now.getTime() + config.idleMs, absoluteExpiresAt.getTime()));
  const row = {
    idHash: hashToken(token),
    userId,
    csrfToken: randomToken(),
    createdAt: now,
    expiresAt,
    absoluteExpiresAt,
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  };
  await db.insert(sessions).values(row);
  return { token, idHash: row.idHash, csrfToken: row.csrfToken, expiresAt };
}

export interface FoundSession {
  session: ActiveSession & { absoluteExpiresAt: Date };
  user: UserRow;
}

/** The live session for a cookie value, with its (enabled) user; expired sessions are deleted on sight. */
export async function findSession(db: Db, token: string, now: Date): Promise<FoundSession | undefined> {
  const idHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), isNull(users.disabledAt)));
  if (!row) return undefined;
  if (row.session.expiresAt <= now) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return undefined;
  }
  const { csrfToken, expiresAt, absoluteExpiresAt } = row.session;
  return { session: { idHash, csrfToken, expiresAt, absoluteExpiresAt }, user: row.user };
}

/**
 * Sliding renewal: once less than half of the idle lifetime is left, push the expiry to a full idle lifetime
 * (capped by the absolute one). Returns the new expiry, or undefined when nothing changed — so an active
 * user costs one write per half-lifetime, not one per request.
 */
export async function renewSession(
  db: Db,
  session: FoundSession['session'],
  now: Date,
  config: SessionConfig,
): Promise<Date | undefined> {
  if (session.expiresAt.getTime() - now.getTime() > config.idleMs / 2) return undefined;
  const next = new Date(Math.min(now.getTime() + config.idleMs, session.absoluteExpiresAt.getTime()));
  if (next <= session.expiresAt) return undefined;
  await db.update(sessions).set({ expiresAt: next }).where(eq(sessions.idHash, session.idHash));
  return next;
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Signs a user out everywhere, except (optionally) the session making the request. */
export async function deleteUserSessions(db: Db, userId: string, keepIdHash?: string): Promise<void> {
  const mine = eq(sessions.userId, userId);
  await db.delete(sessions).where(keepIdHash ? and(mine, ne(sessions.idHash, keepIdHash)) : mine);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
