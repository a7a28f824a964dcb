/** Reading and writing analysis requests, their history and the notifications each step sends. */
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SessionUser } from '../context.ts';
import type { Db } from '../db/client.ts';
import {
  type AnalysisRequestRow,
  analysisRequestEvents,
  analysisRequests,
  notifications,
  type RequestState,
  users,
} from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { allowedActions, canViewRequest } from './workflow.ts';

const requester = alias(users, 'requester');
const analyst = alias(users, 'analyst');

export type RequestListScope = 'mine' | 'review' | 'assigned' | 'all';

/** Which requests a user sees, as a WHERE condition (same rule as `canViewRequest`). */
export function requestsVisibleTo(user: SessionUser): SQL {
  if (user.role === 'admin') return sql`true`;
  const seen: SQL[] = [eq(analysisRequests.requesterId, user.id), eq(analysisRequests.analystId, user.id)];
  if (user.role === 'reviewer') {
    seen.push(
      user.department === null
        ? isNull(analysisRequests.department)
        : or(isNull(analysisRequests.department), eq(analysisRequests.department, user.department))!,
    );
  }
  return or(...seen)!;
}

function scopeCondition(user: SessionUser, scope: RequestListScope): SQL {
  if (scope === 'mine') return eq(analysisRequests.requesterId, user.id);
  if (scope === 'assigned') return eq(analysisRequests.analystId, user.id);
  if (scope === 'review') {
    // what waits for a reviewer's step: 신청, 검토/승인 and 업무국 협조
    return inArray(analysisRequests.state, ['submitted', 'approved', 'cooperation']);
  }
  return sql`true`;
}

const listColumns = {
  request: analysisRequests,
  requester: { id: requester.id, username: requester.username, displayName: requester.displayName },
  analyst: { id: analyst.id, username: analyst.username, displayName: analyst.displayName },
};

export async function listRequests(db: Db, user: SessionUser, scope: RequestListScope, limit: number) {
  const rows = await db
    .select(listColumns)
    .from(analysisRequests)
    .innerJoin(requester, eq(requester.id, analysisRequests.requesterId))
    .leftJoin(analyst, eq(analyst.id, analysisRequests.analystId))
    .where(and(requestsVisibleTo(user), scopeCondition(user, scope)))
    .orderBy(desc(analysisRequests.updatedAt))
    .limit(limit);
  return rows.map((r) => toRequestJson(r, user));
}

type Person = { id: string; username: string; displayName: string };
type Listed = { request: AnalysisRequestRow; requester: Person; analyst: Person | null };

export function toRequestJson({ request: r, requester, analyst }: Listed, viewer: SessionUser) {
  return {
    id: r.id,
    title: r.title,
    purpose: r.purpose,
    content: r.content,
    dataWanted: r.dataWanted,
    dueDate: r.dueDate,
    attachments: (r.attachments as Attachment[]).map(shown),
    state: r.state,
    department: r.department,
    cooperationDepartment: r.cooperationDepartment,
    requester,
    analyst: analyst?.id ? analyst : null,
    result: r.resultKind && r.resultId ? { kind: r.resultKind, id: r.resultId } : null,
    actions: allowedActions(viewer, r),
    canComment: true,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export type Attachment =
  | { kind: 'dataset'; datasetId: string; name: string }
  | { kind: 'link'; url: string; label: string }
  | {
      kind: 'file';
      fileId: string;
      /** As uploaded (shown); `storedName` is the sanitized name on disk. */
      name: string;
      storedName: string;
      size: number;
      sha256: string;
      uploadedBy: string;
      uploadedAt: string;
    };

/** What a reader sees of an attachment: a file without its name on disk. */
const shown = (a: Attachment) => {
  if (a.kind !== 'file') return a;
  const { storedName: _disk, ...rest } = a;
  return rest;
};

/** The request with its people, or 404 when it does not exist or the user may not see it. */
export async function viewableRequest(db: Db, id: string, user: SessionUser): Promise<Listed> {
  const [row] = await db
    .select(listColumns)
    .from(analysisRequests)
    .innerJoin(requester, eq(requester.id, analysisRequests.requesterId))
    .leftJoin(analyst, eq(analyst.id, analysisRequests.analystId))
    .where(eq(analysisRequests.id, id));
  if (!row || !canViewRequest(user, row.request)) throw notFound('request');
  return row;
}

export async function requestHistory(db: Db, id: string) {
  const rows = await db
    .select({
      event: analysisRequestEvents,
      actor: { id: users.id, username: users.username, displayName: users.displayName },
    })
    .from(analysisRequestEvents)
    .innerJoin(users, eq(users.id, analysisRequestEvents.actorId))
    .where(eq(analysisRequestEvents.requestId, id))
    .orderBy(asc(analysisRequestEvents.at), asc(analysisRequestEvents.seq));
  return rows.map(({ event: e, actor }) => ({
    id: e.id,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    comment: e.comment,
    actor,
    at: e.at.toISOString(),
  }));
}

export interface Move {
  requestId: string;
  actorId: string;
  action: string;
  fromState: RequestState | null;
  toState: RequestState;
  comment: string;
  at: Date;
  /** Columns changed with the state (analyst, result, cooperating department). */
  set?: Partial<typeof analysisRequests.$inferInsert>;
  /** Who is told (the actor never is). */
  notify: string[];
  title: string;
}

/**
 * Applies a move in one transaction, only if the request is still in `fromState` (two reviewers pressing at
 * once: the second gets `false` and a 409). Writes the history line and the notifications.
 */
export async function applyMove(db: Db, m: Move): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (m.fromState !== null) {
      const changed = await tx
        .update(analysisRequests)
        .set({ ...m.set, state: m.toState, updatedAt: m.at })
        .where(and(eq(analysisRequests.id, m.requestId), eq(analysisRequests.state, m.fromState)))
        .returning({ id: analysisRequests.id });
      if (changed.length === 0) return false;
    } else if (m.action === 'comment') {
      await tx.update(analysisRequests).set({ updatedAt: m.at }).where(eq(analysisRequests.id, m.requestId));
    }
    await tx.insert(analysisRequestEvents).values({
      requestId: m.requestId,
      actorId: m.actorId,
      action: m.action,
      fromState: m.fromState,
      toState: m.toState,
      comment: m.comment,
      at: m.at,
    });
    const people = [...new Set(m.notify)].filter((id) => id !== m.actorId);
    if (people.length > 0) {
      await tx.insert(notifications).values(
        people.map((userId) => ({
          userId,
          kind: 'request' as const,
          message: `analysis request "${m.title}": ${m.action}`,
          data: { requestId: m.requestId, title: m.title, action: m.action, state: m.toState },
          createdAt: m.at,
        })),
      );
    }
    return true;
  });
}

/** Reviewers who are told of a new request: its department's (all reviewers when it has none). */
export async function reviewersOf(db: Db, department: string | null): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, 'reviewer'),
        isNull(users.disabledAt),
        department === null ? sql`true` : eq(users.department, department),
      ),
    );
  return rows.map((r) => r.id);
}

export async function activeUser(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, department: users.department })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)));
  return row;
}
