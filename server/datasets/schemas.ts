/** Request and response bodies of `/api/datasets`. */
import { z } from '@hono/zod-openapi';
import { DATASET_FORMATS, VISIBILITIES } from '../db/schema.ts';

const dateTime = z.string().openapi({ format: 'date-time' });
const personSchema = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });

export const uploadQuery = z.object({
  name: z.string().trim().min(1).max(200).optional().openapi({ description: 'Display name (default: the file name)' }),
  visibility: z.enum(VISIBILITIES).default('private'),
  format: z
    .enum(DATASET_FORMATS)
    .optional()
    .openapi({ description: 'Reader to use (default: from the file extension)' }),
});

export const uploadHeaders = z.object({
  'x-filename': z
    .string()
    .min(1)
    .max(1000)
    .openapi({ description: 'The original file name, percent-encoded (metadata only: it never becomes a path)' }),
});

export const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  owner: z.union([z.literal('me'), z.uuid()]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const deleteQuery = z.object({
  force: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({ description: '`true`: delete even while pipelines use it' }),
});

export const patchBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), visibility: z.enum(VISIBILITIES).optional() })
  .strict()
  .openapi('DatasetSettings');

const usageSchema = z.object({ id: z.uuid(), name: z.string() });

export const summarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    originalName: z.string(),
    format: z.enum(DATASET_FORMATS),
    size: z.number().int(),
    sha256: z.string(),
    rows: z.number().int(),
    visibility: z.enum(VISIBILITIES),
    department: z.string().nullable(),
    owner: personSchema,
    createdAt: dateTime,
    updatedAt: dateTime,
    canEdit: z.boolean(),
    usedBy: z.array(usageSchema).openapi({ description: 'Pipelines using it that you may see' }),
    usedByCount: z.number().int().openapi({ description: 'All pipelines using it' }),
  })
  .openapi('DatasetSummary');

const columnProfile = z.object({
  name: z.string(),
  type: z.string(),
  nullPercent: z.number(),
  distinctApprox: z.number(),
  min: z.string().nullable(),
  max: z.string().nullable(),
  top: z.array(z.object({ value: z.string(), count: z.number() })),
});

export const detailSchema = summarySchema
  .extend({
    columns: z.array(z.object({ name: z.string(), type: z.string() })),
    profile: z.array(columnProfile),
    warnings: z.array(z.object({ message: z.string(), lines: z.array(z.number()).optional() })),
  })
  .openapi('Dataset');

export const listSchema = z
  .object({ items: z.array(summarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .openapi('DatasetList');

export const conflictSchema = z
  .object({
    code: z.literal('dataset_in_use'),
    message: z.string(),
    usedBy: z.array(usageSchema),
    usedByCount: z.number(),
  })
  .openapi('DatasetInUse');
