import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { msg } from '../../runtime/messages/render.ts';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import type { ScheduleRow } from '../db/schema.ts';
import { schedules } from '../db/schema.ts';
import { ApiError, errorResponses, forbidden, notFound } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { checkWebhookTarget, WebhookTargetError } from '../notifications/webhook-target.ts';
import { deletedError, viewable } from '../pipelines/load.ts';
import { findVersion } from '../pipelines/queries.ts';
import { readRunnerConfig } from '../runs/config.ts';
import { toRunJson } from '../runs/present.ts';
import { enqueueRequested } from '../runs/queue.ts';
import { runSchema } from '../runs/schemas.ts';
import { CronError, checkCron, nextRun, nextRuns } from '../schedules/cron.ts';
import { checkParams } from '../schedules/params.ts';
import { findSchedule, listSchedules, toScheduleJson } from '../schedules/queries.ts';
import {
  createScheduleBody,
  patchScheduleBody,
  previewQuery,
  previewSchema,
  scheduleListQuery,
  scheduleSchema,
} from '../schedules/schemas.ts';
import { idParam, router } from './router.ts';

const json = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const tags = ['schedules'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Schedules of a pipeline you may see, or your own schedules',
  request: { query: scheduleListQuery },
  responses: { 200: json('Schedules', z.object({ items: z.array(scheduleSchema) })), ...errorResponses(400, 401, 404) },
});
const preview = createRoute({
  method: 'get',
  path: '/preview',
  tags,
  summary: 'The next five run times of a cron expression in a time zone',
  request: { query: previewQuery },
  responses: { 200: json('Next run times (ISO, UTC)', previewSchema), ...errorResponses(400, 401, 422) },
});
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Schedule a saved pipeline you may run',
  request: body(createScheduleBody),
  responses: { 201: json('Created', scheduleSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
});
const read = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A schedule',
  request: { params: idParam },
  responses: { 200: json('The schedule', scheduleSchema), ...errorResponses(400, 401, 404) },
});
const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change a schedule (its owner or an admin); pausing is `enabled: false`',
  request: { params: idParam, ...body(patchScheduleBody) },
  responses: { 200: json('Updated', scheduleSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
});
const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete a schedule (its runs stay in the history)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
});
const runNow = createRoute({
  method: 'post',
  path: '/{id}/run',
  tags,
  summary:
    'Queue a run of this schedule now (its owner or an admin; at most RUN_QUEUE_PER_USER runs queued or running per user)',
  request: { params: idParam },
  responses: { 202: json('Queued', runSchema), ...errorResponses(400, 401, 403, 404, 422, 429) },
});

/** A webhook URL often carries a token: only the schedule's owner and admins see it. */
const present = (s: ScheduleRow, user: SessionUser) => {
  const json = toScheduleJson(s);
  return user.role === 'admin' || s.ownerId === user.id
    ? json
    : { ...json, webhookUrl: s.webhookUrl ? '(hidden)' : null };
};

const cronError = (e: unknown) =>
  e instanceof CronError ? new ApiError(422, 'invalid_cron', e.message) : (e as Error);

