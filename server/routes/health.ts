import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { pingDatabase } from '../db/client.ts';
import { router } from './router.ts';

const healthSchema = z
  .object({
    ok: z.boolean(),
    service: z.string(),
    db: z.object({
      ok: z.boolean(),
      driver: z.enum(['pglite', 'postgres']),
      latencyMs: z.number().optional(),
      error: z.string().optional(),
    }),
  })
  .openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/',
  tags: ['system'],
  summary: 'Liveness and database status',
  responses: {
    200: { description: 'Up, database reachable', content: { 'application/json': { schema: healthSchema } } },
    503: { description: 'Database unreachable', content: { 'application/json': { schema: healthSchema } } },
  },
});

export function healthRoutes({ db, driver }: Pick<AppDeps, 'db' | 'driver'>) {
  return router<AppEnv>().openapi(health, async (c) => {
    const service = 'customs-analysis-studio';
    try {
      const latencyMs = await pingDatabase(db);
      return c.json({ ok: true, service, db: { ok: true, driver, latencyMs } }, 200);
    } catch (e) {
      return c.json({ ok: false, service, db: { ok: false, driver, error: (e as Error).message } }, 503);
    }
  });
}
