import { createRoute, z } from '@hono/zod-openapi';
import type { TopLevelSpec } from 'vega-lite';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import { dashboardData, selectionOf } from '../dashboards/data.ts';
import { htmlToPdf, pdfAvailable } from '../dashboards/pdf.ts';
import {
  editableDashboard,
  insertDashboard,
  listDashboards,
  toDashboardJson,
  updateDashboard,
  viewableDashboard,
} from '../dashboards/queries.ts';
import { reportHtml } from '../dashboards/report.ts';
import {
  createBody,
  dashboardSchema,
  dataQuery,
  dataSchema,
  listSchema,
  patchBody,
  valuesOverride,
} from '../dashboards/schemas.ts';
import type { Visibility } from '../db/schema.ts';
import { ApiError, errorResponses } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { viewable } from '../pipelines/load.ts';
import { readRunnerConfig } from '../runs/config.ts';
import { findUserById } from '../users/queries.ts';
import { idParam, router } from './router.ts';

const json = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const tags = ['dashboards'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Dashboards you may see (`mine=true`: only your own), newest change first',
  request: { query: z.object({ mine: z.enum(['true', 'false']).optional() }) },
  responses: { 200: json('Dashboards', listSchema), ...errorResponses(400, 401, 403) },
});
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a dashboard; every item must use a pipeline you may see',
  request: body(createBody),
  responses: { 201: json('Created', dashboardSchema), ...errorResponses(400, 401, 403, 413, 415, 422) },
});
const read = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A dashboard: layout and filters (same visibility rules as pipelines)',
  request: { params: idParam },
  responses: { 200: json('The dashboard', dashboardSchema), ...errorResponses(400, 401, 403, 404) },
});
const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change the title, visibility, layout or filters (owner or admin)',
  request: { params: idParam, ...body(patchBody) },
  responses: { 200: json('Updated', dashboardSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
});
const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete a dashboard (owner or admin)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
});
const data = createRoute({
  method: 'get',
  path: '/{id}/data',
  tags,
  summary:
    'Each item from the newest succeeded scheduled run of its node, filtered: capped rows, a key figure, or rows ' +
    'plus a Vega-Lite spec; items of pipelines you may not see come back `hidden`',
  request: { params: idParam, query: dataQuery },
  responses: { 200: json('Item data and filter choices', dataSchema), ...errorResponses(400, 401, 403, 404) },
});
const report = createRoute({
  method: 'get',
  path: '/{id}/report',
  tags,
  summary: 'A printable report: standalone HTML (charts as inline SVG), or PDF printed by headless Chromium',
  request: { params: idParam, query: dataQuery.extend({ format: z.enum(['html', 'pdf']).optional() }) },
  responses: {
    200: {
      description: 'The report',
      content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string() } },
    },
    ...errorResponses(400, 401, 403, 404),
    501: json('PDF printing is not available on this server (no Chromium)', z.object({ code: z.string() })),
  },
});

function parseValues(raw: string | undefined): Record<string, string[]> | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'invalid_request', 'values: not JSON');
  }
  const checked = valuesOverride.safeParse(parsed);
  if (!checked.success) throw new ApiError(400, 'invalid_request', 'values: give { column: string[] }');
  return checked.data;
}

export function dashboardRoutes(deps: AppDeps) {
  const { db } = deps;
  const artifactsDir = readRunnerConfig(process.env, deps.config.dataDir).artifactsDir;
  const dataDeps = { db, artifactsDir, log: deps.log };

  /** Saving may only place pipelines the saver can see (viewers are checked again on every read). */
  const checkItems = async (items: { pipelineId: string }[], user: SessionUser) => {
    for (const id of new Set(items.map((i) => i.pipelineId))) {
      await viewable(db, id, user).catch(() => {
        throw new ApiError(422, 'unknown_pipeline', `pipeline ${id} does not exist or you may not see it`);
      });
    }
  };
  /** Department sharing means the owner's department (as for pipelines), even when an admin changes it. */
  const departmentFor = async (visibility: Visibility | undefined, ownerId: string) => {
    if (visibility !== 'department') return {};
    const department = (await findUserById(db, ownerId))?.department;
    if (!department) throw new ApiError(422, 'no_department', 'the owner has no department to share with');
    return { department };
  };

  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(list, async (c) => {
      const { user } = authed(c);
      const rows = await listDashboards(db, user, c.req.valid('query').mine === 'true');
      return c.json({ items: rows.map((r) => toDashboardJson(r, user)) }, 200);
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json');
      const { user } = authed(c);
      await checkItems(input.layout, user);
      const now = deps.now();
      const id = await insertDashboard(db, {
        ...input,
        ownerId: user.id,
        ...(await departmentFor(input.visibility, user.id)),
        createdAt: now,
        updatedAt: now,
      });
      return c.json(toDashboardJson(await viewableDashboard(db, id, user), user), 201);
    })
    .openapi(read, async (c) => {
      const { user } = authed(c);
      return c.json(toDashboardJson(await viewableDashboard(db, c.req.valid('param').id, user), user), 200);
    })
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const changes = c.req.valid('json');
      const { user } = authed(c);
      const found = await editableDashboard(db, id, user);
      if (changes.layout) await checkItems(changes.layout, user);
      await updateDashboard(db, id, {
        ...changes,
        ...(await departmentFor(changes.visibility, found.dashboard.ownerId)),
        updatedAt: deps.now(),
      });
      return c.json(toDashboardJson(await viewableDashboard(db, id, user), user), 200);
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      await editableDashboard(db, id, authed(c).user);
      await updateDashboard(db, id, { deletedAt: deps.now(), updatedAt: deps.now() });
      return c.body(null, 204);
    })
    .openapi(data, async (c) => {
      const { user } = authed(c);
      const found = await viewableDashboard(db, c.req.valid('param').id, user);
      const values = parseValues(c.req.valid('query').values);
      return c.json(await dashboardData(dataDeps, found, user, values), 200);
    })
    .openapi(report, async (c) => {
      const { user } = authed(c);
      const found = await viewableDashboard(db, c.req.valid('param').id, user);
      const query = c.req.valid('query');
      const format = query.format ?? 'html';
      if (format === 'pdf' && !pdfAvailable()) {
        throw new ApiError(501, 'pdf_unavailable', 'no Chromium on this server: print the HTML report instead');
      }
      const values = parseValues(query.values);
      const items = await dashboardData(dataDeps, found, user, values);
      const { renderChartSvg } = await import('../../nodes/chart/render-svg.ts');
      const html = await reportHtml({
        dashboard: found,
        data: items,
        at: deps.now(),
        selection: selectionOf(found, values),
        svg: (spec: TopLevelSpec) => renderChartSvg(spec),
      });
      if (format === 'html') {
        // The report carries inline SVG and its own style only: no scripts, no outside requests.
        c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        return c.html(html, 200);
      }
      const pdf = await htmlToPdf(html);
      c.header('content-type', 'application/pdf');
      c.header('content-disposition', `attachment; filename="dashboard.pdf"`);
      return c.body(new Uint8Array(pdf), 200);
    });
}
