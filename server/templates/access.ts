/**
 * Who may see and change a template: published ones are seen by everyone signed in; drafts only by their owner
 * and admins. Changing (settings, preview, delete) is for the owner or an admin; marking an excellent case for
 * reviewers and admins.
 */
import { eq, or, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../context.ts';
import { type TemplateRow, templates } from '../db/schema.ts';
import { forbidden } from '../errors.ts';

type Access = Pick<TemplateRow, 'ownerId' | 'status'>;

export const canEditTemplate = (user: SessionUser, t: Access) => user.role === 'admin' || t.ownerId === user.id;
export const canViewTemplate = (user: SessionUser, t: Access) => t.status === 'published' || canEditTemplate(user, t);

export function templatesVisibleTo(user: SessionUser): SQL {
  if (user.role === 'admin') return sql`true`;
  return or(eq(templates.status, 'published'), eq(templates.ownerId, user.id))!;
}

export function requireReviewer(user: SessionUser): void {
  if (user.role !== 'reviewer' && user.role !== 'admin') {
    throw forbidden('only reviewers and admins mark excellent cases');
  }
}
