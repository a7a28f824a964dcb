import { createRoute } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError, errorResponses } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { checkedDoc } from '../pipelines/checked-doc.ts';
import { deletedError, editable, viewable } from '../pipelines/load.ts';
import { findVersion, listPipelines, toSummary, updatePipeline } from '../pipelines/queries.ts';
import { createPipeline, saveVersion } from '../pipelines/save.ts';
import { conflictBody, refusalError } from '../pipelines/save-outcome.ts';
import {
  conflictSchema,
  createBody,
  detailSchema,
  listQuery,
  listSchema,
  patchBody,
  saveBody,
  summarySchema,
} from '../pipelines/schemas.ts';
import { findUserById } from '../users/queries.ts';
import { pipelineVersionRoutes } from './pipeline-versions.ts';
import { idParam, router } from './router.ts';

const json = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const tags = ['pipelines'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Pipelines you may see: search, filter by tag and owner, paginated',
  request: { query: listQuery },
  responses: { 200: json('A page of pipelines', listSchema), ...errorResponses(400, 401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a pipeline (version 1)',
  request: body(createBody),
  responses: { 201: json('Created', detailSchema), ...errorResponses(400, 401, 403, 413, 415, 422) },
});

const read = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A pipeline with its latest document',
  request: { params: idParam },
  responses: { 200: json('The pipeline', detailSchema), ...errorResponses(400, 401, 403, 404) },
});

const save = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  summary: 'Save a new version; 409 with both documents when `baseVersion` is not the latest',
  request: { params: idParam, ...body(saveBody) },
  responses: {
    200: json('Saved as the next version', detailSchema),
    409: json('Someone saved since `baseVersion`: nothing was written', conflictSchema),
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change tags or visibility (owner or admin; not versioned)',
  request: { params: idParam, ...body(patchBody) },
  responses: { 200: json('Updated', summarySchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Move to the trash (soft delete; restorable)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
});

const undelete = createRoute({
  method: 'post',
  path: '/{id}/restore',
  tags,
  summary: 'Take a deleted pipeline out of the trash',
  request: { params: idParam },
  responses: { 200: json('Restored', summarySchema), ...errorResponses(400, 401, 403, 404) },
});

export function pipelineRoutes(deps: AppDeps) {
  const { db, registry } = deps;

  const detail = async (id: string, viewer: Parameters<typeof toSummary>[1]) => {
    const found = await viewable(db, id, viewer);
    const latest = await findVersion(db, id, found.pipeline.latestVersion);
    return { ...toSummary(found, viewer), doc: latest!.version.doc as Record<string, unknown> };
  };

  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(list, async (c) => {
      const { deleted, ...filter } = c.req.valid('query');
      return c.json(await listPipelines(db, authed(c).user, { ...filter, deleted: deleted === 'true' }), 200);
    })
    .openapi(create, async (c) => {
      const { doc, tags, visibility, message } = c.req.valid('json');
      const { user } = authed(c);
      if (visibility === 'department' && !user.department) throw noDepartment();
      const checked = checkedDoc(doc, registry);
      const id = await createPipeline(db, { owner: user, doc: checked, tags, visibility, message, now: deps.now() });
      return c.json(await detail(id, user), 201);
    })
    .openapi(read, async (c) => c.json(await detail(c.req.valid('param').id, authed(c).user), 200))
    .openapi(save, async (c) => {
      const { id } = c.req.valid('param');
      const { doc, baseVersion, message } = c.req.valid('json');
      const { user } = authed(c);
      const checked = checkedDoc(doc, registry);
      const result = await saveVersion(db, {
        pipelineId: id,
        user,
        doc: checked,
        baseVersion,
        message,
        now: deps.now(),
      });
      if (result.kind === 'saved') return c.json(await detail(id, user), 200);
      if (result.kind === 'conflict') return c.json(conflictBody(result.latest, baseVersion, doc), 409);
      throw refusalError(result);
    })
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const changes = c.req.valid('json');
      const { user } = authed(c);
      const found = await editable(db, id, user);
      if (found.pipeline.deletedAt) throw deletedError();
      // Department sharing means the owner's department at the time of sharing.
      const owner = await findUserById(db, found.pipeline.ownerId);
      const department = changes.visibility === 'department' ? (owner?.department ?? null) : undefined;
      if (changes.visibility === 'department' && !department) throw noDepartment();
      await updatePipeline(db, id, { ...changes, ...(department ? { department } : {}), updatedAt: deps.now() });
      return c.json(toSummary(await viewable(db, id, user), user), 200);
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      const found = await editable(db, id, authed(c).user);
      if (!found.pipeline.deletedAt) await updatePipeline(db, id, { deletedAt: deps.now() });
      return c.body(null, 204);
    })
    .openapi(undelete, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      await editable(db, id, user);
      await updatePipeline(db, id, { deletedAt: null });
      return c.json(toSummary(await viewable(db, id, user), user), 200);
    })
    .route('/', pipelineVersionRoutes(deps));
}

const noDepartment = () =>
  new ApiError(422, 'no_department', 'the owner has no department: ask an admin to set one before sharing with it');
