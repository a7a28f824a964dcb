/**
 * The app's tables, one `pg-core` schema for PGlite and PostgreSQL alike. Migrations in `drizzle/` are
 * generated from this file (`npm run db:generate`); never edit a released migration by hand.
 *
 * Tables for datasets, templates (+ ratings, ranking), schedules and runs join this file when their
 * routes do (issue 5, later parts).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
