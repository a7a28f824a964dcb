import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SecurityConfig } from '../config.ts';
import { isHttps } from './request-info.ts';

export const SESSION_COOKIE = 'cas_session';

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** HTTP-only (no script can read it), SameSite=Lax (not sent on cross-site writes), Secure over https. */
export function writeSessionCookie(c: Context, token: string, expiresAt: Date, now: Date, security: SecurityConfig) {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: security.secureCookies === 'auto' ? isHttps(c, security) : security.secureCookies,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context, security: SecurityConfig) {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: security.secureCookies === 'auto' ? isHttps(c, security) : security.secureCookies,
  });
}
