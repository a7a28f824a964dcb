import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { isHttps } from '../auth/request-info.ts';
import type { SecurityConfig } from '../config.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;
export const CSRF_HEADER = 'x-csrf-token';

const refused = (message: string) => new ApiError(403, 'csrf', message);

/** This server's origin as the browser sees it (a trusted proxy may terminate https). */
function ownOrigin(c: Context, security: SecurityConfig): string {
  const host = (security.trustProxy && c.req.header('x-forwarded-host')) || new URL(c.req.url).host;
  return `${isHttps(c, security) ? 'https' : 'http'}://${host}`;
}

/**
 * Refuses browser writes that come from another origin. Hono's `csrf()` checks `Origin`/`Sec-Fetch-Site` for
 * the form-like content types an HTML form can send without a preflight; on top of it, any write whose
 * `Origin` names a foreign origin is refused whatever its content type (login CSRF from a sibling
 * subdomain, which SameSite=Lax would let through as "same-site").
 *
 * @example app.use('/api/*', sameOriginWrites(config.security))
 */
export function sameOriginWrites(security: SecurityConfig): MiddlewareHandler {
  const allowed = (origin: string, c: Context) =>
    origin === ownOrigin(c, security) || security.allowedOrigins.includes(origin);
  const formCheck = csrf({ origin: allowed });
  return async function sameOriginWrites(c, next) {
    if (!UNSAFE.test(c.req.method)) return next();
    const origin = c.req.header('origin');
    // `Origin: null` (sandboxed frames, file: pages) is foreign too.
    if (origin && !allowed(origin, c)) throw refused(`cross-site request from ${origin} refused`);
    try {
      await formCheck(c, next);
    } catch (e) {
      if (e instanceof HTTPException && e.status === 403) throw refused('cross-site form submission refused');
      throw e;
    }
  };
}

/**
 * Cookie-authenticated writes must echo the session's CSRF token (from login or `GET /api/auth/session`) in
 * `X-CSRF-Token`. A cross-site page can make the browser attach our cookie but can neither read the token
 * nor set a custom header without a CORS preflight, which this server never grants.
 *
 * @example app.use('/api/*', sessionLoader(deps), csrfToken())
 */
export function csrfToken(): MiddlewareHandler<AppEnv> {
  return async function csrfToken(c, next) {
    const session = c.get('session');
    if (session && UNSAFE.test(c.req.method)) {
      const sent = Buffer.from(c.req.header(CSRF_HEADER) ?? '');
      const expected = Buffer.from(session.csrfToken);
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
        throw refused(`missing or wrong ${CSRF_HEADER} header`);
      }
    }
    await next();
  };
}
