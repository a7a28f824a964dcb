/**
 * The app's tables, one `pg-core` schema for PGlite and PostgreSQL alike. Migrations in `drizzle/` are
 * generated from this file (`npm run db:generate`); never edit a released migration by hand.
 *
 * Tables for schedules and runs join this file when their routes do.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const ROLES = ['officer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const VISIBILITIES = ['private', 'department', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-case login name; unique. */
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string (`$argon2id$v=19$m=…`). */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('officer'),
    /** Department name; pipelines shared with "department" visibility are seen by users of the same one. */
    department: text('department'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check('users_role_check', sql`${t.role} in ('officer', 'reviewer', 'admin')`),
    check('users_username_check', sql`${t.username} = lower(${t.username})`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 (hex) of the random session id; the id itself only ever lives in the cookie. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Sent back in `X-CSRF-Token` on every cookie-authenticated write. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Idle expiry, pushed forward by sliding renewal but never past `absoluteExpiresAt`. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Failed logins per key (`user:<name>` or `ip:<address>`) inside a fixed window. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
});

export const pipelines = pgTable(
  'pipelines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    /** Copied from the latest version's document (`doc.name`, `doc.description`) for listing and search. */
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('private'),
    /** The department that "department" visibility shares with: the owner's when the pipeline was created. */
    department: text('department'),
    latestVersion: integer('latest_version').notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check('pipelines_visibility_check', sql`${t.visibility} in ('private', 'department', 'public')`),
    index('pipelines_owner_idx').on(t.ownerId),
    index('pipelines_visibility_idx').on(t.visibility, t.department),
    index('pipelines_updated_idx').on(t.updatedAt),
    index('pipelines_tags_idx').using('gin', t.tags),
  ],
);

export const pipelineVersions = pgTable(
  'pipeline_versions',
  {
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The validated, migrated pipeline document (`runtime/document/pipeline-doc.ts`). */
    doc: jsonb('doc').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    message: text('message').notNull().default(''),
    /** Set when this version was made by restoring an older one. */
    restoredFrom: integer('restored_from'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pipelineId, t.version] })],
);

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type PipelineRow = typeof pipelines.$inferSelect;
export type PipelineVersionRow = typeof pipelineVersions.$inferSelect;

export const DATASET_FORMATS = ['csv', 'parquet', 'json', 'xlsx', 'zip', 'png', 'jpeg', 'pdf'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];
/**
 * Image bundles: stored with size and checksum for image nodes (`source.image_files`, X-ray) but no table in them.
 * A PDF is a scanned document (certificate of origin): `source.image_files` reads it page by page.
 */
export const BINARY_DATASET_FORMATS = ['zip', 'png', 'jpeg', 'pdf'] as const satisfies readonly DatasetFormat[];
export type BinaryDatasetFormat = (typeof BINARY_DATASET_FORMATS)[number];
export const isBinaryFormat = (f: DatasetFormat): f is BinaryDatasetFormat =>
  (BINARY_DATASET_FORMATS as readonly string[]).includes(f);

/** Uploaded files under `<dataDir>/datasets/<id>/<storedName>`, with their checksum, schema and column profile. */
export const datasets = pgTable(
  'datasets',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    /** Display name (defaults to the sanitized original file name). */
    name: text('name').notNull(),
    /** The client's file name as sent (metadata only; never used as a path). */
    originalName: text('original_name').notNull(),
    /** The file's name inside the dataset folder: sanitized, chosen by the server. */
    storedName: text('stored_name').notNull(),
    format: text('format', { enum: DATASET_FORMATS }).notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    rows: bigint('rows', { mode: 'number' }).notNull(),
    /** `[{ name, type }]` as DuckDB reads the file. */
    columns: jsonb('columns').notNull(),
    /** Per column: type, null %, distinct ≈, min/max, top values. */
    profile: jsonb('profile').notNull(),
    /** Warnings of the reader (e.g. skipped ragged CSV lines). */
    warnings: jsonb('warnings').notNull().default(sql`'[]'::jsonb`),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('private'),
    department: text('department'),
    ...timestamps,
  },
  (t) => [
    check('datasets_visibility_check', sql`${t.visibility} in ('private', 'department', 'public')`),
    check('datasets_format_check', sql`${t.format} in ('csv', 'parquet', 'json', 'xlsx', 'zip', 'png', 'jpeg', 'pdf')`),
    index('datasets_owner_idx').on(t.ownerId),
    index('datasets_visibility_idx').on(t.visibility, t.department),
  ],
);

