import { z } from '@hono/zod-openapi';
import { TEMPLATE_CATEGORIES } from '../db/schema.ts';

/** A rank's move against the previous period, shared by the ranking page and the home page. */
export const rankChange = z
  .object({ kind: z.enum(['up', 'down', 'same', 'new']), by: z.number().int().optional() })
  .openapi('RankChange', { description: '▲`by` (up), ▼`by` (down), same, or new versus the previous period' });

/** The fields every ranked template carries (the excellent-case ranking and its card on the home page). */
export const rankedTemplateFields = {
  rank: z.number().int(),
  templateId: z.uuid(),
  score: z.number(),
  template: z.object({
    id: z.uuid(),
    title: z.string(),
    category: z.enum(TEMPLATE_CATEGORIES),
    excellent: z.boolean(),
  }),
};
