import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { SEARCH_KINDS } from '../db/schema.ts';
import { errorResponses } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { searchItems, searchNodeTypes } from '../search/search.ts';
import { logSearch } from '../templates/searches.ts';
import { json } from './openapi-helpers.ts';
import { router } from './router.ts';

const hitSchema = z
  .object({
    kind: z.enum([...SEARCH_KINDS, 'node']),
    id: z.string(),
    title: z.string(),
    label: z.object({ ko: z.string(), en: z.string() }).optional(),
    snippet: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi('SearchHit');

const search = createRoute({
  method: 'get',
  path: '/',
  tags: ['search'],
  summary:
    'Search pipelines, templates, datasets, dashboards, requests and node types you may open. Korean-aware: ' +
    'initial consonants ("ㅅㅇㅅㄱ") and partial words ("수입신") find "수입신고". `record=true` counts the term ' +
    'in the popular searches (the studio sends it when a search is submitted, not on every keystroke)',
  request: {
    query: z.object({
      q: z.string().max(100),
      limit: z.coerce.number().int().min(1).max(50).default(8),
      record: z.enum(['true', 'false']).default('false'),
    }),
  },
  responses: {
    200: json('Hits, up to `limit` of each kind', z.object({ query: z.string(), items: z.array(hitSchema) })),
    ...errorResponses(400, 401),
  },
});

export function searchRoutes(deps: AppDeps) {
  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app.openapi(search, async (c) => {
    const { q, limit, record } = c.req.valid('query');
    const { user } = authed(c);
    if (record === 'true') await logSearch(deps.db, q, user.id, deps.now());
    const items = [...(await searchItems(deps.db, user, q, limit)), ...searchNodeTypes(deps.registry, q, limit)];
    return c.json({ query: q, items }, 200);
  });
}
