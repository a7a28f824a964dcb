import { createRoute } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { dataMap } from '../datamap/queries.ts';
import { attributesBody, entrySchema, mapSchema } from '../datamap/schemas.ts';
import { datasetCanEdit, datasetCanView, findDataset } from '../datasets/queries.ts';
import { datasetCatalog } from '../db/schema.ts';
import { errorResponses, forbidden, notFound } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { idParam, router } from './router.ts';

const json = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const tags = ['datamap'];

const read = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary:
    'The customs data map: every dataset you may see by clearance stage, with profile, join keys, field dictionary and lineage (only pipelines, schedules and dashboards you may see)',
  responses: { 200: json('The data map', mapSchema), ...errorResponses(401, 403) },
});

const patch = createRoute({
  method: 'patch',
  path: '/datasets/{id}',
  tags,
  summary: "Set a dataset's stage, refresh and note (its owner or an admin)",
  request: {
    params: idParam,
    body: { content: { 'application/json': { schema: attributesBody } }, required: true },
  },
  responses: { 200: json('The dataset on the map', entrySchema), ...errorResponses(400, 401, 403, 404) },
});

export function dataMapRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(read, async (c) => c.json(await dataMap(db, authed(c).user), 200))
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const { user } = authed(c);
      const found = await findDataset(db, id);
      if (!found || !datasetCanView(user, found.dataset)) throw notFound('dataset');
      if (!datasetCanEdit(user, found.dataset)) throw forbidden('only the owner or an admin can change this dataset');
      const values = { ...body, updatedBy: user.id, updatedAt: deps.now() };
      await db
        .insert(datasetCatalog)
        .values({ datasetId: id, ...values })
        .onConflictDoUpdate({ target: datasetCatalog.datasetId, set: values });
      const entry = (await dataMap(db, user)).items.find((d) => d.id === id);
      if (!entry) throw notFound('dataset');
      return c.json(entry, 200);
    });
}
