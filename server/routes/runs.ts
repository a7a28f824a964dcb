import { createRoute, z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import { runs } from '../db/schema.ts';
import { ApiError, errorResponses, forbidden, notFound } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { canEdit } from '../pipelines/access.ts';
import { viewable } from '../pipelines/load.ts';
import { toRunJson } from '../runs/present.ts';
import { requestCancel } from '../runs/queue.ts';
import { runListQuery, runSchema } from '../runs/schemas.ts';
import { findSchedule } from '../schedules/queries.ts';
import { idParam, router } from './router.ts';

const json = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const tags = ['runs'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Run history of a pipeline or a schedule (newest first)',
  request: { query: runListQuery },
  responses: { 200: json('Runs', z.object({ items: z.array(runSchema) })), ...errorResponses(400, 401, 404) },
});
const read = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A run with its per-node log',
  request: { params: idParam },
  responses: { 200: json('The run', runSchema), ...errorResponses(400, 401, 404) },
});
const cancel = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags,
  summary: 'Cancel a queued run at once, or ask the runner of a running one to stop it',
  request: { params: idParam },
  responses: { 200: json('The run after the request', runSchema), ...errorResponses(400, 401, 403, 404) },
});

export function runRoutes(deps: AppDeps) {
  const { db } = deps;

  const visible = async (id: string, user: SessionUser) => {
    const [run] = await db.select().from(runs).where(eq(runs.id, id));
    if (!run) throw notFound('run');
    const found = await viewable(db, run.pipelineId, user).catch(() => {
      throw notFound('run');
    });
    return { run, pipeline: found.pipeline };
  };

  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(list, async (c) => {
      const { pipelineId, scheduleId, limit } = c.req.valid('query');
      const { user } = authed(c);
      let where: ReturnType<typeof eq>;
      if (scheduleId) {
        const s = await findSchedule(db, scheduleId);
        if (!s) throw notFound('schedule');
        await viewable(db, s.pipelineId, user);
        where = eq(runs.scheduleId, scheduleId);
      } else if (pipelineId) {
        await viewable(db, pipelineId, user);
        where = eq(runs.pipelineId, pipelineId);
      } else {
        throw new ApiError(400, 'invalid_request', 'give pipelineId or scheduleId');
      }
      const rows = await db
        .select()
        .from(runs)
        .where(where)
        .orderBy(desc(runs.createdAt), desc(runs.attempt))
        .limit(limit);
      return c.json({ items: rows.map(toRunJson) }, 200);
    })
    .openapi(read, async (c) => c.json(toRunJson((await visible(c.req.valid('param').id, authed(c).user)).run), 200))
    .openapi(cancel, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      const { run, pipeline } = await visible(id, user);
      const schedule = run.scheduleId ? await findSchedule(db, run.scheduleId) : undefined;
      const allowed = canEdit(user, pipeline) || run.requestedBy === user.id || schedule?.ownerId === user.id;
      if (!allowed)
        throw forbidden('only the pipeline owner, the schedule owner, who started it, or an admin can cancel a run');
      const after = await requestCancel(db, id, deps.now());
      return c.json(toRunJson(after!), 200);
    });
}
