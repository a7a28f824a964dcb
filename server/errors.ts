import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error the client is meant to see: rendered by the global error handler as JSON `{ code, message, …details }`
 * with `status`. Anything else thrown becomes a logged 500 `{ code: 'internal' }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

export const errorSchema = z
  .object({
    code: z.string().openapi({ example: 'not_found' }),
    message: z.string().openapi({ example: 'pipeline not found' }),
  })
  .openapi('Error');

const DESCRIPTIONS = {
  400: 'Invalid input (`invalid_request` lists the zod issues; `malformed_json`)',
  401: 'Not signed in (`unauthenticated`) or wrong credentials',
  403: 'Not allowed (`forbidden`, `csrf`, `password_change_required`)',
  404: 'Not found, or not visible to you',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Body is not JSON',
  422: 'Well-formed but refused (e.g. an invalid pipeline document, with `issues`)',
  429: 'Too many failed logins; see `Retry-After`',
} as const;

type ErrorResponse = { description: string; content: { 'application/json': { schema: typeof errorSchema } } };

/** OpenAPI response entries for error statuses, all with the `Error` body. */
export function errorResponses<const S extends keyof typeof DESCRIPTIONS>(
  ...statuses: S[]
): { [K in S]: ErrorResponse } {
  const entries = statuses.map((s) => [
    s,
    { description: DESCRIPTIONS[s], content: { 'application/json': { schema: errorSchema } } },
  ]);
  return Object.fromEntries(entries) as { [K in S]: ErrorResponse };
}
