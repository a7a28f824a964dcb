import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { ApiError } from '../errors.ts';

/** Every zod refusal becomes a 400 `invalid_request` listing each issue with its path. */
function validationHook(result: { success: true } | { success: false; error: { issues: z.core.$ZodIssue[] } }) {
  if (result.success) return;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  throw new ApiError(400, 'invalid_request', summary.join('; '), { issues });
}

/** A resource's sub-app: routes declared with `createRoute` are validated by zod and listed in the OpenAPI document. */
export function router<E extends Env>() {
  return new OpenAPIHono<E>({ defaultHook: validationHook });
}

export const idParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0b9f6f4e-7f0e-4a8e-9d55-2c1b7d0a5f11' }),
});
