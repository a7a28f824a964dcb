import { serve } from '@hono/node-server';
import { registry } from '../nodes/index.ts';
import { createApp } from './app.ts';
import { ensureAdmin } from './auth/bootstrap.ts';
import { deleteExpiredSessions } from './auth/sessions.ts';
import { deleteEndedWindows } from './auth/throttle.ts';
import { readConfigOrExit } from './config.ts';
import { openDatabase } from './db/client.ts';
import { afterRunHook } from './runs/after-run.ts';
import { readRunnerConfig } from './runs/config.ts';
import { workerExecutor } from './runs/executor.ts';
import { Runner } from './runs/runner.ts';

const config = readConfigOrExit();
const started = performance.now();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const where = database.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
console.log(`Database: ${where}, migrated in ${Math.round(performance.now() - started)} ms`);

const admin = await ensureAdmin(database.db);
if (admin) {
  const line = '─'.repeat(64);
  console.log(`${line}\nFirst start: created the account "${admin.username}" with the one-time password\n`);
  console.log(`    ${admin.password}\n`);
  console.log(`Sign in with it and choose a new password; it is not shown again.\n${line}`);
}
await deleteExpiredSessions(database.db, new Date());
await deleteEndedWindows(database.db, new Date(), config.throttle.windowMs);

const app = createApp({ ...database, config, registry, now: () => new Date(), log: (m) => console.error(m) });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Customs Analysis Studio on http://${config.host}:${info.port}  (API reference: /api/docs)`);
});

// Scheduled runs (issue 6): every instance may run one; they share the queue through the database.
const runnerConfig = readRunnerConfig(process.env, config.dataDir);
const runner = runnerConfig.enabled
  ? new Runner({
      db: database.db,
      now: () => new Date(),
      log: (m) => console.error(m),
      concurrency: runnerConfig.concurrency,
      maxAttempts: runnerConfig.maxAttempts,
      backoffMs: runnerConfig.backoffMs,
      staleAfterMs: runnerConfig.staleAfterMs,
      execute: workerExecutor({
        db: database.db,
        datasetsDir: config.uploads.datasetsDir,
        modelsDir: config.uploads.modelsDir,
        ...runnerConfig,
      }),
      afterRun: afterRunHook(database.db, runnerConfig, { now: () => new Date(), log: (m) => console.error(m) }),
    })
  : undefined;
runner?.every(runnerConfig.intervalMs);
console.log(runner ? `Runner ${runner.id}: every ${runnerConfig.intervalMs} ms` : 'Runner: off (RUNNER=off)');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  server.close();
  await runner?.stop(); // aborts runs in progress: they end failed and are retried by any instance
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
