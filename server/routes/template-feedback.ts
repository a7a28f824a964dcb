import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import { type TemplateRow, templateComments, templateRatings, templates, users } from '../db/schema.ts';
import { ApiError, errorResponses, forbidden, notFound } from '../errors.ts';
import { authed } from '../middleware/require-user.ts';
import { requireReviewer } from '../templates/access.ts';
import { ratingSummary, toSummary, viewableTemplate } from '../templates/queries.ts';
import {
  commentBody,
  commentParams,
  commentSchema,
  excellentBody,
  ratingBody,
  ratingSchema,
  summarySchema,
} from '../templates/schemas.ts';
import { recordEvent } from '../templates/use.ts';
import { json, jsonBody } from './openapi-helpers.ts';
import { idParam, router } from './router.ts';

const tags = ['templates'];

const rate = createRoute({
  method: 'put',
  path: '/{id}/rating',
  tags,
  summary: 'Rate 1–5 stars (one rating per user; rating again replaces it). Not your own template, not a draft',
  request: { params: idParam, ...jsonBody(ratingBody) },
  responses: { 200: json('Your rating and the new average', ratingSchema), ...errorResponses(400, 401, 403, 404, 422) },
});

const listComments = createRoute({
  method: 'get',
  path: '/{id}/comments',
  tags,
  summary: 'Comments, oldest first',
  request: { params: idParam },
  responses: {
    200: json('Comments', z.object({ items: z.array(commentSchema) })),
    ...errorResponses(400, 401, 403, 404),
  },
});

const addComment = createRoute({
  method: 'post',
  path: '/{id}/comments',
  tags,
  summary: 'Comment on a template',
  request: { params: idParam, ...jsonBody(commentBody) },
  responses: { 201: json('The comment', commentSchema), ...errorResponses(400, 401, 403, 404, 422) },
});

const deleteComment = createRoute({
  method: 'delete',
  path: '/{id}/comments/{commentId}',
  tags,
  summary: 'Delete a comment (its author, or an admin)',
  request: { params: commentParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
});

const markExcellent = createRoute({
  method: 'put',
  path: '/{id}/excellent',
  tags,
  summary: 'Mark or unmark an excellent case (reviewers and admins)',
  request: { params: idParam, ...jsonBody(excellentBody) },
  responses: { 200: json('Updated', summarySchema), ...errorResponses(400, 401, 403, 404, 422) },
});

const draftError = () => new ApiError(422, 'template_draft', 'the template is a draft: publish it first');

export function templateFeedbackRoutes(deps: AppDeps) {
  const { db } = deps;
  const published = async (id: string, user: SessionUser): Promise<TemplateRow> => {
    const { template } = await viewableTemplate(db, id, user);
    if (template.status !== 'published') throw draftError();
    return template;
  };
  const author = { id: users.id, username: users.username, displayName: users.displayName };
  const canDelete = (user: SessionUser, authorId: string) => user.role === 'admin' || user.id === authorId;

  return router<AppEnv>()
    .openapi(rate, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      const { stars } = c.req.valid('json');
      const template = await published(id, user);
      if (template.ownerId === user.id) throw forbidden('you cannot rate your own template');
      const now = deps.now();
      await db
        .insert(templateRatings)
        .values({ templateId: id, userId: user.id, stars, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [templateRatings.templateId, templateRatings.userId],
          set: { stars, updatedAt: now },
        });
      await recordEvent(db, id, user.id, 'rating', stars, now);
      return c.json({ mine: stars, ...(await ratingSummary(db, id)) }, 200);
    })
    .openapi(listComments, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      await viewableTemplate(db, id, user);
      const rows = await db
        .select({ comment: templateComments, author })
        .from(templateComments)
        .innerJoin(users, eq(users.id, templateComments.authorId))
        .where(eq(templateComments.templateId, id))
        .orderBy(asc(templateComments.createdAt), asc(templateComments.id));
      const items = rows.map(({ comment: m, author: a }) => ({
        id: m.id,
        author: a,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
        canDelete: canDelete(user, m.authorId),
      }));
      return c.json({ items }, 200);
    })
    .openapi(addComment, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      await published(id, user);
      const [row] = await db
        .insert(templateComments)
        .values({ templateId: id, authorId: user.id, body: c.req.valid('json').body, createdAt: deps.now() })
        .returning();
      const a = { id: user.id, username: user.username, displayName: user.displayName };
      return c.json(
        { id: row!.id, author: a, body: row!.body, createdAt: row!.createdAt.toISOString(), canDelete: true },
        201,
      );
    })
    .openapi(deleteComment, async (c) => {
      const { id, commentId } = c.req.valid('param');
      const { user } = authed(c);
      await viewableTemplate(db, id, user);
      const where = and(eq(templateComments.id, commentId), eq(templateComments.templateId, id));
      const [row] = await db.select().from(templateComments).where(where);
      if (!row) throw notFound('comment');
      if (!canDelete(user, row.authorId)) throw forbidden('only the author or an admin can delete this comment');
      await db.delete(templateComments).where(where);
      return c.body(null, 204);
    })
    .openapi(markExcellent, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      requireReviewer(user);
      await published(id, user);
      const { excellent } = c.req.valid('json');
      const now = deps.now();
      await db
        .update(templates)
        .set({ excellent, excellentBy: excellent ? user.id : null, excellentAt: excellent ? now : null })
        .where(eq(templates.id, id));
      return c.json(toSummary(await viewableTemplate(db, id, user), user), 200);
    });
}
