import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import { toDetail, toSummary } from '../datasets/present.ts';
import { datasetCanEdit, datasetCanView, datasetUsage, findDataset, listDatasets } from '../datasets/queries.ts';
import { UploadRateLimit } from '../datasets/rate-limit.ts';
import {
  conflictSchema,
  deleteQuery,
  detailSchema,
  listQuery,
  listSchema,
  patchBody,
  uploadHeaders,
  uploadQuery,
} from '../datasets/schemas.ts';
import { datasetDir, insideRoot, removeDataset } from '../datasets/store.ts';
import { uploadDataset } from '../datasets/upload.ts';
import { datasets } from '../db/schema.ts';
import { ApiError, errorResponses, forbidden, notFound } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { idParam, router } from './router.ts';

const json = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const tags = ['datasets'];

const upload = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Upload a file (raw body, name in X-Filename); stored with checksum, schema and column profile',
  request: {
    query: uploadQuery,
    headers: uploadHeaders,
    body: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
  },
  responses: { 201: json('Stored', detailSchema), ...errorResponses(400, 401, 403, 413, 415, 422, 429) },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The dataset catalogue you may see, with the pipelines using each',
  request: { query: listQuery },
  responses: { 200: json('A page of datasets', listSchema), ...errorResponses(400, 401, 403) },
});

const read = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A dataset: schema, column profile, reader warnings, usage',
  request: { params: idParam },
  responses: { 200: json('The dataset', detailSchema), ...errorResponses(400, 401, 403, 404) },
});

const download = createRoute({
  method: 'get',
  path: '/{id}/file',
  tags,
  summary: 'Download the stored file',
  request: { params: idParam },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Rename or change visibility (owner or admin)',
  request: { params: idParam, body: { content: { 'application/json': { schema: patchBody } }, required: true } },
  responses: { 200: json('Updated', detailSchema), ...errorResponses(400, 401, 403, 404, 422) },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete (file and row); 409 while pipelines use it unless `force=true`',
  request: { params: idParam, query: deleteQuery },
  responses: {
    204: { description: 'Deleted' },
    409: json('Still used by pipelines', conflictSchema),
    ...errorResponses(400, 401, 403, 404),
  },
});

export function datasetRoutes(deps: AppDeps) {
  const { db, config } = deps;
  const root = config.uploads.datasetsDir;
  const uploadRate = new UploadRateLimit(config.uploads.perMinute);

  const viewable = async (id: string, user: SessionUser) => {
    const found = await findDataset(db, id);
    if (!found || !datasetCanView(user, found.dataset)) throw notFound('dataset');
    return found;
  };
  const editable = async (id: string, user: SessionUser) => {
    const found = await viewable(id, user);
    if (!datasetCanEdit(user, found.dataset)) throw forbidden('only the owner or an admin can change this dataset');
    return found;
  };
  const detail = async (id: string, user: SessionUser) =>
    toDetail(await viewable(id, user), user, await datasetUsage(db, [id], user));

  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(upload, async (c) => {
      const { user } = authed(c);
      const query = c.req.valid('query');
      uploadRate.take(user.id, deps.now());
      const id = await uploadDataset(db, {
        body: c.req.raw.body,
        filenameHeader: c.req.header('x-filename'),
        contentLength: c.req.header('content-length'),
        ...query,
        owner: user,
        root,
        maxBytes: config.uploads.datasetMaxBytes,
        readLimits: { heapMb: config.uploads.readHeapMb, timeLimitMs: config.uploads.readTimeLimitMs },
        now: deps.now(),
      });
      return c.json(await detail(id, user), 201);
    })
    .openapi(list, async (c) => {
      const { user } = authed(c);
      const filter = c.req.valid('query');
      const { rows, total } = await listDatasets(db, user, filter);
      const usage = await datasetUsage(
        db,
        rows.map((r) => r.dataset.id),
        user,
      );
      const items = rows.map((r) => toSummary(r, user, usage));
      return c.json({ items, total, limit: filter.limit, offset: filter.offset }, 200);
    })
    .openapi(read, async (c) => c.json(await detail(c.req.valid('param').id, authed(c).user), 200))
    .openapi(download, async (c) => {
      const { dataset: d } = await viewable(c.req.valid('param').id, authed(c).user);
      const file = insideRoot(datasetDir(root, d.id), path.join(datasetDir(root, d.id), d.storedName));
      const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
      return c.body(stream, 200, {
        'content-type': 'application/octet-stream',
        'content-length': String(d.size),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(d.storedName)}`,
        'x-content-sha256': d.sha256,
      });
    })
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const changes = c.req.valid('json');
      const { user } = authed(c);
      const { dataset: d } = await editable(id, user);
      if (changes.visibility === 'department' && !d.department) {
        throw new ApiError(422, 'no_department', 'the dataset has no department to share with');
      }
      await db
        .update(datasets)
        .set({ ...changes, updatedAt: deps.now() })
        .where(eq(datasets.id, id));
      return c.json(await detail(id, user), 200);
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      await editable(id, user);
      const usage = await datasetUsage(db, [id], user);
      if (usage.length > 0 && c.req.valid('query').force !== 'true') {
        const usedBy = usage.filter((u) => u.visible).map((u) => ({ id: u.pipelineId, name: u.name }));
        const message = `${usage.length} pipeline(s) use this dataset: change them first, or delete with force=true`;
        return c.json({ code: 'dataset_in_use' as const, message, usedBy, usedByCount: usage.length }, 409);
      }
      await db.delete(datasets).where(eq(datasets.id, id));
      await removeDataset(root, id);
      return c.body(null, 204);
    });
}
