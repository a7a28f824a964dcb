import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { errorResponses } from '../errors.ts';
import { templateRanking } from '../templates/ranking-data.ts';
import { popularSearches } from '../templates/searches.ts';
import { json } from './openapi-helpers.ts';
import { rankChange, rankedTemplateFields } from './ranking-schemas.ts';
import { router } from './router.ts';

const tags = ['templates'];
const periodQuery = z.object({
  period: z.enum(['week', 'month', 'all']).default('week'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const rankingSchema = z
  .object({
    period: z.enum(['week', 'month', 'all']),
    items: z.array(
      z.object({
        ...rankedTemplateFields,
        components: z.object({
          uses: z.number(),
          copies: z.number(),
          users: z.number(),
          runs: z.number(),
          rating: z.number(),
          ratingCount: z.number().int(),
          boost: z.number(),
        }),
        change: rankChange,
      }),
    ),
  })
  .openapi('TemplateRanking');

const searchesSchema = z
  .object({
    period: z.enum(['week', 'month', 'all']),
    items: z.array(z.object({ rank: z.number().int(), term: z.string(), count: z.number().int(), change: rankChange })),
  })
  .openapi('PopularSearches');

const ranking = createRoute({
  method: 'get',
  path: '/ranking',
  tags,
  summary: 'Published templates ranked by reuse (see README: Template ranking), with ▲/▼ versus the previous period',
  request: { query: periodQuery },
  responses: { 200: json('The ranking', rankingSchema), ...errorResponses(400, 401, 403) },
});

const searches = createRoute({
  method: 'get',
  path: '/searches/popular',
  tags,
  summary: 'The most searched template terms in the period, with ▲/▼ versus the previous period',
  request: { query: periodQuery },
  responses: { 200: json('Popular searches', searchesSchema), ...errorResponses(400, 401, 403) },
});

export function templateRankingRoutes(deps: AppDeps) {
  return router<AppEnv>()
    .openapi(ranking, async (c) => {
      const { period, limit } = c.req.valid('query');
      return c.json({ period, items: await templateRanking(deps.db, period, deps.now(), limit) }, 200);
    })
    .openapi(searches, async (c) => {
      const { period, limit } = c.req.valid('query');
      return c.json({ period, items: await popularSearches(deps.db, period, deps.now(), limit) }, 200);
    });
}
