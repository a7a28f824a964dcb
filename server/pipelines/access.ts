/**
 * Who may see and change a pipeline. Viewing: the owner, an admin, anyone when public, and users of the
 * pipeline's department when shared with it. Changing (save, restore, tags, visibility, delete): the owner
 * or an admin. A deleted pipeline is seen only by its owner and admins (to restore it).
 */
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../context.ts';
import { type PipelineRow, pipelines } from '../db/schema.ts';

type Access = Pick<PipelineRow, 'ownerId' | 'visibility' | 'department' | 'deletedAt'>;

export function canEdit(user: SessionUser, p: Access): boolean {
  return user.role === 'admin' || p.ownerId === user.id;
}

export function canView(user: SessionUser, p: Access): boolean {
  if (canEdit(user, p)) return true;
  if (p.deletedAt) return false;
  if (p.visibility === 'public') return true;
  return p.visibility === 'department' && user.department !== null && p.department === user.department;
}

/** `canView` as a WHERE condition, for listings (deleted rows are filtered separately). */
export function visibleTo(user: SessionUser): SQL {
  if (user.role === 'admin') return sql`true`;
  const shared = [eq(pipelines.ownerId, user.id), eq(pipelines.visibility, 'public')];
  if (user.department !== null) {
    shared.push(and(eq(pipelines.visibility, 'department'), eq(pipelines.department, user.department))!);
  }
  return or(...shared)!;
}
