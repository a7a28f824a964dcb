import type { MiddlewareHandler } from 'hono';

/** The browser sandbox's worker bundle (`runtime/sandbox/browser-worker.ts`, hashed by Vite). */
const SANDBOX_WORKER = /^\/assets\/browser-worker-[\w-]+\.js$/;

/**
 * The `code.js` sandbox worker gets its own policy: it may compile code (the user's function, Arquero's
 * expressions) but may connect nowhere (`default-src 'none'` covers fetch, WebSocket, dynamic import of
 * other origins). `securityHeaders` keeps a response's own CSP, so mount this after it.
 */
export function sandboxWorkerCsp(): MiddlewareHandler {
  return async function sandboxWorkerCsp(c, next) {
    await next();
    if (SANDBOX_WORKER.test(c.req.path)) {
      c.res.headers.set('content-security-policy', "default-src 'none'; script-src 'self' 'unsafe-eval'");
    }
  };
}
