import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, isNull, ne } from 'drizzle-orm';
import { msg } from '../../runtime/messages/render.ts';
import { REQUEST_ACTION_LABELS } from '../../runtime/messages/request-labels.ts';
import type { AppDeps, AppEnv, SessionUser } from '../context.ts';
import { viewableDashboard } from '../dashboards/queries.ts';
import { datasetCanView, findDataset } from '../datasets/queries.ts';
import { UploadRateLimit } from '../datasets/rate-limit.ts';
import { uploadHeaders } from '../datasets/schemas.ts';
import type { Db } from '../db/client.ts';
import { analysisRequests, REQUEST_RESULT_KINDS, REQUEST_STATES, users } from '../db/schema.ts';
import { ApiError, errorResponses, notFound } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { viewable } from '../pipelines/load.ts';
import { attachFile, attachmentPath, type FileAttachment } from '../requests/files.ts';
import {
  type Attachment,
  activeUser,
  applyMove,
  listRequests,
  requestHistory,
  reviewersOf,
  toRequestJson,
  viewableRequest,
} from '../requests/queries.ts';
import { decide, type MoveAction, STEPS } from '../requests/workflow.ts';
import { SYSTEM_USERNAME } from '../seed/system-username.ts';
import { viewableTemplate } from '../templates/queries.ts';
import { json, jsonBody } from './openapi-helpers.ts';
import { idParam, router } from './router.ts';

const tags = ['requests'];
const personSchema = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });
const attachmentInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dataset'), datasetId: z.uuid() }),
  z.object({
    kind: z.literal('link'),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    label: z.string().max(200).default(''),
  }),
]);
const attachmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dataset'), datasetId: z.uuid(), name: z.string() }),
  z.object({ kind: z.literal('link'), url: z.string(), label: z.string() }),
  z.object({
    kind: z.literal('file'),
    fileId: z.uuid(),
    name: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.uuid(),
    uploadedAt: z.string(),
  }),
]);
const MOVES = Object.keys(STEPS) as [MoveAction, ...MoveAction[]];

const requestSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    purpose: z.string(),
    content: z.string(),
    dataWanted: z.string(),
    dueDate: z.string().nullable(),
    attachments: z.array(attachmentSchema),
    state: z.enum(REQUEST_STATES),
    department: z.string().nullable(),
    cooperationDepartment: z.string().nullable(),
    requester: personSchema,
    analyst: personSchema.nullable(),
    result: z.object({ kind: z.enum(REQUEST_RESULT_KINDS), id: z.uuid() }).nullable(),
    actions: z.array(z.enum(MOVES)).openapi({ description: 'The steps you may take now' }),
    canComment: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AnalysisRequest');
