/**
 * The one door to the app database: embedded PGlite by default (data under `.data/`), node-postgres when a
 * `postgres://` URL is given. Both run the same migrations from `drizzle/` before the app sees them.
 * Drizzle is imported only under `server/db/` and by the query modules that take a `Db`.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { readSettings } from '../config.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbDriver = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  driver: DbDriver;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Any number; held while migrating so that several server instances never migrate one database at once. */
const MIGRATION_LOCK = 4_711_305;

export interface OpenOptions {
  /** `postgres://…`: use that server. Otherwise PGlite. */
  url?: string;
  /** PGlite's data directory (created when missing); omitted = in memory. */
  dataDir?: string;
  /** PGlite only: start from this dump of a data directory (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  /** PostgreSQL only: where errors of idle pooled connections go (default: the console). */
  onIdleError?: (error: Error) => void;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    }
    return openPostgres(options.url, options.onIdleError);
  }
  return openPglite(options);
}

async function openPglite({ dataDir, loadDataDir }: OpenOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  // Trigram indexes for global search (migration 0006), as on PostgreSQL with its contrib modules.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  try {
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    // Both drivers' databases share the PgDatabase API the app uses; only the result HKT differs.
    return { db: db as unknown as Db, driver: 'pglite', close: () => client.close() };
  } catch (e) {
    await client.close();
    throw e;
  }
}

async function openPostgres(
  url: string,
  onIdleError = (e: Error) => console.error(`postgres: ${e.message}`),
): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: url, max: readSettings().DATABASE_POOL_SIZE });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', onIdleError);
  try {
    const db = drizzle({ client: pool, schema });
    const lock = await pool.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      lock.release();
    }
    return { db: db as unknown as Db, driver: 'postgres', close: () => pool.end() };
  } catch (e) {
    await pool.end();
    throw e;
  }
}

/** Round-trip time of a trivial query, for `GET /api/health`. */
export async function pingDatabase(db: Db): Promise<number> {
  const started = performance.now();
  await db.execute(sql`select 1`);
  return Math.round((performance.now() - started) * 10) / 10;
}
