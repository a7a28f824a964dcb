/**
 * Child process of the `api` bench suite (`bench/api-load.ts`): opens the app database (PGlite in
 * `BENCH_DATA_DIR`, or PostgreSQL at `BENCH_DATABASE_URL`), seeds one officer and `BENCH_PIPELINES` pipelines
 * straight through the DB layer (one validated document, multi-row inserts in one transaction per batch), then
 * serves the real app on a free loopback port and prints one line `READY {json}` with where and who.
 * Runs apart from autocannon so that the load generator does not share the server's event loop.
 */
import { serve } from '@hono/node-server';
import { registry } from '../nodes/index.ts';
import { createApp } from '../server/app.ts';
import { hashPassword } from '../server/auth/password.ts';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { pipelines, pipelineVersions } from '../server/db/schema.ts';
import { checkedDoc } from '../server/pipelines/checked-doc.ts';
import { insertUser } from '../server/users/queries.ts';

export const BENCH_USER = 'bench';
export const BENCH_PASSWORD = 'bench load password 42';
/** Words in pipeline names; a search for one of them matches 1 in `WORDS.length` pipelines. */
export const WORDS = ['tariff', 'origin', 'valuation', 'smuggling', 'refund', 'transit', 'quota', 'drawback'];

export interface ReadyInfo {
  port: number;
  pipelines: number;
  seedMs: number;
  /** The first pipelines (id, version 1), one per saving connection. */
  saveIds: string[];
}

export function benchDoc(i: number) {
  return {
    format: 'customs-studio/pipeline',
    version: 1,
    name: `Declarations ${i} ${WORDS[i % WORDS.length]} check`,
    description: `Load-bench pipeline ${i}: declarations over a value, by SQL`,
    parameters: [{ name: 'min_value', type: 'number', default: 1000 + i }],
    nodes: [
      { id: 'src', type: 'source.file', params: { path: 'data/decl.csv', format: 'csv' } },
      { id: 'q', type: 'sql', params: { query: 'select * from src where value >= {{min_value}}' } },
      { id: 'out', type: 'output.file', params: { path: `out/result-${i}.csv`, format: 'csv' } },
    ],
    edges: [
      { source: 'src', target: 'q' },
      { source: 'q', target: 'out' },
    ],
  };
}

async function main() {
  const count = Number(process.env.BENCH_PIPELINES ?? 10_000);
  const saveCount = Number(process.env.BENCH_SAVE_IDS ?? 20);
  const database = await openDatabase({
    url: process.env.BENCH_DATABASE_URL || undefined,
    dataDir: process.env.BENCH_DATA_DIR,
  });
  const { db } = database;
  const started = performance.now();
  const user = await insertUser(db, {
    username: BENCH_USER,
    displayName: 'Load bench',
    passwordHash: await hashPassword(BENCH_PASSWORD),
    role: 'officer',
    department: 'bench',
    mustChangePassword: false,
  });
  if (!user) throw new Error('bench user exists: the database is not fresh');

  const ids: string[] = [];
  const base = Date.now() - count * 1000;
  const BATCH = 500;
  for (let from = 0; from < count; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => {
      const i = from + k;
      // Every document goes through the same check as an API save.
      return { i, doc: checkedDoc(benchDoc(i), registry), at: new Date(base + i * 1000) };
    });
    await db.transaction(async (tx) => {
      const rows = await tx
        .insert(pipelines)
        .values(
          batch.map(({ i, doc, at }) => ({
            ownerId: user.id,
            name: doc.name,
            description: doc.description ?? '',
            tags: [WORDS[i % WORDS.length]!, `batch-${Math.floor(i / 1000)}`],
            visibility: 'private' as const,
            department: 'bench',
            latestVersion: 1,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .returning({ id: pipelines.id });
      await tx.insert(pipelineVersions).values(
        batch.map(({ doc, at }, k) => ({
          pipelineId: rows[k]!.id,
          version: 1,
          doc,
          authorId: user.id,
          message: 'seed',
          createdAt: at,
        })),
      );
      ids.push(...rows.map((r) => r.id));
    });
  }
  const seedMs = performance.now() - started;

  const config = readConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: process.env.BENCH_DATA_DIR ?? '.data-bench' });
  const app = createApp({ ...database, config, registry, now: () => new Date(), log: (m) => console.error(m) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    const ready: ReadyInfo = { port: info.port, pipelines: ids.length, seedMs, saveIds: ids.slice(0, saveCount) };
    console.log(`READY ${JSON.stringify(ready)}`);
  });
  const stop = async () => {
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

if (process.env.BENCH_API_CHILD === '1') await main();