const eventSchema = z.object({
  id: z.uuid(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  comment: z.string(),
  actor: personSchema,
  at: z.string(),
});
const detailSchema = requestSchema.extend({ history: z.array(eventSchema) }).openapi('AnalysisRequestDetail');

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Analysis requests you may see: yours, those waiting for review, those assigned to you, or all',
  request: {
    query: z.object({
      scope: z.enum(['mine', 'review', 'assigned', 'all']).default('all'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: { 200: json('Requests', z.object({ items: z.array(requestSchema) })), ...errorResponses(400, 401) },
});
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'File an analysis request (신청); its department’s reviewers are notified',
  request: {
    ...jsonBody(
      z.object({
        title: z.string().trim().min(1).max(200),
        purpose: z.string().max(4000).default(''),
        content: z.string().max(20_000).default(''),
        dataWanted: z.string().max(4000).default(''),
        dueDate: z.iso.date().nullable().default(null),
        attachments: z.array(attachmentInput).max(20).default([]),
      }),
    ),
  },
  responses: { 201: json('The request', detailSchema), ...errorResponses(400, 401, 422) },
});
const read = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One request with its history (404 to whoever may not see it)',
  request: { params: idParam },
  responses: { 200: json('The request', detailSchema), ...errorResponses(400, 401, 404) },
});
const act = createRoute({
  method: 'post',
  path: '/{id}/actions',
  tags,
  summary:
    'Take the next step: approve, cooperate, assign (analystId), complete (result), reject (comment) or cancel. ' +
    '403 for the wrong person, 409 for a step that cannot follow the current one',
  request: {
    params: idParam,
    ...jsonBody(
      z.object({
        action: z.enum(MOVES),
        comment: z.string().trim().max(4000).default(''),
        analystId: z.uuid().optional(),
        department: z.string().trim().max(100).optional(),
        result: z.object({ kind: z.enum(REQUEST_RESULT_KINDS), id: z.uuid() }).optional(),
      }),
    ),
  },
  responses: { 200: json('The request', detailSchema), ...errorResponses(400, 401, 403, 404, 409, 422) },
});
const comment = createRoute({
  method: 'post',
  path: '/{id}/comments',
  tags,
  summary: 'Add a comment to the history (anyone who sees the request)',
  request: { params: idParam, ...jsonBody(z.object({ comment: z.string().trim().min(1).max(4000) })) },
  responses: { 200: json('The request', detailSchema), ...errorResponses(400, 401, 404) },
});
const fileParams = z.object({
  id: idParam.shape.id,
  fileId: z.uuid().openapi({ param: { name: 'fileId', in: 'path' } }),
});
const attach = createRoute({
  method: 'post',
  path: '/{id}/files',
  tags,
  summary:
    'Attach a file (raw body, name in X-Filename) to a request you may see; stored on the server under the dataset ' +
    'upload limit, at most 20 attachments per request',
  request: {
    params: idParam,
    headers: uploadHeaders,
    body: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
  },
  responses: { 201: json('The request', detailSchema), ...errorResponses(400, 401, 404, 413, 422, 429) },
});
const fetchFile = createRoute({
  method: 'get',
  path: '/{id}/files/{fileId}',
  tags,
  summary: 'Download an attached file (404 to whoever may not see the request)',
  request: { params: fileParams },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    },
    ...errorResponses(400, 401, 404),
  },
});
const analysts = createRoute({
  method: 'get',
  path: '/analysts',
  tags,
  summary: 'People a reviewer may assign as analyst (active users)',
  responses: {
    200: json('Users', z.object({ items: z.array(personSchema.extend({ department: z.string().nullable() })) })),
    ...errorResponses(401, 403),
  },
});

const refuse = (
  status: 409 | 422,
  code: Parameters<typeof msg>[0],
  english: string,
  args?: Parameters<typeof msg>[1],
) => new ApiError(status, code.replace(/^api\./, ''), english, {}, msg(code, args));

async function checkResult(
  db: Db,
  user: SessionUser,
  result: { kind: 'pipeline' | 'template' | 'dashboard'; id: string },
) {
  const label = { pipeline: '파이프라인', template: '템플릿', dashboard: '대시보드' }[result.kind];
  try {
    if (result.kind === 'pipeline') await viewable(db, result.id, user);
    else if (result.kind === 'template') await viewableTemplate(db, result.id, user);
    else await viewableDashboard(db, result.id, user);
  } catch {
    throw refuse(422, 'api.request_result_missing', `${result.kind} not found`, {
      kind: { ko: label, en: result.kind },
    });
  }
}

async function checkAttachments(db: Db, user: SessionUser, input: z.infer<typeof attachmentInput>[]) {
  const out: Attachment[] = [];
  for (const a of input) {
    if (a.kind === 'link') {
      out.push({ kind: 'link', url: a.url, label: a.label });
      continue;
    }
    const found = await findDataset(db, a.datasetId);
    if (!found || !datasetCanView(user, found.dataset)) {
      throw refuse(422, 'api.request_attachment_missing', 'attached dataset not found');
    }
    out.push({ kind: 'dataset', datasetId: a.datasetId, name: found.dataset.name });
  }
  return out;
}

