/** Loads the events a ranking needs and ranks the current and previous period (for ▲/▼). */
import { and, eq, gte, inArray, lte, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { templateEvents, templates } from '../db/schema.ts';
import { PERIODS, type Period, type RankEvent, rankChange, rankTemplates } from './ranking.ts';

export async function templateRanking(db: Db, period: Period, now: Date, limit: number) {
  const end = now.getTime();
  const { windowMs, previousShiftMs } = PERIODS[period];
  const previousEnd = end - previousShiftMs;
  // Reuse events from the start of the previous window; ratings from all time (each user's latest counts).
  const from = windowMs === null ? new Date(0) : new Date(previousEnd - windowMs);
  const rows = await db
    .select({
      templateId: templateEvents.templateId,
      userId: templateEvents.userId,
      kind: templateEvents.kind,
      value: templateEvents.value,
      at: templateEvents.at,
    })
    .from(templateEvents)
    .innerJoin(templates, eq(templates.id, templateEvents.templateId))
    .where(
      and(
        eq(templates.status, 'published'),
        lte(templateEvents.at, now),
        or(eq(templateEvents.kind, 'rating'), gte(templateEvents.at, from)),
      ),
    );
  const events: RankEvent[] = rows.map((r) => ({ ...r, at: r.at.getTime() }));
  const excellentRows = await db
    .select({ id: templates.id })
    .from(templates)
    .where(and(eq(templates.status, 'published'), eq(templates.excellent, true)));
  const excellent = new Set(excellentRows.map((r) => r.id));
  const current = rankTemplates({ events, excellent, end, period }).slice(0, limit);
  const previous = new Map(
    rankTemplates({ events, excellent, end: previousEnd, period }).map((r) => [r.templateId, r.rank]),
  );
  const info = await templateInfo(
    db,
    current.map((r) => r.templateId),
  );
  return current.map((r) => ({
    ...r,
    score: Math.round(r.score * 1000) / 1000,
    template: info.get(r.templateId)!,
    change: rankChange(r.rank, previous.get(r.templateId)),
  }));
}

async function templateInfo(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, never>();
  const rows = await db
    .select({ id: templates.id, title: templates.title, category: templates.category, excellent: templates.excellent })
    .from(templates)
    .where(inArray(templates.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
