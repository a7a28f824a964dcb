import { serve } from '@hono/node-server';
import { registry } from '../nodes/index.ts';
import { createApp } from './app.ts';
import { ensureAdmin } from './auth/bootstrap.ts';
import { deleteExpiredSessions } from './auth/sessions.ts';
import { deleteEndedWindows } from './auth/throttle.ts';
import { readConfigOrExit } from './config.ts';
import type { AppDeps } from './context.ts';
import { DataDirLocked, lockDataDir } from './data-lock.ts';
import { openDatabase } from './db/client.ts';
import { armExitWatchdog } from './exit-watchdog.ts';
import { createLogger, errorFields, logFunction } from './log/logger.ts';
import { watchTicks } from './routes/health.ts';
import { afterRunHook } from './runs/after-run.ts';
import { readRunnerConfig } from './runs/config.ts';
import { workerExecutor } from './runs/executor.ts';
import { Runner } from './runs/runner.ts';
import { seedShipped } from './seed/index.ts';

const config = readConfigOrExit();
const logger = createLogger(config.logLevel);
// One server per embedded-database folder (PostgreSQL is shared by design, PGlite is not).
let releaseDataDir = () => {};
if (!config.databaseUrl) {
  try {
    releaseDataDir = lockDataDir(config.dataDir);
  } catch (e) {
    if (!(e instanceof DataDirLocked)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  process.on('exit', () => releaseDataDir());
}
const started = performance.now();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const where = database.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
logger.info(`Database: ${where}, migrated in ${Math.round(performance.now() - started)} ms`);

const admin = await ensureAdmin(database.db);
if (admin) {
  // Printed as plain text on purpose (once, for the person starting the server), never as a log line.
  const line = '─'.repeat(64);
  console.log(`${line}\nFirst start: created the account "${admin.username}" with the one-time password\n`);
  console.log(`    ${admin.password}\n`);
  console.log(`Sign in with it and choose a new password; it is not shown again.\n${line}`);
}
await deleteExpiredSessions(database.db, new Date());
await deleteEndedWindows(database.db, new Date(), config.throttle.windowMs);

// Shipped samples → public datasets, shipped pipelines → published templates (idempotent); previews in the background.
const seedPreviews = new AbortController();
const seeded = await seedShipped(database.db, {
  registry,
  datasetsDir: config.uploads.datasetsDir,
  previewMaxBytes: config.uploads.previewMaxBytes,
  previews: config.uploads.templatePreviews,
  now: () => new Date(),
  log: logFunction(logger.child({ part: 'seed' }), 'info'),
  signal: seedPreviews.signal,
});
logger.info(
  `Shipped examples: ${seeded.samples.size} sample datasets, ${seeded.templates.length} templates (${seeded.ms} ms)`,
);

const appDeps: AppDeps = { ...database, config, registry, now: () => new Date(), log: logFunction(logger), logger };
const app = createApp(appDeps);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(`Customs Analysis Studio on http://${config.host}:${info.port}  (API reference: /api/docs)`);
});

// Scheduled runs (issue 6): every instance may run one; they share the queue through the database.
const runnerConfig = readRunnerConfig(process.env, config.dataDir);
if (runnerConfig.enabled) await (await import('./runs/spill.ts')).clearSpill(runnerConfig.spillDir); // left by a stopped server
const runner = runnerConfig.enabled
  ? new Runner({
      db: database.db,
      now: () => new Date(),
      log: logFunction(logger.child({ part: 'runner' })),
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
      afterRun: afterRunHook(database.db, runnerConfig, {
        now: () => new Date(),
        log: logFunction(logger.child({ part: 'after-run' })),
      }),
    })
  : undefined;
runner?.every(runnerConfig.intervalMs);
if (runner) appDeps.runnerPulse = watchTicks(runner, runnerConfig.intervalMs);
logger.info(runner ? `Runner ${runner.id}: every ${runnerConfig.intervalMs} ms` : 'Runner: off (RUNNER=off)');

/**
 * Graceful stop (a deploy, Ctrl-C): take no new connections or runs, let running runs finish for up to
 * SHUTDOWN_GRACE, then interrupt them (queued again, attempt not used up), close the database and exit.
 * Nothing may keep the process alive after that: open keep-alive sockets are closed, and a watchdog
 * process kills this one if some step (or the exit itself, see exit-watchdog.ts) hangs. A second signal
 * exits at once.
 */
let stopping = false;
async function stop(signal: string) {
  if (stopping) {
    logger.warn(`${signal} again: exiting now`);
    process.exit(1);
  }
  stopping = true;
  seedPreviews.abort(); // a preview being drawn is dropped with the process
  const graceMs = runner ? runnerConfig.shutdownGraceMs : 0;
  logger.info(`${signal}: closing (running runs get up to ${Math.round(graceMs / 1000)} s to finish)`);
  armExitWatchdog(graceMs + 15_000);
  server.close();
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  try {
    await runner?.stop(graceMs);
  } catch (e) {
    logger.error(errorFields(e), 'runner stop failed');
  }
  if ('closeAllConnections' in server) server.closeAllConnections();
  await database.close().catch((e: unknown) => logger.error(errorFields(e), 'database close failed'));
  releaseDataDir();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