export function requestRoutes(deps: AppDeps) {
  const { db, config } = deps;
  const uploadRate = new UploadRateLimit(config.uploads.perMinute);
  const detail = async (id: string, user: SessionUser) => ({
    ...toRequestJson(await viewableRequest(db, id, user), user),
    history: await requestHistory(db, id),
  });
  const app = router<AppEnv>();
  app.use('*', requireUser());
  return app
    .openapi(list, async (c) => {
      const { scope, limit } = c.req.valid('query');
      return c.json({ items: await listRequests(db, authed(c).user, scope, limit) }, 200);
    })
    .openapi(analysts, async (c) => {
      const { user } = authed(c);
      if (user.role === 'officer') throw new ApiError(403, 'forbidden', 'reviewers and admins assign analysts');
      const rows = await db
        .select({
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          department: users.department,
        })
        .from(users)
        .where(and(isNull(users.disabledAt), ne(users.username, SYSTEM_USERNAME)))
        .orderBy(asc(users.displayName))
        .limit(500);
      return c.json({ items: rows }, 200);
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json');
      const { user } = authed(c);
      const attachments = await checkAttachments(db, user, input.attachments);
      const now = deps.now();
      const [row] = await db
        .insert(analysisRequests)
        .values({
          ...input,
          attachments,
          requesterId: user.id,
          department: user.department,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: analysisRequests.id });
      await applyMove(db, {
        requestId: row!.id,
        actorId: user.id,
        action: 'submit',
        fromState: null,
        toState: 'submitted',
        comment: '',
        at: now,
        notify: await reviewersOf(db, user.department),
        title: input.title,
      });
      return c.json(await detail(row!.id, user), 201);
    })
    .openapi(read, async (c) => c.json(await detail(c.req.valid('param').id, authed(c).user), 200))
    .openapi(attach, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      await viewableRequest(db, id, user);
      uploadRate.take(user.id, deps.now());
      await attachFile(db, id, {
        body: c.req.raw.body,
        filenameHeader: c.req.header('x-filename'),
        contentLength: c.req.header('content-length'),
        root: config.uploads.requestFilesDir,
        maxBytes: config.uploads.datasetMaxBytes,
        uploaderId: user.id,
        now: deps.now(),
      });
      return c.json(await detail(id, user), 201);
    })
    .openapi(fetchFile, async (c) => {
      const { id, fileId } = c.req.valid('param');
      const { request: r } = await viewableRequest(db, id, authed(c).user);
      const a = (r.attachments as Attachment[]).find(
        (x): x is FileAttachment => x.kind === 'file' && x.fileId === fileId,
      );
      if (!a) throw notFound('attachment');
      const file = attachmentPath(config.uploads.requestFilesDir, id, a);
      return c.body(Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, 200, {
        'content-type': 'application/octet-stream',
        'content-length': String(a.size),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
    })
    .openapi(comment, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = authed(c);
      const { request: r } = await viewableRequest(db, id, user);
      await applyMove(db, {
        requestId: id,
        actorId: user.id,
        action: 'comment',
        fromState: null,
        toState: r.state,
        comment: c.req.valid('json').comment,
        at: deps.now(),
        notify: [r.requesterId, r.analystId, r.reviewerId].filter((x): x is string => !!x),
        title: r.title,
      });
      return c.json(await detail(id, user), 200);
    })
    .openapi(act, async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const { user } = authed(c);
      const { request: r } = await viewableRequest(db, id, user);
      const to = decide(input.action, user, r);
      const set: Partial<typeof analysisRequests.$inferInsert> = {};
      const label = REQUEST_ACTION_LABELS[input.action];
      if (input.action === 'reject' && !input.comment) {
        throw refuse(422, 'api.request_needs_comment', 'rejecting needs a reason', { action: label });
      }
      if (input.action === 'approve') set.reviewerId = user.id;
      if (input.action === 'cooperate') {
        if (!input.department) throw refuse(422, 'api.request_needs_department', 'name the department');
        set.cooperationDepartment = input.department;
      }
      let notify = [r.requesterId];
      if (input.action === 'assign') {
        const person = input.analystId ? await activeUser(db, input.analystId) : undefined;
        if (!person) throw refuse(422, 'api.request_needs_analyst', 'unknown or disabled analyst');
        set.analystId = person.id;
        notify.push(person.id);
      }
      if (input.action === 'complete') {
        if (!input.result) throw refuse(422, 'api.request_needs_result', 'completing needs a result');
        await checkResult(db, user, input.result);
        set.resultKind = input.result.kind;
        set.resultId = input.result.id;
      }
      if (input.action === 'cancel' && r.analystId) notify.push(r.analystId);
      if (input.action === 'cancel' && r.state === 'submitted')
        notify = [...notify, ...(await reviewersOf(db, r.department))];
      const moved = await applyMove(db, {
        requestId: id,
        actorId: user.id,
        action: input.action,
        fromState: r.state,
        toState: to,
        comment: input.comment,
        at: deps.now(),
        set,
        notify,
        title: r.title,
      });
      if (!moved) throw new ApiError(409, 'conflict', 'the request changed meanwhile: reload it');
      return c.json(await detail(id, user), 200);
    });
}