export const TEMPLATE_CATEGORIES = [
  'clearance_clustering',
  'clearance_risk_score',
  'xray_detection',
  'trade_finance',
  'bigfinder_links',
  'trend_prediction',
  'requirement_verification',
  'import_price',
  'tax_risk',
  'supply_chain',
  'document_association',
  'origin_certificate',
  'vessel_analysis',
  'export_support',
  'data_map',
  'consultation_chatbot',
  'hs_code_prediction',
  'general',
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const TEMPLATE_STATUSES = ['draft', 'published'] as const;

/** A pipeline version published as an example ("우수 분석사례"); the document is a snapshot of that version. */
export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    pipelineId: uuid('pipeline_id').references(() => pipelines.id, { onDelete: 'set null' }),
    pipelineVersion: integer('pipeline_version').notNull(),
    doc: jsonb('doc').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    category: text('category', { enum: TEMPLATE_CATEGORIES }).notNull().default('general'),
    status: text('status', { enum: TEMPLATE_STATUSES }).notNull().default('draft'),
    excellent: boolean('excellent').notNull().default(false),
    excellentBy: uuid('excellent_by').references(() => users.id),
    excellentAt: timestamp('excellent_at', { withTimezone: true }),
    /** `image/png` or `image/svg+xml`, with the bytes base64-encoded (size-limited). */
    previewType: text('preview_type'),
    preview: text('preview'),
    useCount: integer('use_count').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check('templates_status_check', sql`${t.status} in ('draft', 'published')`),
    index('templates_owner_idx').on(t.ownerId),
    index('templates_status_idx').on(t.status, t.category),
    index('templates_tags_idx').using('gin', t.tags),
  ],
);

export const templateRatings = pgTable(
  'template_ratings',
  {
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    stars: integer('stars').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.templateId, t.userId] }),
    check('template_ratings_stars_check', sql`${t.stars} between 1 and 5`),
  ],
);

export const templateComments = pgTable(
  'template_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('template_comments_template_idx').on(t.templateId, t.createdAt)],
);

/**
 * What the ranking is computed from: `use` (copied with parameters), `copy` (plain copy), `rating` (stars in
 * `value`), `run_success` (a scheduled run of a pipeline made from the template succeeded; the scheduler fills it).
 */
export const TEMPLATE_EVENT_KINDS = ['use', 'copy', 'rating', 'run_success'] as const;
export type TemplateEventKind = (typeof TEMPLATE_EVENT_KINDS)[number];

export const templateEvents = pgTable(
  'template_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id),
    kind: text('kind', { enum: TEMPLATE_EVENT_KINDS }).notNull(),
    value: integer('value'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('template_events_kind_check', sql`${t.kind} in ('use', 'copy', 'rating', 'run_success')`),
    index('template_events_at_idx').on(t.at),
    index('template_events_template_idx').on(t.templateId, t.at),
  ],
);

/** Template search terms (normalized: trimmed, case-folded, NFC), for the popular-searches ranking. */
export const templateSearches = pgTable(
  'template_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    term: text('term').notNull(),
    userId: uuid('user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('template_searches_at_idx').on(t.at)],
);

export type DatasetRow = typeof datasets.$inferSelect;
export type TemplateRow = typeof templates.$inferSelect;

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A saved pipeline run on a cron schedule (issue 6). `nextRunAt` is advanced by the runner's tick. */
export const schedules = pgTable(
  'schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull().default(''),
    cron: text('cron').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Seoul'),
    /** Values for the pipeline's declared parameters. */
    params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
    /** A pinned version, or null for the latest at run time. */
    version: integer('version'),
    enabled: boolean('enabled').notNull().default(true),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    /** Notify the owner in the studio when a run of this schedule fails for good (no attempts left). */
    alertOnFailure: boolean('alert_on_failure').notNull().default(true),
    /** Risk watch-list: notify when this node's result has rows after a successful run. */
    watchNodeId: text('watch_node_id'),
    /** Optional: POSTed a JSON summary on every alert (failures are logged, never fatal). */
    webhookUrl: text('webhook_url'),
    ...timestamps,
  },
  (t) => [index('schedules_due_idx').on(t.enabled, t.nextRunAt), index('schedules_pipeline_idx').on(t.pipelineId)],
);

