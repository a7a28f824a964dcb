import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { messageTexts, msg } from '../../runtime/messages/render.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, errorMessages } from '../errors.ts';
import { cut, errorFields } from '../log/logger.ts';

const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/**
 * Every error leaves as JSON `{ code, message, …details }`. `ApiError`s and Hono's `HTTPException`s carry
 * their status; anything else is a 500 whose details go to the log (the request's logger, message cut),
 * not to the client.
 *
 * @example app.onError(errorHandler(console.error))
 */
export function errorHandler(log: (message: string) => void): ErrorHandler<AppEnv> {
  return function errorHandler(err, c) {
    if (err instanceof ApiError) {
      // Rate limits say when to come back, in the standard header as well as the body.
      if (typeof err.details.retryAfterS === 'number') c.header('Retry-After', String(err.details.retryAfterS));
      const messages = errorMessages(err.status, err.code, err.message, err.msg);
      return c.json({ code: err.code, message: err.message, messages, ...err.details }, err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const malformed = /malformed/i.test(err.message);
      const code = malformed ? 'malformed_json' : (HTTP_CODES[status] ?? 'http_error');
      const message = err.message || (err.res ? err.res.statusText : '') || code.replaceAll('_', ' ');
      return c.json({ code, message, messages: errorMessages(status, code, message) }, status);
    }
    const requestLog = c.get('log');
    if (requestLog)
      requestLog.error({ method: c.req.method, path: c.req.path, ...errorFields(err) }, 'unhandled error');
    else log(`${c.req.method} ${c.req.path}: ${cut(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
    const message = 'internal server error';
    return c.json({ code: 'internal', message, messages: errorMessages(500, 'internal', message) }, 500);
  };
}

export const notFoundHandler: NotFoundHandler = (c) => {
  const message = `no route for ${c.req.method} ${c.req.path}`;
  const messages = messageTexts(msg('http.no_route', { method: c.req.method, path: c.req.path }));
  return c.json({ code: 'not_found', message, messages }, 404);
};
