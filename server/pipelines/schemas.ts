/** Request and response bodies of `/api/pipelines`, shared with the studio through `AppType`. */
import { z } from '@hono/zod-openapi';
import { VISIBILITIES } from '../db/schema.ts';

export const docSchema = z.record(z.string(), z.unknown()).openapi('PipelineDocument', {
  description:
    'A pipeline document (format `customs-studio/pipeline`, see pipeline-format.md). Checked against the node ' +
    'registry on every save: an invalid one is refused with 422 `invalid_pipeline` and its `issues`.',
});

const tagSchema = z.string().trim().min(1).max(40);
const tagsSchema = z
  .array(tagSchema)
  .max(20)
  .transform((tags) => [...new Set(tags)]);
const messageSchema = z.string().trim().max(500).default('');
const visibilitySchema = z.enum(VISIBILITIES).openapi({
  description: '`private`: owner and admins; `department`: also the owner’s department; `public`: everyone signed in',
});
const dateTime = z.string().openapi({ format: 'date-time' });
const versionNumber = z.number().int().min(1);

export const createBody = z
  .object({
    doc: docSchema,
    tags: tagsSchema.default([]),
    visibility: visibilitySchema.default('private'),
    message: messageSchema,
  })
  .strict()
  .openapi('NewPipeline');

export const saveBody = z
  .object({
    doc: docSchema,
    baseVersion: versionNumber.openapi({ description: 'The version this edit started from; not the latest → 409' }),
    message: messageSchema,
  })
  .strict()
  .openapi('PipelineSave');

export const patchBody = z
  .object({ tags: tagsSchema.optional(), visibility: visibilitySchema.optional() })
  .strict()
  .openapi('PipelineSettings');

export const restoreBody = z
  .object({ baseVersion: versionNumber.optional(), message: messageSchema })
  .strict()
  .openapi('VersionRestore');

export const listQuery = z.object({
  q: z.string().trim().max(200).optional().openapi({ description: 'Search in name and description' }),
  tag: tagSchema.optional(),
  owner: z
    .union([z.literal('me'), z.uuid()])
    .optional()
    .openapi({ description: 'A user id, or `me`' }),
  deleted: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({ description: '`true`: the trash (deleted pipelines you may restore)' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const versionParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'version', in: 'path' } }),
});

export const diffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1).optional().openapi({ description: 'Default: the latest version' }),
});

const personSchema = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }).openapi('Person');

export const summarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    visibility: z.enum(VISIBILITIES),
    department: z.string().nullable(),
    owner: personSchema,
    latestVersion: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
    deletedAt: dateTime.nullable(),
    canEdit: z.boolean(),
  })
  .openapi('PipelineSummary');

export const detailSchema = summarySchema.extend({ doc: docSchema }).openapi('Pipeline');

export const listSchema = z
  .object({ items: z.array(summarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .openapi('PipelineList');

export const versionSchema = z
  .object({
    version: z.number().int(),
    author: personSchema,
    message: z.string(),
    createdAt: dateTime,
    restoredFrom: z.number().int().nullable(),
  })
  .openapi('PipelineVersion');

export const versionDetailSchema = versionSchema.extend({ doc: docSchema }).openapi('PipelineVersionWithDoc');

export const conflictSchema = z
  .object({
    code: z.literal('conflict'),
    message: z.string(),
    yours: z.object({ baseVersion: z.number().int(), doc: docSchema }),
    latest: versionDetailSchema,
  })
  .openapi('SaveConflict');

const valueChange = z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
const edgeKey = z.object({ source: z.string(), sourcePort: z.string(), target: z.string(), targetPort: z.string() });
const nodeRef = z.object({ id: z.string(), type: z.string() });

export const diffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    nodes: z.object({
      added: z.array(nodeRef),
      removed: z.array(nodeRef),
      changed: z.array(nodeRef.extend({ fields: z.array(valueChange), params: z.array(valueChange) })),
      moved: z.array(z.string()),
    }),
    edges: z.object({ added: z.array(edgeKey), removed: z.array(edgeKey) }),
    parameters: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
    document: z.array(valueChange),
    same: z.boolean(),
  })
  .openapi('PipelineDiff');
