/** Dataset rows: listing with visibility, lookup, and where each dataset is used by pipelines. */
import { and, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type DatasetRow, datasets, pipelines, pipelineVersions, users } from '../db/schema.ts';
import { canEdit, canView, visibleTo as pipelinesVisibleTo } from '../pipelines/access.ts';
import type { Person } from '../pipelines/queries.ts';

const person = { id: users.id, username: users.username, displayName: users.displayName };

export interface DatasetWithOwner {
  dataset: DatasetRow;
  owner: Person;
}

export const datasetCanView = (user: SessionUser, d: DatasetRow) => canView(user, { ...d, deletedAt: null });
export const datasetCanEdit = (user: SessionUser, d: DatasetRow) => canEdit(user, { ...d, deletedAt: null });

/** `datasetCanView` as a WHERE condition, for listings. */
export function datasetsVisibleTo(user: SessionUser): SQL {
  if (user.role === 'admin') return sql`true`;
  const shared = [eq(datasets.ownerId, user.id), eq(datasets.visibility, 'public')];
  if (user.department !== null) {
    shared.push(and(eq(datasets.visibility, 'department'), eq(datasets.department, user.department))!);
  }
  return or(...shared)!;
}

export async function findDataset(db: Db, id: string): Promise<DatasetWithOwner | undefined> {
  const [row] = await db
    .select({ dataset: datasets, owner: person })
    .from(datasets)
    .innerJoin(users, eq(users.id, datasets.ownerId))
    .where(eq(datasets.id, id));
  return row;
}

export interface DatasetFilter {
  q?: string;
  owner?: string;
  limit: number;
  offset: number;
}

export async function listDatasets(db: Db, viewer: SessionUser, f: DatasetFilter) {
  const where: (SQL | undefined)[] = [datasetsVisibleTo(viewer)];
  if (f.q) where.push(ilike(datasets.name, `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
  if (f.owner) where.push(eq(datasets.ownerId, f.owner === 'me' ? viewer.id : f.owner));
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select({ dataset: datasets, owner: person })
      .from(datasets)
      .innerJoin(users, eq(users.id, datasets.ownerId))
      .where(condition)
      .orderBy(desc(datasets.updatedAt), desc(datasets.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(datasets).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export interface Usage {
  datasetId: string;
  pipelineId: string;
  name: string;
  visible: boolean;
}

/**
 * Pipelines (not deleted) whose latest version has a `source.file` node reading one of `ids`. `visible` says
 * whether the viewer may see the pipeline (the others are only counted).
 */
export async function datasetUsage(db: Db, ids: string[], viewer: SessionUser): Promise<Usage[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      datasetId: sql<string>`n.node -> 'params' ->> 'datasetId'`,
      pipelineId: pipelines.id,
      name: pipelines.name,
      visible: sql<boolean>`${pipelinesVisibleTo(viewer)}`,
    })
    .from(pipelines)
    .innerJoin(
      pipelineVersions,
      and(eq(pipelineVersions.pipelineId, pipelines.id), eq(pipelineVersions.version, pipelines.latestVersion)),
    )
    .innerJoin(sql`jsonb_array_elements(${pipelineVersions.doc} -> 'nodes') as n(node)`, sql`true`)
    .where(
      and(
        isNull(pipelines.deletedAt),
        sql`n.node ->> 'type' = 'source.file'`,
        inArray(sql`n.node -> 'params' ->> 'datasetId'`, ids),
      ),
    );
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.datasetId}/${r.pipelineId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
