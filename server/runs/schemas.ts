import { z } from '@hono/zod-openapi';
import { RUN_STATUSES } from '../db/schema.ts';
import { EXPORT_FORMATS } from './artifact-export.ts';

export const runSchema = z
  .object({
    id: z.uuid(),
    pipelineId: z.uuid(),
    scheduleId: z.uuid().nullable(),
    version: z.number().nullable(),
    params: z.record(z.string(), z.unknown()),
    status: z.enum(RUN_STATUSES),
    attempt: z.number(),
    maxAttempts: z.number(),
    trigger: z.string(),
    runAfter: z.string(),
    scheduledFor: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    durationMs: z.number().nullable(),
    log: z.array(z.unknown()).openapi({ description: 'Per node: rows, ms, warnings, error' }),
    error: z.string().nullable(),
    errorNodeId: z.string().nullable(),
    retryOf: z.uuid().nullable(),
    cancelRequested: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Run');

export const runListQuery = z.object({
  pipelineId: z.uuid().optional(),
  scheduleId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const artifactSchema = z
  .object({
    nodeId: z.string(),
    nodeType: z.string(),
    format: z.enum(['parquet', 'svg']),
    rows: z.number().nullable(),
    bytes: z.number(),
    columns: z.array(z.object({ name: z.string(), type: z.string() })),
    createdAt: z.string(),
  })
  .openapi('RunArtifact');

export const artifactListSchema = z.object({ items: z.array(artifactSchema) });

export const artifactParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  nodeId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'nodeId', in: 'path' } }),
});

export const artifactQuery = z.object({
  format: z
    .enum([...EXPORT_FORMATS, 'svg'])
    .optional()
    .openapi({ description: 'Tables: parquet (default), csv, xlsx; charts: svg' }),
});
