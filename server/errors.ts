import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageCode } from '../runtime/messages/catalogue.ts';
import { CATALOGUE } from '../runtime/messages/catalogue.ts';
import { type Message, messageTexts, msg } from '../runtime/messages/render.ts';
import type { Label } from '../runtime/nodes/param-meta.ts';

/**
 * An error the client is meant to see: rendered by the global error handler as JSON
 * `{ code, message, messages: { ko, en }, …details }` with `status`. `message` is the English developer text;
 * `messages` is what a person reads, from the message catalogue (`msg`), else the catalogue's text for the code.
 * Anything else thrown becomes a logged 500 `{ code: 'internal' }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly msg?: Message,
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
    message: z.string().openapi({ example: 'pipeline not found', description: 'English, for developers and logs' }),
    messages: z.object({ ko: z.string(), en: z.string() }).openapi({
      description: 'What to show a person, Korean and English (the studio picks its language)',
      example: { ko: '찾을 수 없거나 볼 수 없는 항목입니다', en: 'pipeline not found' },
    }),
  })
  .openapi('Error');

/**
 * The text a person reads for an error: its catalogue message, else the catalogue's Korean for the code with the
 * server's English beside it (codes without an entry fall back to a generic Korean sentence naming the status).
 */
export function errorMessages(status: number, code: string, message: string, message_?: Message): Label {
  if (message_) return messageTexts(message_);
  const key = [`api.${code}`, `http.${code}`].find((k) => k in CATALOGUE) as MessageCode | undefined;
  if (key) return { ko: messageTexts(msg(key)).ko, en: message };
  // no Korean sentence for this refusal yet: say so in Korean, but keep the server's specific reason beside it
  const general = messageTexts(msg('http.other', { status })).ko;
  return { ko: message ? `${general}: ${message}` : general, en: message };
}

/** Request-body fields by the name a form shows them under (zod refusals of a request name them so). */
export const API_FIELDS: Record<string, Label> = {
  newPassword: { ko: '새 비밀번호', en: 'New password' },
  currentPassword: { ko: '현재 비밀번호', en: 'Current password' },
  password: { ko: '비밀번호', en: 'Password' },
  username: { ko: '아이디', en: 'User name' },
  displayName: { ko: '표시 이름', en: 'Display name' },
  name: { ko: '이름', en: 'Name' },
  description: { ko: '설명', en: 'Description' },
  cron: { ko: '실행 주기', en: 'Schedule' },
  timezone: { ko: '시간대', en: 'Time zone' },
  doc: { ko: '파이프라인 문서', en: 'Pipeline document' },
  category: { ko: '분류', en: 'Category' },
  visibility: { ko: '공개 범위', en: 'Visibility' },
  parameters: { ko: '매개변수', en: 'Parameters' },
  pipelineId: { ko: '파이프라인', en: 'Pipeline' },
  scheduleId: { ko: '예약', en: 'Schedule' },
  datasetId: { ko: '데이터셋', en: 'Dataset' },
  stars: { ko: '별점', en: 'Stars' },
  comment: { ko: '의견', en: 'Comment' },
  webhookUrl: { ko: '웹훅 주소', en: 'Webhook URL' },
};

const DESCRIPTIONS = {
  400: 'Invalid input (`invalid_request` lists the zod issues; `malformed_json`)',
  401: 'Not signed in (`unauthenticated`) or wrong credentials',
  403: 'Not allowed (`forbidden`, `csrf`, `password_change_required`)',
  404: 'Not found, or not visible to you',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Body is not JSON',
  422: 'Well-formed but refused (e.g. an invalid pipeline document, with `issues`)',
  429: 'Too many requests (failed sign-ins, uploads); see `Retry-After`',
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
