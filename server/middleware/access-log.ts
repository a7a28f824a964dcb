/**
 * Request id and access log. Every request gets an id (the caller's `X-Request-Id` when it is a plain token,
 * else a new one), echoed in the `X-Request-Id` answer header, and a child logger carrying it (`c.var.log`),
 * so the lines a request causes can be found together. When the answer is sent, one access line:
 * method, path (never the query string: it may carry tokens), status, milliseconds, bytes, user id.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Logger } from '../log/logger.ts';

const CALLER_ID = /^[\w.:-]{1,128}$/;

export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const reqId = given && CALLER_ID.test(given) ? given : randomUUID();
    c.set('requestId', reqId);
    c.set('log', logger.child({ reqId }));
    try {
      await next();
    } finally {
      c.header('X-Request-Id', reqId);
      const length = c.res.headers.get('content-length');
      const userId = c.get('user')?.id;
      const status = c.res.status;
      const line = {
        reqId,
        ...(userId ? { userId } : {}),
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round(performance.now() - started),
        ...(length ? { bytes: Number(length) } : {}),
      };
      if (status >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    }
  };
}
