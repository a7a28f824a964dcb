import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type NotificationRow, notifications } from '../db/schema.ts';

export async function listNotifications(db: Db, userId: string, options: { unread: boolean; limit: number }) {
  const mine = eq(notifications.userId, userId);
  const rows = await db
    .select()
    .from(notifications)
    .where(options.unread ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt))
    .limit(options.limit);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { items: rows.map(toNotificationJson), unread: unread?.n ?? 0 };
}

/** Marks one (or, without `id`, every) unread notification of the user read; returns how many changed. */
export async function markRead(db: Db, userId: string, now: Date, id?: string): Promise<number> {
  const where = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (id) where.push(eq(notifications.id, id));
  const changed = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(...where))
    .returning({ id: notifications.id });
  return changed.length;
}

export const toNotificationJson = (n: NotificationRow) => ({
  id: n.id,
  kind: n.kind,
  runId: n.runId,
  pipelineId: n.pipelineId,
  scheduleId: n.scheduleId,
  nodeId: n.nodeId,
  message: n.message,
  data: n.data as Record<string, unknown>,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});
