import { createRoute, z } from '@hono/zod-openapi';
import { clearSessionCookie, writeSessionCookie } from '../auth/cookie.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../auth/password.ts';
import { clientIp } from '../auth/request-info.ts';
import { createSession, deleteSession, deleteUserSessions } from '../auth/sessions.ts';
import {
  addressDelayMs,
  addressKey,
  clearFailures,
  recordFailure,
  reserveTry,
  secondsLeft,
  userKey,
} from '../auth/throttle.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError, errorResponses } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { say } from '../security/say.ts';
import { findUserById, findUserByName, toSessionUser, updateUser } from '../users/queries.ts';
import { newPasswordSchema, publicUserSchema } from '../users/schemas.ts';
import { router } from './router.ts';

const sessionSchema = z
  .object({
    user: publicUserSchema,
    csrfToken: z.string().openapi({ description: 'Send back as `X-CSRF-Token` on every write' }),
    expiresAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Session');

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** These routes stay open while a one-time password waits to be replaced. */
const signedIn = requireUser({ allowPasswordChange: true });

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in; sets the HTTP-only session cookie',
  request: {
    body: json(z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(1024) })),
  },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: sessionSchema } } },
    ...errorResponses(400, 401, 403, 415, 429),
  },
});

const session = createRoute({
  method: 'get',
  path: '/session',
  tags: ['auth'],
  summary: 'The signed-in user and the CSRF token',
  middleware: [signedIn] as const,
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: sessionSchema } } },
    ...errorResponses(401),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Sign out: deletes the session',
  middleware: [signedIn] as const,
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
});

const changePassword = createRoute({
  method: 'post',
  path: '/password',
  tags: ['auth'],
  summary: 'Change my password (required after a one-time password); signs out other sessions',
  middleware: [signedIn] as const,
  request: { body: json(z.object({ currentPassword: z.string().min(1).max(1024), newPassword: newPasswordSchema })) },
  responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 403, 415, 422) },
});

export function authRoutes(deps: AppDeps) {
  const { db, config } = deps;
  return router<AppEnv>()
    .openapi(login, async (c) => {
      const { username, password } = c.req.valid('json');
      const now = deps.now();
      const ip = clientIp(c, config.security);
      const { windowMs, perUser } = config.throttle;
      // The address is only ever slowed down, never locked (see auth/throttle.ts).
      const delay = await addressDelayMs(db, ip, config.throttle, now);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const nameKey = userKey(username);
      if (!(await reserveTry(db, nameKey, perUser, now, windowMs))) {
        await recordFailure(db, addressKey(ip), now, windowMs);
        const wait = await secondsLeft(db, nameKey, now, windowMs);
        const en = `too many failed sign-ins for this user name; try again in ${wait} s`;
        throw new ApiError(429, 'rate_limited', en, {
          retryAfter: wait,
          retryAfterS: wait,
          ...say(
            `이 아이디로 로그인에 여러 번 실패해 잠시 잠겼습니다. ${Math.ceil(wait / 60)}분 뒤에 다시 시도하세요`,
            en,
          ),
        });
      }
      const user = await findUserByName(db, username);
      // Verify against a dummy hash for unknown users so that timing does not tell which names exist.
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
      if (!user || !ok || user.disabledAt) {
        // The user name's reserved try stays counted as the failure.
        await recordFailure(db, addressKey(ip), now, windowMs);
        throw new ApiError(401, 'invalid_credentials', 'wrong user name or password');
      }
      await clearFailures(db, nameKey);
      if (needsRehash(user.passwordHash)) {
        await updateUser(db, user.id, { passwordHash: await hashPassword(password) }, now);
      }
      const userAgent = c.req.header('user-agent');
      const created = await createSession(db, user.id, now, config.session, { ip, userAgent });
      writeSessionCookie(c, created.token, created.expiresAt, now, config.security);
      const { csrfToken, expiresAt } = created;
      return c.json({ user: toSessionUser(user), csrfToken, expiresAt: expiresAt.toISOString() }, 200);
    })
    .openapi(session, (c) => {
      const { user, session } = authed(c);
      return c.json({ user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() }, 200);
    })
    .openapi(logout, async (c) => {
      await deleteSession(db, authed(c).session.idHash);
      clearSessionCookie(c, config.security);
      return c.body(null, 204);
    })
    .openapi(changePassword, async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const { user, session } = authed(c);
      const row = await findUserById(db, user.id);
      if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
        throw new ApiError(403, 'wrong_password', 'the current password is wrong');
      }
      if (newPassword === currentPassword) {
        throw new ApiError(422, 'password_unchanged', 'the new password must differ from the current one');
      }
      const passwordHash = await hashPassword(newPassword);
      await updateUser(db, row.id, { passwordHash, mustChangePassword: false }, deps.now());
      await deleteUserSessions(db, row.id, session.idHash);
      return c.body(null, 204);
    });
}
