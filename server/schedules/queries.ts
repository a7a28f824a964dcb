import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type ScheduleRow, schedules } from '../db/schema.ts';

export async function findSchedule(db: Db, id: string): Promise<ScheduleRow | undefined> {
  const [row] = await db.select().from(schedules).where(eq(schedules.id, id));
  return row;
}

export async function listSchedules(db: Db, filter: { pipelineId?: string; ownerId?: string }): Promise<ScheduleRow[]> {
  const where = [];
  if (filter.pipelineId) where.push(eq(schedules.pipelineId, filter.pipelineId));
  if (filter.ownerId) where.push(eq(schedules.ownerId, filter.ownerId));
  return db
    .select()
    .from(schedules)
    .where(and(...where))
    .orderBy(desc(schedules.createdAt))
    .limit(500);
}

export const toScheduleJson = (s: ScheduleRow) => ({
  id: s.id,
  pipelineId: s.pipelineId,
  ownerId: s.ownerId,
  name: s.name,
  cron: s.cron,
  timeZone: s.timeZone,
  params: s.params as Record<string, unknown>,
  version: s.version,
  enabled: s.enabled,
  alertOnFailure: s.alertOnFailure,
  watchNodeId: s.watchNodeId,
  webhookUrl: s.webhookUrl,
  nextRunAt: s.nextRunAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
