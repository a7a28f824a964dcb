import { createRoute, z } from '@hono/zod-openapi';
import type { PipelineDoc } from '../../runtime/document/pipeline-doc.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { errorResponses, notFound } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { checkedDoc } from '../pipelines/checked-doc.ts';
import { diffPipelines } from '../pipelines/diff.ts';
import { viewable } from '../pipelines/load.ts';
import { findVersion, listVersions, toVersion } from '../pipelines/queries.ts';
import { saveVersion } from '../pipelines/save.ts';
import { conflictBody, refusalError } from '../pipelines/save-outcome.ts';
import {
  conflictSchema,
  diffQuery,
  diffSchema,
  restoreBody,
  versionDetailSchema,
  versionParams,
  versionSchema,
} from '../pipelines/schemas.ts';
import { idParam, router } from './router.ts';

const json = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const tags = ['pipeline versions'];

const list = createRoute({
  method: 'get',
  path: '/{id}/versions',
  tags,
  summary: 'Version history, newest first',
  request: { params: idParam },
  responses: { 200: json('Versions', z.array(versionSchema)), ...errorResponses(400, 401, 403, 404) },
});

const read = createRoute({
  method: 'get',
  path: '/{id}/versions/{version}',
  tags,
  summary: 'One version with its document',
  request: { params: versionParams },
  responses: { 200: json('The version', versionDetailSchema), ...errorResponses(400, 401, 403, 404) },
});

const diff = createRoute({
  method: 'get',
  path: '/{id}/diff',
  tags,
  summary: 'What changed from one version to another: nodes, params, edges, parameters',
  request: { params: idParam, query: diffQuery },
  responses: { 200: json('The differences', diffSchema), ...errorResponses(400, 401, 403, 404) },
});

const restore = createRoute({
  method: 'post',
  path: '/{id}/versions/{version}/restore',
  tags,
  summary: 'Save an old version again as the newest one (history is kept)',
  request: { params: versionParams, body: { content: { 'application/json': { schema: restoreBody } } } },
  responses: {
    201: json('The new version', versionSchema),
    409: json('`baseVersion` is not the latest: nothing was written', conflictSchema),
    ...errorResponses(400, 401, 403, 404, 415, 422),
  },
});

export function pipelineVersionRoutes(deps: AppDeps) {
  const { db } = deps;

  const versionOf = async (id: string, version: number) => {
    const found = await findVersion(db, id, version);
    if (!found) throw notFound(`version ${version}`);
    return found;
  };

  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(list, async (c) => {
      const { id } = c.req.valid('param');
      await viewable(db, id, authed(c).user);
      return c.json((await listVersions(db, id)).map(toVersion), 200);
    })
    .openapi(read, async (c) => {
      const { id, version } = c.req.valid('param');
      await viewable(db, id, authed(c).user);
      const found = await versionOf(id, version);
      return c.json({ ...toVersion(found), doc: found.version.doc as Record<string, unknown> }, 200);
    })
    .openapi(diff, async (c) => {
      const { id } = c.req.valid('param');
      const { from, to: requested } = c.req.valid('query');
      const { pipeline } = await viewable(db, id, authed(c).user);
      const to = requested ?? pipeline.latestVersion;
      const [a, b] = await Promise.all([versionOf(id, from), versionOf(id, to)]);
      const changes = diffPipelines(a.version.doc as PipelineDoc, b.version.doc as PipelineDoc);
      return c.json({ from, to, ...changes }, 200);
    })
    .openapi(restore, async (c) => {
      const { id, version } = c.req.valid('param');
      const { baseVersion, message } = c.req.valid('json');
      const { user } = authed(c);
      await viewable(db, id, user);
      const old = await versionOf(id, version);
      // Re-checked: node types may have changed since, and an old format is migrated on the way.
      const doc = checkedDoc(old.version.doc, deps.registry);
      const text = message || `restored version ${version}`;
      const request = { pipelineId: id, user, doc, baseVersion, message: text, restoredFrom: version, now: deps.now() };
      const result = await saveVersion(db, request);
      if (result.kind === 'saved') return c.json(toVersion(await versionOf(id, result.version)), 201);
      if (result.kind === 'conflict') return c.json(conflictBody(result.latest, baseVersion, doc), 409);
      throw refusalError(result);
    });
}
