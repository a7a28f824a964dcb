/**
 * The data map: every dataset the viewer may see with its stage, profile, join keys and dictionary links, and its
 * lineage — the pipelines whose latest version reads it by id, their schedules and the dashboards showing them.
 * Only what the viewer may see: a pipeline they may not open is left out entirely (not even counted), and so are
 * its schedules and any dashboard they may not open.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { guessStage, joinKeys, STAGES, type Stage } from '../../nodes/model/_clearance-stages.ts';
import type { SessionUser } from '../context.ts';
import { listDashboards } from '../dashboards/queries.ts';
import type { ColumnProfile } from '../datasets/profile.ts';
import { datasetCanEdit, datasetsVisibleTo, datasetUsage } from '../datasets/queries.ts';
import type { Db } from '../db/client.ts';
import { datasetCatalog, datasets, schedules, users } from '../db/schema.ts';
import { fieldDictionary } from './dictionary.ts';

export interface Lineage {
  pipelines: { id: string; name: string }[];
  schedules: { id: string; name: string; cron: string; pipelineId: string; enabled: boolean }[];
  dashboards: { id: string; title: string; pipelineIds: string[] }[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function dataMap(db: Db, viewer: SessionUser) {
  const rows = await db
    .select({ dataset: datasets, owner: users.displayName, attrs: datasetCatalog })
    .from(datasets)
    .innerJoin(users, eq(users.id, datasets.ownerId))
    .leftJoin(datasetCatalog, eq(datasetCatalog.datasetId, datasets.id))
    .where(datasetsVisibleTo(viewer))
    .orderBy(asc(datasets.name), asc(datasets.id));
  const lineage = await lineageOf(
    db,
    rows.map((r) => r.dataset.id),
    viewer,
  );
  const dictionaryOf = new Map<string, number>();
  for (const f of fieldDictionary()) for (const c of f.columns) dictionaryOf.set(c, f.no);
  const items = rows.map(({ dataset: d, owner, attrs }) => {
    const profile = (d.profile as ColumnProfile[] | null) ?? [];
    const names = profile.map((c) => c.name);
    const set = STAGES.includes(attrs?.stage as Stage) ? (attrs!.stage as Stage) : null;
    return {
      id: d.id,
      name: d.name,
      format: d.format,
      stage: set ?? guessStage(names),
      stageGuessed: set === null,
      refresh: attrs?.refresh ?? '',
      note: attrs?.note ?? '',
      owner,
      visibility: d.visibility,
      department: d.department,
      rows: d.rows,
      nullPercent: profile.length ? round1(profile.reduce((a, c) => a + c.nullPercent, 0) / profile.length) : 0,
      columns: profile.map((c) => ({
        name: c.name,
        type: c.type,
        nullPercent: round1(c.nullPercent),
        field: dictionaryOf.get(c.name) ?? null,
      })),
      joinKeys: joinKeys(names),
      updatedAt: d.updatedAt.toISOString(),
      canEdit: datasetCanEdit(viewer, d),
      lineage: lineage.get(d.id) ?? { pipelines: [], schedules: [], dashboards: [] },
    };
  });
  return { items, dictionary: fieldDictionary() };
}

/** Per dataset id: the visible pipelines reading it, their schedules and the visible dashboards showing them. */
export async function lineageOf(db: Db, ids: string[], viewer: SessionUser): Promise<Map<string, Lineage>> {
  const out = new Map<string, Lineage>();
  const usage = (await datasetUsage(db, ids, viewer)).filter((u) => u.visible);
  if (usage.length === 0) return out;
  const pipelineIds = [...new Set(usage.map((u) => u.pipelineId))];
  const scheduleRows = await db
    .select({
      id: schedules.id,
      name: schedules.name,
      cron: schedules.cron,
      pipelineId: schedules.pipelineId,
      enabled: schedules.enabled,
    })
    .from(schedules)
    .where(inArray(schedules.pipelineId, pipelineIds))
    .orderBy(asc(schedules.createdAt));
  const boards = (await listDashboards(db, viewer, false)).map(({ dashboard }) => ({
    id: dashboard.id,
    title: dashboard.title,
    pipelineIds: [
      ...new Set(
        ((dashboard.layout as { pipelineId?: string }[] | null) ?? [])
          .map((item) => item.pipelineId)
          .filter((p): p is string => typeof p === 'string' && pipelineIds.includes(p)),
      ),
    ],
  }));
  for (const u of usage) {
    let l = out.get(u.datasetId);
    if (!l) {
      l = { pipelines: [], schedules: [], dashboards: [] };
      out.set(u.datasetId, l);
    }
    l.pipelines.push({ id: u.pipelineId, name: u.name });
    l.schedules.push(...scheduleRows.filter((s) => s.pipelineId === u.pipelineId));
    for (const b of boards) {
      if (b.pipelineIds.includes(u.pipelineId) && !l.dashboards.some((x) => x.id === b.id)) l.dashboards.push(b);
    }
  }
  return out;
}
