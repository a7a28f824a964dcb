import { createRoute } from '@hono/zod-openapi';
import { msg } from '../../runtime/messages/render.ts';
import { FileModelStore } from '../../runtime/ml/file-model-store.ts';
import type { ModelInfo, ScreeningMeta, StoredModel } from '../../runtime/ml/model-store.ts';
import { checkModelName } from '../../runtime/ml/model-store.ts';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import { ApiError, errorResponses, forbidden, notFound } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { checkUploadedOnnx, metaSummary } from './models-onnx.ts';
import {
  bundleSchema,
  detailSchema,
  infoSchema,
  listSchema,
  registerBody,
  uploadForm,
  versionParams,
} from './models-schemas.ts';
import { json, jsonBody } from './openapi-helpers.ts';
import { router } from './router.ts';

/**
 * The model registry (issue 7) over `config.uploads.modelsDir`, the folder scheduled runs and the
 * command line use too: models the studio trained are registered here, ONNX files uploaded, listed,
 * fetched whole (the studio's store) and deleted by their owner or an admin.
 */
const tags = ['models'];
const binary = (description: string) => ({
  description,
  content: { 'application/octet-stream': { schema: { type: 'string' as const, format: 'binary' } } },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Every model with its versions: kind, metrics, owner, date, training data fingerprint',
  responses: { 200: json('The registry', listSchema), ...errorResponses(401, 403) },
});
const detail = createRoute({
  method: 'get',
  path: '/{name}/versions/{version}',
  tags,
  summary: 'One version: info and a summary of its metadata (input columns, learners; no key tables)',
  request: { params: versionParams },
  responses: { 200: json('The version', detailSchema), ...errorResponses(400, 401, 403, 404) },
});
const onnxFile = createRoute({
  method: 'get',
  path: '/{name}/versions/{version}/onnx',
  tags,
  summary: 'Download the ONNX file',
  request: { params: versionParams },
  responses: { 200: binary('The ONNX model'), ...errorResponses(400, 401, 403, 404) },
});
const bundle = createRoute({
  method: 'get',
  path: '/{name}/versions/{version}/bundle',
  tags,
  summary: 'Everything scoring needs: info, whole metadata and the ONNX bytes (base64); what the studio loads',
  request: { params: versionParams },
  responses: { 200: json('The model', bundleSchema), ...errorResponses(400, 401, 403, 404) },
});
const register = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Register a model trained in the studio as the next version of `name` (up to 64 MB)',
  request: jsonBody(registerBody),
  responses: { 201: json('Registered', infoSchema), ...errorResponses(400, 401, 403, 413, 422) },
});
const upload = createRoute({
  method: 'post',
  path: '/upload',
  tags,
  summary: 'Upload an ONNX model with one float input [rows, columns], read from the named columns',
  request: { body: { content: { 'multipart/form-data': { schema: uploadForm } }, required: true } },
  responses: { 201: json('Uploaded', infoSchema), ...errorResponses(400, 401, 403, 413, 422) },
});
const remove = createRoute({
  method: 'delete',
  path: '/{name}/versions/{version}',
  tags,
  summary: 'Delete one version (its owner or an admin)',
  request: { params: versionParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
});

const bad = (message: string) => new ApiError(400, 'invalid_request', message);

export function modelRoutes(deps: AppDeps) {
  const dir = deps.config.uploads.modelsDir;
  const reader = new FileModelStore(dir);
  const load = async (name: string, version: number): Promise<StoredModel> => {
    try {
      return await reader.load(name, version);
    } catch {
      throw notFound(`model "${name}" version ${version}`);
    }
  };

  /**
   * A model name belongs to whoever registered its earliest version still listed: only that officer and
   * admins add versions to it, since pipelines that score with the name unpinned take its latest version.
   */
  const checkNameOwner = async (name: string, user: SessionUser) => {
    if (user.role === 'admin') return;
    const owner = (await reader.list()).find((info) => info.name === name)?.owner;
    if (owner !== undefined && owner !== user.username) {
      throw new ApiError(
        403,
        'forbidden',
        `model "${name}" belongs to ${owner}: only its owner or an admin adds versions`,
        {},
        msg('api.model_not_yours', { name, owner }),
      );
    }
  };

  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(list, async (c) => {
      const byName = new Map<string, ModelInfo[]>();
      for (const info of await reader.list()) byName.set(info.name, [...(byName.get(info.name) ?? []), info]);
      const items = [...byName].map(([name, versions]) => ({ name, latest: versions.at(-1)!.version, versions }));
      return c.json({ items }, 200);
    })
    .openapi(detail, async (c) => {
      const { name, version } = c.req.valid('param');
      const model = await load(name, version);
      return c.json({ info: model.info, meta: metaSummary(model.meta) }, 200);
    })
    .openapi(onnxFile, async (c) => {
      const { name, version } = c.req.valid('param');
      const model = await load(name, version);
      return c.body(new Uint8Array(model.onnx), 200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${name}-v${version}.onnx`)}`,
      });
    })
    .openapi(bundle, async (c) => {
      const { name, version } = c.req.valid('param');
      const { info, meta, onnx } = await load(name, version);
      // a record for the response type: `unitValue` may be undefined, which JSON drops anyway
      return c.json(
        { info, meta: meta as unknown as Record<string, unknown>, onnxBase64: Buffer.from(onnx).toString('base64') },
        200,
      );
    })
    .openapi(register, async (c) => {
      const { user } = authed(c);
      const body = c.req.valid('json');
      if (body.meta.kind !== body.kind) throw bad(`kind "${body.kind}" does not match meta.kind "${body.meta.kind}"`);
      const onnx = new Uint8Array(Buffer.from(body.onnxBase64, 'base64'));
      const meta = body.meta as StoredModel['meta'];
      const width = meta.kind === 'onnx' ? meta.inputColumns.length : (meta as ScreeningMeta).pre.featureNames.length;
      await checkNameOwner(body.name, user);
      await checkUploadedOnnx(onnx, width);
      const { onnxBase64: _, ...rest } = body;
      const info = await new FileModelStore(dir, user.username).save({ ...rest, meta, onnx });
      return c.json(info, 201);
    })
    .openapi(upload, async (c) => {
      const { user } = authed(c);
      const form = await c.req.parseBody().catch(() => {
        throw bad('the body must be multipart/form-data with the fields file, name and inputColumns');
      });
      const { file, name, inputColumns, description } = form;
      if (!(file instanceof File)) throw bad('choose an .onnx file (field "file")');
      if (typeof name !== 'string' || checkModelName(name.trim())) {
        throw bad(`name: ${checkModelName(typeof name === 'string' ? name.trim() : '') ?? 'required'}`);
      }
      const columns = (typeof inputColumns === 'string' ? inputColumns : '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (columns.length === 0) throw bad('inputColumns: name the columns the model reads, comma-separated');
      await checkNameOwner(name.trim(), user);
      const onnx = new Uint8Array(await file.arrayBuffer());
      await checkUploadedOnnx(onnx, columns.length);
      const info = await new FileModelStore(dir, user.username).save({
        name: name.trim(),
        kind: 'onnx',
        fingerprint: '',
        metrics: {},
        ...(typeof description === 'string' && description.trim() ? { description: description.trim() } : {}),
        meta: { kind: 'onnx', inputColumns: columns },
        onnx,
      });
      return c.json(info, 201);
    })
    .openapi(remove, async (c) => {
      const { user } = authed(c);
      const { name, version } = c.req.valid('param');
      const { info } = await load(name, version);
      if (info.owner !== user.username && user.role !== 'admin') {
        throw forbidden('only the model owner or an admin can delete it');
      }
      await reader.delete(name, version);
      return c.body(null, 204);
    });
}
