import { and, arrayContains, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type PipelineRow, type PipelineVersionRow, pipelines, pipelineVersions, users } from '../db/schema.ts';
import { canEdit, visibleTo } from './access.ts';

const person = { id: users.id, username: users.username, displayName: users.displayName };
export type Person = { id: string; username: string; displayName: string };

export interface PipelineWithOwner {
  pipeline: PipelineRow;
  owner: Person;
}

export function toSummary({ pipeline: p, owner }: PipelineWithOwner, viewer: SessionUser) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    tags: p.tags,
    visibility: p.visibility,
    department: p.department,
    owner,
    latestVersion: p.latestVersion,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    deletedAt: p.deletedAt?.toISOString() ?? null,
    canEdit: canEdit(viewer, p),
  };
}

export async function findPipeline(db: Db, id: string): Promise<PipelineWithOwner | undefined> {
  const [row] = await db
    .select({ pipeline: pipelines, owner: person })
    .from(pipelines)
    .innerJoin(users, eq(users.id, pipelines.ownerId))
    .where(eq(pipelines.id, id));
  return row;
}

export interface ListFilter {
  q?: string;
  tag?: string;
  owner?: string;
  deleted: boolean;
  limit: number;
  offset: number;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Pipelines the viewer may see, newest change first. The trash (`deleted`) shows only what they may restore. */
export async function listPipelines(db: Db, viewer: SessionUser, f: ListFilter) {
  const where: (SQL | undefined)[] = [visibleTo(viewer)];
  if (f.deleted) {
    where.push(isNotNull(pipelines.deletedAt));
    if (viewer.role !== 'admin') where.push(eq(pipelines.ownerId, viewer.id));
  } else {
    where.push(isNull(pipelines.deletedAt));
  }
  if (f.q) where.push(or(ilike(pipelines.name, likePattern(f.q)), ilike(pipelines.description, likePattern(f.q))));
  if (f.tag) where.push(arrayContains(pipelines.tags, [f.tag]));
  if (f.owner) where.push(eq(pipelines.ownerId, f.owner === 'me' ? viewer.id : f.owner));
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select({ pipeline: pipelines, owner: person })
      .from(pipelines)
      .innerJoin(users, eq(users.id, pipelines.ownerId))
      .where(condition)
      .orderBy(desc(pipelines.updatedAt), desc(pipelines.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(pipelines).where(condition),
  ]);
  return { items: rows.map((r) => toSummary(r, viewer)), total: total?.n ?? 0, limit: f.limit, offset: f.offset };
}

export interface VersionWithAuthor {
  version: PipelineVersionRow;
  author: Person;
}

export function toVersion({ version: v, author }: VersionWithAuthor) {
  return {
    version: v.version,
    author,
    message: v.message,
    createdAt: v.createdAt.toISOString(),
    restoredFrom: v.restoredFrom,
  };
}

export function listVersions(db: Db, pipelineId: string): Promise<VersionWithAuthor[]> {
  return db
    .select({ version: pipelineVersions, author: person })
    .from(pipelineVersions)
    .innerJoin(users, eq(users.id, pipelineVersions.authorId))
    .where(eq(pipelineVersions.pipelineId, pipelineId))
    .orderBy(desc(pipelineVersions.version));
}

export async function findVersion(db: Db, pipelineId: string, version: number): Promise<VersionWithAuthor | undefined> {
  const [row] = await db
    .select({ version: pipelineVersions, author: person })
    .from(pipelineVersions)
    .innerJoin(users, eq(users.id, pipelineVersions.authorId))
    .where(and(eq(pipelineVersions.pipelineId, pipelineId), eq(pipelineVersions.version, version)));
  return row;
}

export async function updatePipeline(
  db: Db,
  id: string,
  changes: Partial<Pick<PipelineRow, 'tags' | 'visibility' | 'department' | 'deletedAt' | 'updatedAt'>>,
): Promise<void> {
  await db.update(pipelines).set(changes).where(eq(pipelines.id, id));
}
