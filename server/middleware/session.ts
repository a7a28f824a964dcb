import type { MiddlewareHandler } from 'hono';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../auth/cookie.ts';
import { findSession, renewSession } from '../auth/sessions.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { toSessionUser } from '../users/queries.ts';

/**
 * Resolves the session cookie to `c.var.user` / `c.var.session` (both left unset when there is no live
 * session), renews the session when it is past half of its idle lifetime, and clears a dead cookie.
 *
 * @example app.use('/api/*', sessionLoader(deps))
 */
export function sessionLoader(deps: Pick<AppDeps, 'db' | 'config' | 'now'>): MiddlewareHandler<AppEnv> {
  const { db, config } = deps;
  return async function sessionLoader(c, next) {
    const token = readSessionCookie(c);
    if (token) {
      const now = deps.now();
      const found = await findSession(db, token, now);
      if (found) {
        const renewed = await renewSession(db, found.session, now, config.session);
        if (renewed) {
          found.session.expiresAt = renewed;
          writeSessionCookie(c, token, renewed, now, config.security);
        }
        c.set('user', toSessionUser(found.user));
        c.set('session', found.session);
      } else {
        clearSessionCookie(c, config.security);
      }
    }
    await next();
  };
}
