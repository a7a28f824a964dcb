import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { REQUEST_STATES, TEMPLATE_CATEGORIES } from '../db/schema.ts';
import { errorResponses } from '../errors.ts';
import { counters, mine, officeRanking, serviceRanking } from '../home/queries.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { templateRanking } from '../templates/ranking-data.ts';
import { popularSearches } from '../templates/searches.ts';
import { json } from './openapi-helpers.ts';
import { router } from './router.ts';

const change = z.object({ kind: z.enum(['up', 'down', 'same', 'new']), by: z.number().int().optional() });
const counter = z.object({ value: z.number(), change: z.number() });
const label = z.object({ ko: z.string(), en: z.string() });

const homeSchema = z
  .object({
    period: z.enum(['week', 'month']),
    counters: z.object({ datasets: counter, rows: counter, pipelines: counter, scheduledRunsToday: counter }),
    services: z.array(
      z.object({
        rank: z.number().int(),
        type: z.string(),
        label,
        category: z.string(),
        runs: z.number().int(),
        pipelines: z.number().int(),
        change,
      }),
    ),
    offices: z.array(
      z.object({
        rank: z.number().int(),
        department: z.string(),
        activeUsers: z.number().int(),
        runs: z.number().int(),
        change,
      }),
    ),
    excellent: z.array(
      z.object({
        rank: z.number().int(),
        templateId: z.uuid(),
        score: z.number(),
        template: z.object({
          id: z.uuid(),
          title: z.string(),
          category: z.enum(TEMPLATE_CATEGORIES),
          excellent: z.boolean(),
        }),
        change,
      }),
    ),
    popular: z.array(z.object({ rank: z.number().int(), term: z.string(), count: z.number().int(), change })),
    dashboards: z.array(z.object({ id: z.uuid(), title: z.string(), updatedAt: z.string() })),
    recent: z.array(
      z.object({
        kind: z.enum(['pipeline', 'run']),
        id: z.uuid(),
        pipelineId: z.uuid(),
        title: z.string(),
        detail: z.string(),
        at: z.string(),
      }),
    ),
    requests: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        state: z.enum(REQUEST_STATES),
        filed: z.boolean(),
        updatedAt: z.string(),
      }),
    ),
  })
  .openapi('Home');

const home = createRoute({
  method: 'get',
  path: '/',
  tags: ['home'],
  summary:
    'The home page in one answer: counters with the change since yesterday, rankings of analysis services, ' +
    'offices, excellent cases and searches (▲/▼ versus the previous period), and your dashboards, activity and requests',
  request: { query: z.object({ period: z.enum(['week', 'month']).default('week') }) },
  responses: { 200: json('The home page', homeSchema), ...errorResponses(400, 401) },
});

export function homeRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app.openapi(home, async (c) => {
    const { period } = c.req.valid('query');
    const { user } = authed(c);
    const now = deps.now();
    const [count, services, offices, excellent, popular, own] = await Promise.all([
      counters(db, now),
      serviceRanking(db, deps.registry, now, period, 10),
      officeRanking(db, now, period, 10),
      templateRanking(db, period, now, 5),
      popularSearches(db, period, now, 8),
      mine(db, user),
    ]);
    return c.json(
      {
        period,
        counters: count,
        services,
        offices,
        excellent: excellent.map((e) => ({
          rank: e.rank,
          templateId: e.templateId,
          score: e.score,
          template: e.template,
          change: e.change,
        })),
        popular,
        dashboards: own.dashboards,
        recent: own.recent,
        requests: own.requests as ((typeof own.requests)[number] & { state: (typeof REQUEST_STATES)[number] })[],
      },
      200,
    );
  });
}
