import { z } from '@hono/zod-openapi';

const paramValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
/** Only http(s): the server POSTs alerts there. */
const webhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable()
  .openapi({ example: 'https://alerts.example.go.kr/hooks/risk' });

export const createScheduleBody = z
  .object({
    pipelineId: z.uuid(),
    name: z.string().max(200).default(''),
    cron: z.string().min(1).max(200).openapi({ example: '0 9 * * 1' }),
    timeZone: z.string().min(1).max(64).default('Asia/Seoul'),
    params: paramValues.default({}),
    /** A pinned version; null or absent: the latest at run time. */
    version: z.number().int().positive().nullable().default(null),
    enabled: z.boolean().default(true),
    alertOnFailure: z.boolean().default(true),
    /** Risk watch-list: notify when this node's result has rows. */
    watchNodeId: z.string().min(1).max(200).nullable().default(null),
    webhookUrl: webhookUrl.default(null),
  })
  .openapi('ScheduleCreate');

export const patchScheduleBody = z
  .object({
    name: z.string().max(200),
    cron: z.string().min(1).max(200),
    timeZone: z.string().min(1).max(64),
    params: paramValues,
    version: z.number().int().positive().nullable(),
    enabled: z.boolean(),
    alertOnFailure: z.boolean(),
    watchNodeId: z.string().min(1).max(200).nullable(),
    webhookUrl,
  })
  .partial()
  .openapi('SchedulePatch');

export const scheduleSchema = z
  .object({
    id: z.uuid(),
    pipelineId: z.uuid(),
    ownerId: z.uuid(),
    name: z.string(),
    cron: z.string(),
    timeZone: z.string(),
    params: z.record(z.string(), z.unknown()),
    version: z.number().nullable(),
    enabled: z.boolean(),
    alertOnFailure: z.boolean(),
    watchNodeId: z.string().nullable(),
    webhookUrl: z.string().nullable(),
    nextRunAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Schedule');

export const scheduleListQuery = z.object({ pipelineId: z.uuid().optional() });

export const previewQuery = z.object({
  cron: z.string().min(1).max(200),
  tz: z.string().min(1).max(64).default('Asia/Seoul'),
});

export const previewSchema = z.object({ timeZone: z.string(), next: z.array(z.string()) }).openapi('SchedulePreview');
