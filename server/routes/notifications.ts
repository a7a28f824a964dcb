import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { NOTIFICATION_KINDS } from '../db/schema.ts';
import { errorResponses } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { listNotifications, markRead } from '../notifications/queries.ts';
import { idParam, router } from './router.ts';

const json = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const tags = ['notifications'];

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    runId: z.uuid().nullable(),
    pipelineId: z.uuid().nullable(),
    scheduleId: z.uuid().nullable(),
    nodeId: z.string().nullable(),
    message: z.string(),
    data: z.record(z.string(), z.unknown()),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Notification');
const listSchema = z.object({ items: z.array(notificationSchema), unread: z.number() });
const changed = z.object({ changed: z.number() });

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Your notifications (newest first) and how many are unread',
  request: {
    query: z.object({
      unread: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: { 200: json('Notifications', listSchema), ...errorResponses(400, 401) },
});
const readOne = createRoute({
  method: 'post',
  path: '/{id}/read',
  tags,
  summary: 'Mark one of your notifications read',
  request: { params: idParam },
  responses: { 200: json('How many changed', changed), ...errorResponses(400, 401) },
});
const readAll = createRoute({
  method: 'post',
  path: '/read-all',
  tags,
  summary: 'Mark all your notifications read',
  responses: { 200: json('How many changed', changed), ...errorResponses(401) },
});

export function notificationRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(list, async (c) => {
      const { unread, limit } = c.req.valid('query');
      return c.json(await listNotifications(db, authed(c).user.id, { unread: unread === 'true', limit }), 200);
    })
    .openapi(readAll, async (c) => c.json({ changed: await markRead(db, authed(c).user.id, deps.now()) }, 200))
    .openapi(readOne, async (c) => {
      const { id } = c.req.valid('param');
      return c.json({ changed: await markRead(db, authed(c).user.id, deps.now(), id) }, 200);
    });
}
