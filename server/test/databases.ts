/**
 * Test databases for the integration suite, which runs once per driver:
 * - `pglite`: a migrated template is built once per machine and migration set (cached as a dump in the
 *   temp folder, ~2 s), then every test file loads its own copy from it (~0.3 s).
 * - `postgres`: when `TEST_DATABASE_URL` (or `DATABASE_URL`) names a server, every test file gets a fresh
 *   database on it (created, migrated, dropped at the end). Without a URL the variant is skipped, and says so.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, MIGRATIONS_FOLDER, openDatabase } from '../db/client.ts';

export interface TestDriver {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

export const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

function migrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return hash.digest('hex').slice(0, 16);
}

async function pgliteTemplate(): Promise<Blob> {
  const dir = join(tmpdir(), 'customs-studio-tests');
  const file = join(dir, `pglite-${migrationsHash()}.tar`);
  if (!existsSync(file)) {
    const template = await openDatabase();
    const { $client } = template.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } };
    const dump = Buffer.from(await (await $client.dumpDataDir('none')).arrayBuffer());
    await template.close();
    mkdirSync(dir, { recursive: true });
    // Several test files may build it at once: write aside, then rename (atomic on one file system).
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

/** A new, empty database on the PostgreSQL server at `url`: its address, and how to drop it (connections ended). */
export async function scratchPostgres(url: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function freshPostgres(url: string): Promise<Database> {
  const scratch = await scratchPostgres(url, 'cas_test');
  // The drop below ends this database's connections; an idle one may still report it.
  const database = await openDatabase({ url: scratch.url, onIdleError: () => {} });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

export const drivers: TestDriver[] = [
  { name: 'pglite', open: async () => openDatabase({ loadDataDir: await pgliteTemplate() }) },
  ...(postgresUrl ? [{ name: 'postgres' as const, open: () => freshPostgres(postgresUrl) }] : []),
];
