import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { REQUEST_STATES } from '../db/schema.ts';
import { errorResponses } from '../errors.ts';
import { counters, type HomePeriod, mine, runRankings } from '../home/queries.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { templateRanking } from '../templates/ranking-data.ts';
import { popularSearches } from '../templates/searches.ts';
import { json } from './openapi-helpers.ts';
import { rankChange, rankedTemplateFields } from './ranking-schemas.ts';
import { router } from './router.ts';

const change = rankChange;
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
        ...rankedTemplateFields,
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

/** The portal-wide widgets are the same for everyone: computed at most once per this many ms per server. */
export const SHARED_TTL_MS = 60_000;

export function homeRoutes(deps: AppDeps) {
  const { db } = deps;
  const shared = new Map<HomePeriod, { at: number; value: Promise<Shared> }>();
  const sharedFor = (period: HomePeriod, now: Date): Promise<Shared> => {
    const hit = shared.get(period);
    if (hit && now.getTime() - hit.at < SHARED_TTL_MS && now.getTime() >= hit.at) return hit.value;
    const value = computeShared(deps, period, now);
    shared.set(period, { at: now.getTime(), value });
    value.catch(() => shared.delete(period)); // a failed computation is not kept
    return value;
  };
  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app.openapi(home, async (c) => {
    const { period } = c.req.valid('query');
    const { user } = authed(c);
    const [portal, own] = await Promise.all([sharedFor(period, deps.now()), mine(db, user)]);
    return c.json(
      {
        period,
        ...portal,
        dashboards: own.dashboards,
        recent: own.recent,
        requests: own.requests as ((typeof own.requests)[number] & { state: (typeof REQUEST_STATES)[number] })[],
      },
      200,
    );
  });
}

type Shared = Awaited<ReturnType<typeof computeShared>>;

async function computeShared({ db, registry }: AppDeps, period: HomePeriod, now: Date) {
  const [counts, { services, offices }, excellent, popular] = await Promise.all([
    counters(db, now),
    runRankings(db, registry, now, period, 10),
    templateRanking(db, period, now, 5),
    popularSearches(db, period, now, 8),
  ]);
  return {
    counters: counts,
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
  };
}
