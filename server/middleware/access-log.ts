/**
 * Request id and access log. Every request gets an id (the caller's `X-Request-Id` when it is a plain token,
 * else a new one), echoed in the `X-Request-Id` answer header, and a child logger carrying it (`c.var.log`),
 * so the lines a request causes can be found together. When the answer is sent, one access line:
 * method, path (never the query string: it may carry tokens), status, milliseconds, bytes, user id.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Logger } from '../log/logger.ts';

const CALLER_ID = /^[\w.:-]{1,128}$/;

export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    const socket = outgoing?.socket ?? undefined;
    const socketBytesBefore = socket?.bytesWritten ?? 0;
    const given = c.req.header('x-request-id');
    const reqId = given && CALLER_ID.test(given) ? given : randomUUID();
    c.set('requestId', reqId);
    c.set('log', logger.child({ reqId }));
    try {
      await next();
    } finally {
      c.header('X-Request-Id', reqId);
      const status = c.res.status;
      const line = () => {
        const userId = c.get('user')?.id;
        return {
          reqId,
          ...(userId ? { userId } : {}),
          method: c.req.method,
          path: c.req.path,
          status,
          ms: Math.round(performance.now() - started),
        };
      };
      const write = (bytes: number | undefined) => {
        const entry = { ...line(), ...(bytes !== undefined && Number.isFinite(bytes) ? { bytes } : {}) };
        if (status >= 500) logger.error(entry, 'request');
        else logger.info(entry, 'request');
      };
      // Under @hono/node-server the line is written once the answer has left, with the bytes sent on the
      // socket for it (headers included); elsewhere (tests) at once, with the declared Content-Length.
      if (outgoing && typeof outgoing.once === 'function') {
        let written = false;
        const done = () => {
          if (written) return;
          written = true;
          write(socket ? socket.bytesWritten - socketBytesBefore : undefined);
        };
        outgoing.once('finish', done);
        outgoing.once('close', done); // an aborted answer never finishes
      } else {
        const length = c.res.headers.get('content-length');
        write(length ? Number(length) : undefined);
      }
    }
  };
}