/** One execution (attempt) of a pipeline; claimed by runners with `FOR UPDATE SKIP LOCKED`. */
export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    scheduleId: uuid('schedule_id').references(() => schedules.id, { onDelete: 'set null' }),
    version: integer('version'),
    params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
    status: text('status', { enum: RUN_STATUSES }).notNull().default('queued'),
    attempt: integer('attempt').notNull().default(1),
    maxAttempts: integer('max_attempts').notNull().default(3),
    /** Not claimed before this time (retry backoff). */
    runAfter: timestamp('run_after', { withTimezone: true }).notNull(),
    /** The schedule slot this run was enqueued for (null for "run now"). */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    trigger: text('trigger').notNull().default('schedule'),
    requestedBy: uuid('requested_by').references(() => users.id),
    claimedBy: text('claimed_by'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** Renewed by the runner on every tick while it executes the run; a stale one means its server died. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Per node: rows, ms, warnings, error. */
    log: jsonb('log').notNull().default(sql`'[]'::jsonb`),
    error: text('error'),
    errorNodeId: text('error_node_id'),
    /** The run this one retries. */
    retryOf: uuid('retry_of'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'runs_status_check',
      sql`${t.status} in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out')`,
    ),
    index('runs_queue_idx').on(t.status, t.runAfter),
    index('runs_pipeline_idx').on(t.pipelineId, t.createdAt),
    index('runs_schedule_idx').on(t.scheduleId, t.createdAt),
    // the home page's counters and rankings read runs by period
    index('runs_created_idx').on(t.createdAt),
    index('runs_requested_idx').on(t.requestedBy, t.createdAt),
  ],
);

export type ScheduleRow = typeof schedules.$inferSelect;
export type RunRow = typeof runs.$inferSelect;

/** A run's stored result of one node (Parquet table or SVG chart) under `<dataDir>/artifacts/<runId>/`. */
export const runArtifacts = pgTable(
  'run_artifacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    /** The node's type (`output.file`, `sql`, `chart.vega`, ...). */
    nodeType: text('node_type').notNull(),
    format: text('format', { enum: ['parquet', 'svg'] }).notNull(),
    /** Relative to the artifacts folder. */
    file: text('file').notNull(),
    rows: bigint('rows', { mode: 'number' }),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    /** Columns `{ name, type }[]` of a table artifact. */
    schema: jsonb('schema').notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('run_artifacts_run_idx').on(t.runId, t.nodeId), index('run_artifacts_created_idx').on(t.createdAt)],
);

export const NOTIFICATION_KINDS = ['run_failed', 'watch_rows', 'request'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** In-app alerts (the bell in the studio header). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'cascade' }),
    pipelineId: uuid('pipeline_id').references(() => pipelines.id, { onDelete: 'cascade' }),
    scheduleId: uuid('schedule_id').references(() => schedules.id, { onDelete: 'set null' }),
    nodeId: text('node_id'),
    /** A short English line; the studio words it from `kind` and `data` in the user's language. */
    message: text('message').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('notifications_kind_check', sql`${t.kind} in ('run_failed', 'watch_rows', 'request')`),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

export type RunArtifactRow = typeof runArtifacts.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;

/**
 * A grid of charts, tables and key figures over the latest scheduled runs of one or more pipelines (issue 8).
 * `layout` and `filters` are validated by `server/dashboards/schemas.ts`; an item's data is shown only to
 * viewers who may see its pipeline, whatever the dashboard's own visibility.
 */
export const dashboards = pgTable(
  'dashboards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('private'),
    /** The department that "department" visibility shares with: the owner's when the dashboard was created. */
    department: text('department'),
    /** Grid items `{ id, kind, pipelineId, nodeId, x, y, w, h, title, figure? }[]`. */
    layout: jsonb('layout').notNull().default(sql`'[]'::jsonb`),
    /** Dashboard-wide filters `{ column, label, values? }[]`, applied to every item whose table has the column. */
    filters: jsonb('filters').notNull().default(sql`'[]'::jsonb`),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check('dashboards_visibility_check', sql`${t.visibility} in ('private', 'department', 'public')`),
    index('dashboards_owner_idx').on(t.ownerId),
    index('dashboards_visibility_idx').on(t.visibility, t.department),
  ],
);

