import type { MiddlewareHandler } from 'hono';
import type { ActiveSession, AppEnv, SessionUser } from '../context.ts';
import type { Role } from '../db/schema.ts';
import { ApiError } from '../errors.ts';

export interface RequireUserOptions {
  /** Only these roles pass (default: any signed-in user). */
  roles?: readonly Role[];
  /** Let through a user who still has to replace a one-time password (the password and session routes). */
  allowPasswordChange?: boolean;
}

/**
 * 401 without a session, 403 for a role outside `roles` or while a one-time password is still in use.
 *
 * @example users.use('*', requireUser({ roles: ['admin'] }))
 */
export function requireUser(options: RequireUserOptions = {}): MiddlewareHandler<AppEnv> {
  return async function requireUser(c, next) {
    const user = c.get('user');
    if (!user) throw new ApiError(401, 'unauthenticated', 'sign in first');
    if (user.mustChangePassword && !options.allowPasswordChange) {
      throw new ApiError(403, 'password_change_required', 'choose a new password first (POST /api/auth/password)');
    }
    if (options.roles && !options.roles.includes(user.role)) {
      throw new ApiError(403, 'forbidden', `this needs the role ${options.roles.join(' or ')}`);
    }
    await next();
  };
}

/** The user and session of a request that passed `requireUser` (throws 401 if called without it). */
export function authed(c: { var: { user?: SessionUser; session?: ActiveSession } }) {
  const { user, session } = c.var;
  if (!user || !session) throw new ApiError(401, 'unauthenticated', 'sign in first');
  return { user, session };
}
