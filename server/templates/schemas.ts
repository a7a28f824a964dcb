/** Request and response bodies of `/api/templates`. */
import { z } from '@hono/zod-openapi';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from '../db/schema.ts';
import { docSchema } from '../pipelines/schemas.ts';

const dateTime = z.string().openapi({ format: 'date-time' });
const personSchema = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });
const tagsSchema = z
  .array(z.string().trim().min(1).max(40))
  .max(20)
  .transform((tags) => [...new Set(tags)]);
const category = z.enum(TEMPLATE_CATEGORIES).openapi({
  description: 'One of the 17 KCS analysis models (kcs-models.md), or `general`',
});

export const createBody = z
  .object({
    pipelineId: z.uuid(),
    version: z.number().int().min(1).optional().openapi({ description: 'Default: the latest version' }),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).default(''),
    tags: tagsSchema.default([]),
    category: category.default('general'),
    status: z.enum(TEMPLATE_STATUSES).default('draft'),
  })
  .strict()
  .openapi('NewTemplate');

export const patchBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(5000).optional(),
    tags: tagsSchema.optional(),
    category: category.optional(),
    status: z.enum(TEMPLATE_STATUSES).optional(),
  })
  .strict()
  .openapi('TemplateSettings');

export const listQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Search in title, description and tags (logged)' }),
  tag: z.string().trim().min(1).max(40).optional(),
  category: category.optional(),
  excellent: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).default('false').openapi({ description: '`true`: your templates, drafts too' }),
  sort: z.enum(['recent', 'uses', 'rating']).default('recent'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const useBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional().openapi({ description: 'Default: the template title' }),
    parameters: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .default({})
      .openapi({ description: 'Values for the template’s declared parameters (missing ones take their default)' }),
  })
  .strict()
  .openapi('TemplateUse');

export const copyBody = z.object({ name: z.string().trim().min(1).max(200).optional() }).strict();
export const ratingBody = z
  .object({ stars: z.number().int().min(1).max(5) })
  .strict()
  .openapi('TemplateRatingInput');
export const commentBody = z.object({ body: z.string().trim().min(1).max(2000) }).strict();
export const excellentBody = z.object({ excellent: z.boolean() }).strict();

export const summarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    category,
    status: z.enum(TEMPLATE_STATUSES),
    excellent: z.boolean(),
    owner: personSchema,
    pipelineId: z.uuid().nullable(),
    pipelineVersion: z.number().int(),
    hasPreview: z.boolean(),
    useCount: z.number().int(),
    rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
    publishedAt: dateTime.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
    canEdit: z.boolean(),
  })
  .openapi('TemplateSummary');

const parameterSchema = z.object({
  name: z.string(),
  type: z.enum(['string', 'number', 'boolean', 'date']),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  label: z.string().optional(),
  description: z.string().optional(),
});

export const detailSchema = summarySchema
  .extend({ doc: docSchema, parameters: z.array(parameterSchema), myRating: z.number().int().nullable() })
  .openapi('Template');

export const listSchema = z
  .object({ items: z.array(summarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .openapi('TemplateList');

export const usedSchema = z
  .object({ pipelineId: z.uuid(), name: z.string(), parameters: z.record(z.string(), z.unknown()) })
  .openapi('TemplateUsed');

export const openedSchema = z.object({ doc: docSchema, name: z.string() }).openapi('TemplateOpened');

export const ratingSchema = z
  .object({ mine: z.number().int(), average: z.number().nullable(), count: z.number().int() })
  .openapi('TemplateRating');

export const commentSchema = z
  .object({ id: z.uuid(), author: personSchema, body: z.string(), createdAt: dateTime, canDelete: z.boolean() })
  .openapi('TemplateComment');

export const commentParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  commentId: z.uuid().openapi({ param: { name: 'commentId', in: 'path' } }),
});
