/** Template rows with their owner and rating summary: lookup and the searchable gallery listing. */
import { and, arrayContains, avg, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type TemplateCategory, type TemplateRow, templateRatings, templates, users } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Person } from '../pipelines/queries.ts';
import { canEditTemplate, canViewTemplate, templatesVisibleTo } from './access.ts';

const person = { id: users.id, username: users.username, displayName: users.displayName };
const ratingAvg = sql<
  string | null
>`(select avg(${templateRatings.stars}) from ${templateRatings} where ${templateRatings.templateId} = ${templates.id})`;
const ratingCount =
  sql<number>`(select count(*) from ${templateRatings} where ${templateRatings.templateId} = ${templates.id})`.mapWith(
    Number,
  );

export interface TemplateWithOwner {
  template: TemplateRow;
  owner: Person;
  ratingAvg: string | null;
  ratingCount: number;
}

const columns = { template: templates, owner: person, ratingAvg, ratingCount };

export function toSummary(found: TemplateWithOwner, viewer: SessionUser) {
  const t = found.template;
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    tags: t.tags,
    category: t.category,
    status: t.status,
    excellent: t.excellent,
    owner: found.owner,
    pipelineId: t.pipelineId,
    pipelineVersion: t.pipelineVersion,
    hasPreview: t.preview !== null,
    useCount: t.useCount,
    rating: {
      average: found.ratingAvg === null ? null : Math.round(Number(found.ratingAvg) * 100) / 100,
      count: found.ratingCount,
    },
    publishedAt: t.publishedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    canEdit: canEditTemplate(viewer, t),
  };
}

export async function findTemplate(db: Db, id: string): Promise<TemplateWithOwner | undefined> {
  const [row] = await db
    .select(columns)
    .from(templates)
    .innerJoin(users, eq(users.id, templates.ownerId))
    .where(eq(templates.id, id));
  return row;
}

/** The template if the user may see it (404 otherwise: drafts are not acknowledged to others). */
export async function viewableTemplate(db: Db, id: string, user: SessionUser): Promise<TemplateWithOwner> {
  const found = await findTemplate(db, id);
  if (!found || !canViewTemplate(user, found.template)) throw notFound('template');
  return found;
}

export interface TemplateFilter {
  q?: string;
  tag?: string;
  category?: TemplateCategory;
  excellent?: 'true' | 'false';
  mine: 'true' | 'false';
  sort: 'recent' | 'uses' | 'rating';
  limit: number;
  offset: number;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export async function listTemplates(db: Db, viewer: SessionUser, f: TemplateFilter) {
  const where: (SQL | undefined)[] = [templatesVisibleTo(viewer)];
  if (f.mine === 'true') where.push(eq(templates.ownerId, viewer.id));
  else where.push(eq(templates.status, 'published'));
  if (f.q) {
    const tagHit = sql`exists (select 1 from unnest(${templates.tags}) t where lower(t) = ${f.q.toLowerCase()})`;
    where.push(or(ilike(templates.title, like(f.q)), ilike(templates.description, like(f.q)), tagHit));
  }
  if (f.tag) where.push(arrayContains(templates.tags, [f.tag]));
  if (f.category) where.push(eq(templates.category, f.category));
  if (f.excellent) where.push(eq(templates.excellent, f.excellent === 'true'));
  const condition = and(...where);
  const order =
    f.sort === 'uses'
      ? [desc(templates.useCount)]
      : f.sort === 'rating'
        ? [sql`${ratingAvg} desc nulls last`]
        : [desc(templates.updatedAt)];
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(templates)
      .innerJoin(users, eq(users.id, templates.ownerId))
      .where(condition)
      .orderBy(...order, desc(templates.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(templates).where(condition),
  ]);
  return { items: rows.map((r) => toSummary(r, viewer)), total: total?.n ?? 0, limit: f.limit, offset: f.offset };
}

export async function ratingSummary(db: Db, templateId: string) {
  const [row] = await db
    .select({ average: avg(templateRatings.stars), count: count() })
    .from(templateRatings)
    .where(eq(templateRatings.templateId, templateId));
  const average = row?.average === null || row?.average === undefined ? null : Number(row.average);
  return { average: average === null ? null : Math.round(average * 100) / 100, count: row?.count ?? 0 };
}
