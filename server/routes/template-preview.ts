import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { AppDeps, AppEnv } from '../context.ts';
import { templates } from '../db/schema.ts';
import { ApiError, errorResponses, forbidden } from '../errors.ts';
import { authed } from '../middleware/require-user.ts';
import { canEditTemplate } from '../templates/access.ts';
import { checkPreview, PREVIEW_HEADERS } from '../templates/preview.ts';
import { viewableTemplate } from '../templates/queries.ts';
import { idParam, router } from './router.ts';

const tags = ['templates'];
const binary = { schema: { type: 'string' as const, format: 'binary' } };

const put = createRoute({
  method: 'put',
  path: '/{id}/preview',
  tags,
  summary: 'Set the preview image (raw PNG or SVG body, size-limited; SVG without scripts)',
  request: { params: idParam, body: { content: { 'image/png': binary, 'image/svg+xml': binary } } },
  responses: { 204: { description: 'Stored' }, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

const get = createRoute({
  method: 'get',
  path: '/{id}/preview',
  tags,
  summary: 'The preview image',
  request: { params: idParam },
  responses: {
    200: { description: 'The image', content: { 'image/png': binary, 'image/svg+xml': binary } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function templatePreviewRoutes(deps: AppDeps) {
  const { db, config } = deps;
  return router<AppEnv>()
    .openapi(put, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      const { template } = await viewableTemplate(db, id, user);
      if (!canEditTemplate(user, template)) throw forbidden('only the owner or an admin can change this template');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const type = checkPreview(c.req.header('content-type'), bytes, config.uploads.previewMaxBytes);
      await db
        .update(templates)
        .set({ previewType: type, preview: Buffer.from(bytes).toString('base64'), updatedAt: deps.now() })
        .where(eq(templates.id, id));
      return c.body(null, 204);
    })
    .openapi(get, async (c) => {
      const { template } = await viewableTemplate(db, c.req.valid('param').id, authed(c).user);
      if (!template.preview || !template.previewType)
        throw new ApiError(404, 'not_found', 'this template has no preview');
      const bytes = Buffer.from(template.preview, 'base64');
      return c.body(new Uint8Array(bytes), 200, { 'content-type': template.previewType, ...PREVIEW_HEADERS });
    });
}
