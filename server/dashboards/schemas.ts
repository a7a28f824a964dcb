/** Request and response bodies of `/api/dashboards`. */
import { z } from '@hono/zod-openapi';
import { VISIBILITIES } from '../db/schema.ts';

export const ITEM_KINDS = ['chart', 'table', 'figure'] as const;
export const FIGURE_FNS = ['count', 'sum', 'mean'] as const;
/** Rows a table item returns; a dashboard shows a glance, the full table is one download away. */
export const TABLE_ROW_CAP = 200;
/** Rows a chart item draws from (chart nodes already aggregate; scatter samples stay under this). */
export const CHART_ROW_CAP = 5000;
/** Distinct values offered per filter in the filter bar. */
export const FILTER_VALUE_CAP = 100;

const cell = z.number().int().min(0).max(48);
const columnName = z.string().min(1).max(200);

export const itemSchema = z
  .object({
    id: z.string().min(1).max(64),
    kind: z.enum(ITEM_KINDS),
    pipelineId: z.uuid(),
    nodeId: z.string().min(1).max(200),
    x: cell,
    y: z.number().int().min(0).max(10_000),
    w: cell.min(1),
    h: z.number().int().min(1).max(48),
    title: z.string().max(200).default(''),
    figure: z
      .object({ column: columnName.optional(), fn: z.enum(FIGURE_FNS) })
      .optional()
      .openapi({ description: 'For `figure` items: count of rows, or sum/mean of a number column' }),
  })
  .strict()
  .openapi('DashboardItem');

export const filterSchema = z
  .object({
    column: columnName,
    label: z.string().max(100).default(''),
    values: z.array(z.string().max(500)).max(FILTER_VALUE_CAP).optional(),
  })
  .strict()
  .openapi('DashboardFilter', {
    description: 'Applied to every item whose table has `column`: rows whose value (as text) is one of `values`',
  });

const visibilitySchema = z.enum(VISIBILITIES).openapi({
  description: '`private`: owner and admins; `department`: also the owner’s department; `public`: everyone signed in',
});

const layoutSchema = z.array(itemSchema).max(60);
const filtersSchema = z.array(filterSchema).max(10);

export const createBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    visibility: visibilitySchema.default('private'),
    layout: layoutSchema.default([]),
    filters: filtersSchema.default([]),
  })
  .strict()
  .openapi('NewDashboard');

export const patchBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    visibility: visibilitySchema.optional(),
    layout: layoutSchema.optional(),
    filters: filtersSchema.optional(),
  })
  .strict()
  .openapi('DashboardChanges');

const dateTime = z.string().openapi({ format: 'date-time' });
const person = z.object({ id: z.string(), username: z.string(), displayName: z.string() });

export const dashboardSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    visibility: visibilitySchema,
    department: z.string().nullable(),
    owner: person,
    layout: layoutSchema,
    filters: filtersSchema,
    canEdit: z.boolean(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .openapi('Dashboard');

export const listSchema = z.object({ items: z.array(dashboardSchema) }).openapi('DashboardList');

export const dataQuery = z.object({
  values: z.string().max(20_000).optional().openapi({
    description:
      'JSON `{ column: string[] }` overriding the saved filter values for this view (an empty list clears a filter)',
  }),
});
export const valuesOverride = z.record(z.string(), z.array(z.string().max(500)).max(FILTER_VALUE_CAP));

const itemData = z
  .object({
    id: z.string(),
    status: z.enum(['ok', 'no_run', 'hidden', 'error']).openapi({
      description: '`hidden`: you may not see the pipeline; `no_run`: no succeeded scheduled run stored this node',
    }),
    message: z.string().optional(),
    runId: z.string().optional(),
    runAt: dateTime.optional(),
    columns: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
    rows: z.array(z.record(z.string(), z.unknown())).optional(),
    totalRows: z.number().optional(),
    truncated: z.boolean().optional(),
    applied: z.array(z.string()).optional().openapi({ description: 'The filter columns applied to this item' }),
    value: z.number().nullable().optional(),
    spec: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('DashboardItemData');

export const dataSchema = z
  .object({
    items: z.array(itemData),
    filters: z.array(z.object({ column: z.string(), label: z.string(), options: z.array(z.string()) })),
  })
  .openapi('DashboardData');

export type DashboardItem = z.infer<typeof itemSchema>;
export type DashboardFilter = z.infer<typeof filterSchema>;
export type ItemData = z.infer<typeof itemData>;
export type DashboardData = z.infer<typeof dataSchema>;