export type DashboardRow = typeof dashboards.$inferSelect;

/**
 * Analysis requests (분석의뢰, issue 19): an officer asks for an analysis; a reviewer approves it, the business
 * bureau cooperates, an assigned analyst does it and links the result. The allowed moves are in
 * `server/requests/workflow.ts`; every move is one row of `analysis_request_events`.
 */
export const REQUEST_STATES = [
  'submitted',
  'approved',
  'cooperation',
  'in_analysis',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const REQUEST_RESULT_KINDS = ['pipeline', 'template', 'dashboard'] as const;
export type RequestResultKind = (typeof REQUEST_RESULT_KINDS)[number];

export const analysisRequests = pgTable(
  'analysis_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    /** The requester's department when filed: its reviewers review it. */
    department: text('department'),
    title: text('title').notNull(),
    purpose: text('purpose').notNull().default(''),
    content: text('content').notNull().default(''),
    dataWanted: text('data_wanted').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }),
    /** `{ kind: 'dataset', datasetId }` (uploaded files become datasets) or `{ kind: 'link', url, label }`. */
    attachments: jsonb('attachments').notNull().default(sql`'[]'::jsonb`),
    state: text('state', { enum: REQUEST_STATES }).notNull().default('submitted'),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    /** The business bureau (department) asked to cooperate. */
    cooperationDepartment: text('cooperation_department'),
    analystId: uuid('analyst_id').references(() => users.id),
    resultKind: text('result_kind', { enum: REQUEST_RESULT_KINDS }),
    resultId: uuid('result_id'),
    ...timestamps,
  },
  (t) => [
    check(
      'analysis_requests_state_check',
      sql`${t.state} in ('submitted', 'approved', 'cooperation', 'in_analysis', 'completed', 'rejected', 'cancelled')`,
    ),
    index('analysis_requests_requester_idx').on(t.requesterId, t.updatedAt),
    index('analysis_requests_analyst_idx').on(t.analystId, t.updatedAt),
    index('analysis_requests_state_idx').on(t.state, t.department),
  ],
);

export const analysisRequestEvents = pgTable(
  'analysis_request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Orders events of the same instant (the history is read in this order). */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => analysisRequests.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    /** `submit`, `approve`, `cooperate`, `assign`, `complete`, `reject`, `cancel` or `comment`. */
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    comment: text('comment').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('analysis_request_events_request_idx').on(t.requestId, t.at)],
);

export type AnalysisRequestRow = typeof analysisRequests.$inferSelect;
export type AnalysisRequestEventRow = typeof analysisRequestEvents.$inferSelect;

export const SEARCH_KINDS = ['pipeline', 'template', 'dataset', 'dashboard', 'request'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One row per searchable item, kept in step by triggers on the source tables (migration 0006): the text folded
 * (lower case, no spaces) and its 초성 (initial consonants) precomputed, so global search is a substring match on
 * two columns (trigram-indexed where pg_trgm exists). Who may see a row is decided from its own columns.
 */
export const searchDocs = pgTable(
  'search_docs',
  {
    kind: text('kind', { enum: SEARCH_KINDS }).notNull(),
    refId: uuid('ref_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    folded: text('folded').notNull(),
    chosung: text('chosung').notNull(),
    ownerId: uuid('owner_id'),
    /** `private`, `department` or `public` as the item's own; requests are `request` (seen by their people). */
    visibility: text('visibility').notNull(),
    department: text('department'),
    /** Requests: the assigned analyst, who sees it too. */
    members: uuid('members').array().notNull().default(sql`'{}'::uuid[]`),
    /** Deleted pipelines and dashboards: never found. */
    hidden: boolean('hidden').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId] }), index('search_docs_updated_idx').on(t.updatedAt)],
);

/**
 * The data map's attributes of a dataset (issue 18, KCS model (10)): its customs process stage (null: guessed from
 * its column names), how often it is refreshed and a note. Changed by the dataset's owner or an admin.
 */
export const datasetCatalog = pgTable('dataset_catalog', {
  datasetId: uuid('dataset_id')
    .primaryKey()
    .references(() => datasets.id, { onDelete: 'cascade' }),
  stage: text('stage'),
  refresh: text('refresh').notNull().default(''),
  note: text('note').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type DatasetCatalogRow = typeof datasetCatalog.$inferSelect;
