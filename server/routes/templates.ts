import { createRoute } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { PipelineDoc } from '../../runtime/document/pipeline-doc.ts';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import { templateRatings, templates } from '../db/schema.ts';
import { ApiError, errorResponses, forbidden } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { deletedError, editable } from '../pipelines/load.ts';
import { findVersion } from '../pipelines/queries.ts';
import { canEditTemplate } from '../templates/access.ts';
import { listTemplates, toSummary, viewableTemplate } from '../templates/queries.ts';
import {
  copyBody,
  createBody,
  detailSchema,
  listQuery,
  listSchema,
  openedSchema,
  patchBody,
  summarySchema,
  useBody,
  usedSchema,
} from '../templates/schemas.ts';
import { logSearch } from '../templates/searches.ts';
import { openTemplate, useTemplate } from '../templates/use.ts';
import { json, jsonBody } from './openapi-helpers.ts';
import { idParam, router } from './router.ts';
import { templateFeedbackRoutes } from './template-feedback.ts';
import { templatePreviewRoutes } from './template-preview.ts';
import { templateRankingRoutes } from './template-ranking.ts';

const tags = ['templates'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The template gallery: search (logged for popular searches), filter by tag, category, excellent case',
  request: { query: listQuery },
  responses: { 200: json('A page of templates', listSchema), ...errorResponses(400, 401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Publish a pipeline version as a template (draft or published)',
  request: jsonBody(createBody),
  responses: { 201: json('Created', detailSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
});

const read = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A template with its document and declared parameters (drafts: owner and admins only)',
  request: { params: idParam },
  responses: { 200: json('The template', detailSchema), ...errorResponses(400, 401, 403, 404) },
});

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change title, description, tags, category or status (owner or admin)',
  request: { params: idParam, ...jsonBody(patchBody) },
  responses: { 200: json('Updated', summarySchema), ...errorResponses(400, 401, 403, 404, 415) },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete a template with its ratings, comments and events (owner or admin)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
});

const use = createRoute({
  method: 'post',
  path: '/{id}/use',
  tags,
  summary: 'Copy into my pipelines with parameter values (checked against the declared parameters); counts a use',
  request: { params: idParam, ...jsonBody(useBody) },
  responses: { 201: json('The new pipeline', usedSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
});

const open = createRoute({
  method: 'post',
  path: '/{id}/open',
  tags,
  summary:
    'The document with parameter values filled in, to edit as a new unsaved pipeline (nothing is saved); counts a use',
  request: { params: idParam, ...jsonBody(useBody) },
  responses: { 200: json('The document to open', openedSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
});

const copy = createRoute({
  method: 'post',
  path: '/{id}/copy',
  tags,
  summary: 'Copy into my pipelines as it is (parameters keep their defaults)',
  request: { params: idParam, ...jsonBody(copyBody) },
  responses: { 201: json('The new pipeline', usedSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
});

export function templateRoutes(deps: AppDeps) {
  const { db, registry } = deps;

  const detail = async (id: string, user: SessionUser) => {
    const found = await viewableTemplate(db, id, user);
    const [mine] = await db
      .select({ stars: templateRatings.stars })
      .from(templateRatings)
      .where(and(eq(templateRatings.templateId, id), eq(templateRatings.userId, user.id)));
    const doc = found.template.doc as PipelineDoc;
    return { ...toSummary(found, user), doc, parameters: doc.parameters ?? [], myRating: mine?.stars ?? null };
  };
  const editableTemplate = async (id: string, user: SessionUser) => {
    const found = await viewableTemplate(db, id, user);
    if (!canEditTemplate(user, found.template)) throw forbidden('only the owner or an admin can change this template');
    return found;
  };

  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .route('/', templateRankingRoutes(deps))
    .openapi(list, async (c) => {
      const { user } = authed(c);
      const filter = c.req.valid('query');
      const q = await logSearch(db, filter.q, user.id, deps.now());
      return c.json(await listTemplates(db, user, { ...filter, q }), 200);
    })
    .openapi(create, async (c) => {
      const { user } = authed(c);
      const { pipelineId, version, ...fields } = c.req.valid('json');
      const { pipeline } = await editable(db, pipelineId, user);
      if (pipeline.deletedAt) throw deletedError();
      const found = await findVersion(db, pipelineId, version ?? pipeline.latestVersion);
      if (!found) throw new ApiError(404, 'not_found', `pipeline version ${version} not found`);
      const now = deps.now();
      const [row] = await db
        .insert(templates)
        .values({
          ...fields,
          ownerId: user.id,
          pipelineId,
          pipelineVersion: found.version.version,
          doc: found.version.doc,
          publishedAt: fields.status === 'published' ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: templates.id });
      return c.json(await detail(row!.id, user), 201);
    })
    .openapi(read, async (c) => c.json(await detail(c.req.valid('param').id, authed(c).user), 200))
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      const changes = c.req.valid('json');
      const { template } = await editableTemplate(id, user);
      const now = deps.now();
      const publishedAt = changes.status === 'published' && !template.publishedAt ? { publishedAt: now } : {};
      await db
        .update(templates)
        .set({ ...changes, ...publishedAt, updatedAt: now })
        .where(eq(templates.id, id));
      return c.json(toSummary(await viewableTemplate(db, id, user), user), 200);
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      await editableTemplate(id, authed(c).user);
      await db.delete(templates).where(eq(templates.id, id));
      return c.body(null, 204);
    })
    .openapi(use, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      const { template } = await viewableTemplate(db, id, user);
      const body = c.req.valid('json');
      return c.json(await useTemplate(db, { template, user, ...body, kind: 'use', registry, now: deps.now() }), 201);
    })
    .openapi(open, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      const { template } = await viewableTemplate(db, id, user);
      const body = c.req.valid('json');
      return c.json(await openTemplate(db, { template, user, ...body, registry, now: deps.now() }), 200);
    })
    .openapi(copy, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      const { template } = await viewableTemplate(db, id, user);
      const body = c.req.valid('json');
      return c.json(await useTemplate(db, { template, user, ...body, kind: 'copy', registry, now: deps.now() }), 201);
    })
    .route('/', templatePreviewRoutes(deps))
    .route('/', templateFeedbackRoutes(deps));
}
