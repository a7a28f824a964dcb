import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type DashboardRow, dashboards, users } from '../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';
import { canEdit, canView } from '../pipelines/access.ts';
import type { Person } from '../pipelines/queries.ts';
import type { DashboardFilter, DashboardItem } from './schemas.ts';

const person = { id: users.id, username: users.username, displayName: users.displayName };

export interface DashboardWithOwner {
  dashboard: DashboardRow;
  owner: Person;
}

export function toDashboardJson({ dashboard: d, owner }: DashboardWithOwner, viewer: SessionUser) {
  return {
    id: d.id,
    title: d.title,
    visibility: d.visibility,
    department: d.department,
    owner,
    layout: d.layout as DashboardItem[],
    filters: d.filters as DashboardFilter[],
    canEdit: canEdit(viewer, d),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

async function findDashboard(db: Db, id: string): Promise<DashboardWithOwner | undefined> {
  const [row] = await db
    .select({ dashboard: dashboards, owner: person })
    .from(dashboards)
    .innerJoin(users, eq(users.id, dashboards.ownerId))
    .where(and(eq(dashboards.id, id), isNull(dashboards.deletedAt)));
  return row;
}

/** Same rule as pipelines: 404 to whoever may not see it (its existence is not told). */
export async function viewableDashboard(db: Db, id: string, user: SessionUser): Promise<DashboardWithOwner> {
  const found = await findDashboard(db, id);
  if (!found || !canView(user, found.dashboard)) throw notFound('dashboard');
  return found;
}

export async function editableDashboard(db: Db, id: string, user: SessionUser): Promise<DashboardWithOwner> {
  const found = await viewableDashboard(db, id, user);
  if (!canEdit(user, found.dashboard)) throw forbidden('only the owner or an admin can change this dashboard');
  return found;
}

function visibleTo(user: SessionUser): SQL {
  if (user.role === 'admin') return sql`true`;
  const shared = [eq(dashboards.ownerId, user.id), eq(dashboards.visibility, 'public')];
  if (user.department !== null) {
    shared.push(and(eq(dashboards.visibility, 'department'), eq(dashboards.department, user.department))!);
  }
  return or(...shared)!;
}

/** Dashboards the user may see, newest change first; `mine` keeps only their own. */
export function listDashboards(db: Db, user: SessionUser, mine: boolean): Promise<DashboardWithOwner[]> {
  const who = mine ? eq(dashboards.ownerId, user.id) : visibleTo(user);
  return db
    .select({ dashboard: dashboards, owner: person })
    .from(dashboards)
    .innerJoin(users, eq(users.id, dashboards.ownerId))
    .where(and(who, isNull(dashboards.deletedAt)))
    .orderBy(desc(dashboards.updatedAt))
    .limit(200);
}

export async function insertDashboard(db: Db, values: typeof dashboards.$inferInsert): Promise<string> {
  const [row] = await db.insert(dashboards).values(values).returning({ id: dashboards.id });
  return row!.id;
}

export async function updateDashboard(
  db: Db,
  id: string,
  changes: Partial<Pick<DashboardRow, 'title' | 'visibility' | 'department' | 'layout' | 'filters' | 'deletedAt'>> & {
    updatedAt: Date;
  },
): Promise<void> {
  await db.update(dashboards).set(changes).where(eq(dashboards.id, id));
}
