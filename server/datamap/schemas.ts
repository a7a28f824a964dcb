/** Request and response bodies of `/api/datamap`. */
import { z } from '@hono/zod-openapi';
import { JOIN_KEYS, STAGES } from '../../nodes/model/_clearance-stages.ts';
import { DATASET_FORMATS, VISIBILITIES } from '../db/schema.ts';

const dateTime = z.string().openapi({ format: 'date-time' });

const lineageSchema = z.object({
  pipelines: z.array(z.object({ id: z.uuid(), name: z.string() })),
  schedules: z.array(
    z.object({ id: z.uuid(), name: z.string(), cron: z.string(), pipelineId: z.uuid(), enabled: z.boolean() }),
  ),
  dashboards: z.array(z.object({ id: z.uuid(), title: z.string(), pipelineIds: z.array(z.uuid()) })),
});

export const entrySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  format: z.enum(DATASET_FORMATS),
  stage: z.enum(STAGES),
  stageGuessed: z.boolean().openapi({ description: 'true: guessed from the column names (no stage set yet)' }),
  refresh: z.string(),
  note: z.string(),
  owner: z.string(),
  visibility: z.enum(VISIBILITIES),
  department: z.string().nullable(),
  rows: z.number(),
  nullPercent: z.number().openapi({ description: 'Mean null % over the columns' }),
  columns: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      nullPercent: z.number(),
      field: z.number().nullable().openapi({ description: 'Number of the field-dictionary entry, if any' }),
    }),
  ),
  joinKeys: z.array(z.object({ key: z.enum(JOIN_KEYS), columns: z.array(z.string()) })),
  updatedAt: dateTime,
  canEdit: z.boolean(),
  lineage: lineageSchema,
});

export const mapSchema = z.object({
  items: z.array(entrySchema),
  dictionary: z.array(
    z.object({
      no: z.number(),
      name: z.string(),
      size: z.string(),
      description: z.string(),
      sample: z.string(),
      codeList: z.string(),
      columns: z.array(z.string()),
    }),
  ),
});

export const attributesBody = z
  .object({
    stage: z.enum(STAGES).nullable().optional().openapi({ description: 'null: back to the guess from column names' }),
    refresh: z.string().trim().max(100).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
