import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { SecurityConfig } from '../config.ts';

/** The client's address: the socket's peer, or the first `X-Forwarded-For` hop when a proxy is trusted. */
export function clientIp(c: Context, security: SecurityConfig): string {
  if (security.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // `app.request()` in tests has no socket.
    return 'unknown';
  }
}

/** Whether the browser reached us over https (directly, or through a trusted proxy). */
export function isHttps(c: Context, security: SecurityConfig): boolean {
  if (security.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}
