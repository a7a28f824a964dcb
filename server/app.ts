import { bodyLimit } from 'hono/body-limit';
import { SESSION_COOKIE } from './auth/cookie.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { ApiError } from './errors.ts';
import { accessLog } from './middleware/access-log.ts';
import { csrfToken, sameOriginWrites } from './middleware/csrf.ts';
import { errorHandler, notFoundHandler } from './middleware/error-handler.ts';
import { jsonDepthLimit } from './middleware/json-depth.ts';
import { sandboxWorkerCsp } from './middleware/sandbox-worker-csp.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { sessionLoader } from './middleware/session.ts';
import { openApiDocument } from './openapi.ts';
import { authRoutes } from './routes/auth.ts';
import { dashboardRoutes } from './routes/dashboards.ts';
import { dataMapRoutes } from './routes/datamap.ts';
import { datasetRoutes } from './routes/datasets.ts';
import { healthRoutes } from './routes/health.ts';
import { homeRoutes } from './routes/home.ts';
import { modelRoutes } from './routes/models.ts';
import { MODEL_MAX_BYTES } from './routes/models-schemas.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { ocrRoutes } from './routes/ocr.ts';
import { pipelineRoutes } from './routes/pipelines.ts';
import { requestRoutes } from './routes/requests.ts';
import { router } from './routes/router.ts';
import { runRoutes } from './routes/runs.ts';
import { scheduleRoutes } from './routes/schedules.ts';
import { searchRoutes } from './routes/search.ts';
import { staticRoutes } from './routes/static-files.ts';
import { templateRoutes } from './routes/templates.ts';
import { userRoutes } from './routes/users.ts';
import { mountStatic } from './static.ts';

/**
 * The whole server as one Hono app: security headers on everything; under `/api`, a body limit, the
 * same-origin check for writes, the session and its CSRF token, then one sub-app per resource.
 * Schedules and runs mount here as `/api/<resource>` when they exist.
 *
 * @example
 * const { db, driver } = await openDatabase();
 * serve({ fetch: createApp({ db, driver, config: readConfig(), registry, now: () => new Date(), log: console.log }).fetch });
 */
export function createApp(deps: AppDeps) {
  const { config } = deps;
  const payloadTooLarge = () => {
    throw new ApiError(413, 'payload_too_large', `request bodies are limited to ${config.bodyLimit} bytes`);
  };
  const api = router<AppEnv>();
  const jsonLimit = bodyLimit({ maxSize: config.bodyLimit, onError: payloadTooLarge });
  // Dataset uploads and request files stream to disk under their own limit (`config.uploads.datasetMaxBytes`).
  // Models (base64 JSON or multipart) have theirs too (`MODEL_MAX_BYTES`).
  const modelLimit = bodyLimit({
    maxSize: MODEL_MAX_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `models are limited to ${MODEL_MAX_BYTES} bytes`);
    },
  });
  api.use('*', (c, next) => {
    if (isDatasetUpload(c.req.method, c.req.path)) return next();
    return (isModelUpload(c.req.method, c.req.path) ? modelLimit : jsonLimit)(c, next);
  });
  api.use('*', jsonDepthLimit());
  api.use('*', sameOriginWrites(config.security));
  api.use('*', sessionLoader(deps));
  api.use('*', csrfToken());
  const routes = api
    .route('/', healthRoutes(deps))
    .route('/auth', authRoutes(deps))
    .route('/users', userRoutes(deps))
    .route('/pipelines', pipelineRoutes(deps))
    .route('/datasets', datasetRoutes(deps))
    .route('/templates', templateRoutes(deps))
    .route('/schedules', scheduleRoutes(deps))
    .route('/runs', runRoutes(deps))
    .route('/notifications', notificationRoutes(deps))
    .route('/dashboards', dashboardRoutes(deps))
    .route('/models', modelRoutes(deps))
    .route('/ocr', ocrRoutes(deps))
    .route('/requests', requestRoutes(deps))
    .route('/search', searchRoutes(deps))
    .route('/datamap', dataMapRoutes(deps))
    .route('/home', homeRoutes(deps));

  const root = router<AppEnv>();
  if (deps.logger) root.use('*', accessLog(deps.logger));
  root.use('*', securityHeaders());
  root.use('/assets/*', sandboxWorkerCsp()); // code.js worker: may eval, may connect nowhere
  mountStatic(root, { db: deps.db }); // the built studio at / (before the landing page) and /samples/ (with dataset ids)
  const app = root.route('/api', routes).route('/', staticRoutes());
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.doc('/api/openapi.json', openApiDocument);
  app.onError(errorHandler(deps.log));
  app.notFound(notFoundHandler);
  return app;
}

/** Dataset uploads and files attached to analysis requests stream to disk under the dataset limit. */
const isDatasetUpload = (method: string, path: string) =>
  method === 'POST' && (/^\/api\/datasets\/?$/.test(path) || /^\/api\/requests\/[0-9a-f-]{36}\/files\/?$/.test(path));
const isModelUpload = (method: string, path: string) => method === 'POST' && /^\/api\/models(\/upload)?\/?$/.test(path);

export type AppType = ReturnType<typeof createApp>;
