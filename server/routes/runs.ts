import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, desc, eq } from 'drizzle-orm';
import { msg } from '../../runtime/messages/render.ts';
import type { Column } from '../../runtime/schema/types.ts';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import { runArtifacts, runs } from '../db/schema.ts';
import { ApiError, errorResponses, notFound } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { canEdit } from '../pipelines/access.ts';
import { viewable } from '../pipelines/load.ts';
import { CONTENT_TYPES, exportArtifact } from '../runs/artifact-export.ts';
import { readRunnerConfig } from '../runs/config.ts';
import { toArtifactJson, toRunJson } from '../runs/present.ts';
import { requestCancel } from '../runs/queue.ts';
import { artifactListSchema, artifactParams, artifactQuery, runListQuery, runSchema } from '../runs/schemas.ts';
import { findSchedule } from '../schedules/queries.ts';
import { idParam, router } from './router.ts';

const json = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const tags = ['runs'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Run history of a pipeline or a schedule (newest first)',
  request: { query: runListQuery },
  responses: { 200: json('Runs', z.object({ items: z.array(runSchema) })), ...errorResponses(400, 401, 404) },
});
const read = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A run with its per-node log',
  request: { params: idParam },
  responses: { 200: json('The run', runSchema), ...errorResponses(400, 401, 404) },
});
const cancel = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags,
  summary: 'Cancel a queued run at once, or ask the runner of a running one to stop it',
  request: { params: idParam },
  responses: { 200: json('The run after the request', runSchema), ...errorResponses(400, 401, 403, 404) },
});

const artifacts = createRoute({
  method: 'get',
  path: '/{id}/artifacts',
  tags,
  summary: 'The results this run stored (Parquet tables, SVG charts)',
  request: { params: idParam },
  responses: { 200: json('Artifacts', artifactListSchema), ...errorResponses(400, 401, 404) },
});
const download = createRoute({
  method: 'get',
  path: '/{id}/artifacts/{nodeId}',
  tags,
  summary: 'Download one artifact: a table as Parquet (stored), CSV or XLSX (converted on the fly); a chart as SVG',
  request: { params: artifactParams, query: artifactQuery },
  responses: {
    200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string() } } },
    ...errorResponses(400, 401, 404),
  },
});

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name (Korean pipeline names survive). */
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function runRoutes(deps: AppDeps) {
  const { db } = deps;
  const artifactsRoot = readRunnerConfig(process.env, deps.config.dataDir).artifactsDir;

  const visible = async (id: string, user: SessionUser) => {
    const [run] = await db.select().from(runs).where(eq(runs.id, id));
    if (!run) throw notFound('run');
    const found = await viewable(db, run.pipelineId, user).catch(() => {
      throw notFound('run');
    });
    return { run, pipeline: found.pipeline };
  };

  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(list, async (c) => {
      const { pipelineId, scheduleId, limit } = c.req.valid('query');
      const { user } = authed(c);
      let where: ReturnType<typeof eq>;
      if (scheduleId) {
        const s = await findSchedule(db, scheduleId);
        if (!s) throw notFound('schedule');
        await viewable(db, s.pipelineId, user);
        where = eq(runs.scheduleId, scheduleId);
      } else if (pipelineId) {
        await viewable(db, pipelineId, user);
        where = eq(runs.pipelineId, pipelineId);
      } else {
        throw new ApiError(400, 'invalid_request', 'give pipelineId or scheduleId');
      }
      const rows = await db
        .select()
        .from(runs)
        .where(where)
        .orderBy(desc(runs.createdAt), desc(runs.attempt))
        .limit(limit);
      return c.json({ items: rows.map(toRunJson) }, 200);
    })
    .openapi(read, async (c) => c.json(toRunJson((await visible(c.req.valid('param').id, authed(c).user)).run), 200))
    .openapi(artifacts, async (c) => {
      const { run } = await visible(c.req.valid('param').id, authed(c).user);
      const rows = await db
        .select()
        .from(runArtifacts)
        .where(eq(runArtifacts.runId, run.id))
        .orderBy(asc(runArtifacts.nodeId), asc(runArtifacts.format));
      return c.json({ items: rows.map(toArtifactJson) }, 200);
    })
    .openapi(download, async (c) => {
      const { id, nodeId } = c.req.valid('param');
      const { run, pipeline } = await visible(id, authed(c).user);
      const format = c.req.valid('query').format ?? 'parquet';
      const stored = format === 'svg' ? 'svg' : 'parquet';
      const [a] = await db
        .select()
        .from(runArtifacts)
        .where(and(eq(runArtifacts.runId, run.id), eq(runArtifacts.nodeId, nodeId), eq(runArtifacts.format, stored)));
      if (!a) throw notFound('artifact');
      const file = path.join(artifactsRoot, a.file);
      const stream =
        format === 'svg' ? createReadStream(file) : await exportArtifact(file, format, a.schema as Column[]);
      c.header('content-type', CONTENT_TYPES[format]);
      c.header('content-disposition', disposition(`${pipeline.name}-${nodeId}.${format}`));
      if (format === 'svg') c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return c.body(Readable.toWeb(stream) as ReadableStream, 200);
    })
    .openapi(cancel, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      const { run, pipeline } = await visible(id, user);
      const schedule = run.scheduleId ? await findSchedule(db, run.scheduleId) : undefined;
      const allowed = canEdit(user, pipeline) || run.requestedBy === user.id || schedule?.ownerId === user.id;
      if (!allowed) {
        throw new ApiError(
          403,
          'forbidden',
          'only the pipeline owner, the schedule owner, who started the run, or an admin can cancel it',
          {},
          msg('api.run_not_yours'),
        );
      }
      const after = await requestCancel(db, id, deps.now());
      return c.json(toRunJson(after!), 200);
    });
}
