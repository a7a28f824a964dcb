import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { paramIssueMessage } from '../../runtime/messages/params.ts';
import { messageTexts, msg } from '../../runtime/messages/render.ts';
import { API_FIELDS, ApiError } from '../errors.ts';

/**
 * Every zod refusal becomes a 400 `invalid_request` listing each issue with its path; `messages` says the first
 * issues in words, the field by the name a form shows ("새 비밀번호는 10자 이상이어야 합니다").
 */
function validationHook(result: { success: true } | { success: false; error: { issues: z.core.$ZodIssue[] } }) {
  if (result.success) return;
  const texts = result.error.issues.map((i) => {
    const key = [...i.path].reverse().find((p) => typeof p === 'string');
    const field = (key && API_FIELDS[key]) || { ko: i.path.join('.') || '요청', en: i.path.join('.') || 'request' };
    if (key === 'newPassword' && i.code === 'too_small') {
      return messageTexts(msg('auth.password_too_short', { min: Number(i.minimum) }));
    }
    return messageTexts(paramIssueMessage(null, i, undefined, undefined, field));
  });
  const issues = result.error.issues.map((i, n) => ({
    path: i.path.join('.'),
    message: i.message,
    messages: texts[n],
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const join = (lang: 'ko' | 'en') => texts.map((t) => t[lang]).join(' · ');
  const message = msg('http.invalid_fields', { detail: { ko: join('ko'), en: join('en') } });
  throw new ApiError(400, 'invalid_request', summary.join('; '), { issues }, message);
}

/** A resource's sub-app: routes declared with `createRoute` are validated by zod and listed in the OpenAPI document. */
export function router<E extends Env>() {
  return new OpenAPIHono<E>({ defaultHook: validationHook });
}

export const idParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0b9f6f4e-7f0e-4a8e-9d55-2c1b7d0a5f11' }),
});