export function scheduleRoutes(deps: AppDeps) {
  const { db } = deps;

  /** The schedule if the user may see its pipeline; 404 otherwise. */
  const visible = async (id: string, user: SessionUser) => {
    const s = await findSchedule(db, id);
    if (!s) throw notFound('schedule');
    await viewable(db, s.pipelineId, user).catch(() => {
      throw notFound('schedule');
    });
    return s;
  };
  const changeable = async (id: string, user: SessionUser) => {
    const s = await visible(id, user);
    if (user.role !== 'admin' && s.ownerId !== user.id)
      throw forbidden('only its owner or an admin can change a schedule');
    return s;
  };
  /** The pipeline must be runnable by the user, not deleted; the version must exist; params must fit it. */
  const checkTarget = async (
    user: SessionUser,
    s: Pick<ScheduleRow, 'pipelineId' | 'version' | 'params' | 'watchNodeId'>,
  ) => {
    const found = await viewable(db, s.pipelineId, user);
    if (found.pipeline.deletedAt) throw deletedError();
    const version = await findVersion(db, s.pipelineId, s.version ?? found.pipeline.latestVersion);
    if (!version) throw new ApiError(422, 'no_such_version', `the pipeline has no version ${s.version}`);
    checkParams(version.version.doc, s.params as Record<string, unknown>);
    const nodes = (version.version.doc as { nodes?: { id: string }[] }).nodes ?? [];
    if (s.watchNodeId && !nodes.some((n) => n.id === s.watchNodeId))
      throw new ApiError(422, 'no_such_node', `the pipeline has no node "${s.watchNodeId}" to watch`);
  };
  /** A webhook must reach a public address (or one an admin allowed): checked after DNS resolution. */
  const checkWebhook = async (url: string | null | undefined) => {
    if (!url) return;
    const { webhookAllowHosts } = readRunnerConfig(process.env, deps.config.dataDir);
    try {
      await checkWebhookTarget(url, { allowHosts: webhookAllowHosts });
    } catch (e) {
      if (e instanceof WebhookTargetError) throw new ApiError(422, 'webhook_refused', e.message, {}, e.msg);
      throw e;
    }
  };
  const next = (cron: string, tz: string) => {
    try {
      return nextRun(cron, tz, deps.now());
    } catch (e) {
      throw cronError(e);
    }
  };

  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(preview, async (c) => {
      const { cron, tz } = c.req.valid('query');
      try {
        checkCron(cron, tz);
        const times = nextRuns(cron, tz, deps.now(), 5).map((d) => d.toISOString());
        return c.json({ timeZone: tz, next: times }, 200);
      } catch (e) {
        throw cronError(e);
      }
    })
    .openapi(list, async (c) => {
      const { pipelineId } = c.req.valid('query');
      const { user } = authed(c);
      if (pipelineId) await viewable(db, pipelineId, user);
      const rows = await listSchedules(db, pipelineId ? { pipelineId } : { ownerId: user.id });
      return c.json({ items: rows.map((s) => present(s, user)) }, 200);
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json');
      const { user } = authed(c);
      await checkTarget(user, input);
      await checkWebhook(input.webhookUrl);
      const nextRunAt = next(input.cron, input.timeZone);
      const [row] = await db
        .insert(schedules)
        .values({ ...input, ownerId: user.id, nextRunAt, createdAt: deps.now(), updatedAt: deps.now() })
        .returning();
      return c.json(present(row!, user), 201);
    })
    .openapi(read, async (c) => {
      const { user } = authed(c);
      return c.json(present(await visible(c.req.valid('param').id, user), user), 200);
    })
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const changes = c.req.valid('json');
      const { user } = authed(c);
      const s = await changeable(id, user);
      const merged = { ...s, ...changes };
      const target = changes.params !== undefined || changes.version !== undefined || changes.watchNodeId !== undefined;
      if (target) await checkTarget(user, merged);
      if (changes.webhookUrl !== undefined) await checkWebhook(changes.webhookUrl);
      // A changed timing, or a resumed schedule, counts from now: paused time is not caught up.
      const retime = changes.cron !== undefined || changes.timeZone !== undefined || (changes.enabled && !s.enabled);
      const nextRunAt = retime ? next(merged.cron, merged.timeZone) : s.nextRunAt;
      const [row] = await db
        .update(schedules)
        .set({ ...changes, nextRunAt, updatedAt: deps.now() })
        .where(eq(schedules.id, id))
        .returning();
      return c.json(present(row!, user), 200);
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      await changeable(id, authed(c).user);
      await db.delete(schedules).where(eq(schedules.id, id));
      return c.body(null, 204);
    })
    .openapi(runNow, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      const s = await visible(id, user);
      // Seeing a shared schedule is not running it: a run fires the owner's webhook and notifications.
      if (user.role !== 'admin' && s.ownerId !== user.id) {
        throw new ApiError(
          403,
          'forbidden',
          "another user's schedule: only its owner or an admin can run it now",
          {},
          msg('api.schedule_not_yours'),
        );
      }
      await checkTarget(user, s);
      const settings = readRunnerConfig(process.env, deps.config.dataDir);
      const run = await enqueueRequested(
        db,
        {
          pipelineId: s.pipelineId,
          scheduleId: s.id,
          version: s.version,
          params: s.params,
          maxAttempts: settings.maxAttempts,
          runAfter: deps.now(),
          trigger: 'manual',
          requestedBy: user.id,
          createdAt: deps.now(),
        },
        settings.queuePerUser,
      );
      if (!run) {
        const limit = settings.queuePerUser;
        throw new ApiError(
          429,
          'rate_limited',
          `you already have ${limit} runs queued or running; run again once one has ended`,
          { retryAfterS: Math.max(1, Math.ceil(settings.intervalMs / 1000) * 6) }, // about six runner ticks
          msg('api.run_queue_full', { limit }),
        );
      }
      return c.json(toRunJson(run), 202);
    });
}
