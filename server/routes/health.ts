/**
 * Liveness and readiness, kept apart: `GET /api/health` answers at once from memory (a load balancer or
 * supervisor restarts the process when it stops answering, so it must not wait on anything slow), while
 * `GET /api/ready` checks what serving needs: the database, the runner's ticks (when this instance runs
 * one), the Korean fonts used by chart images and PDF reports, and the Chromium that prints PDFs.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { createRoute, z } from '@hono/zod-openapi';
import { DEFAULT_FONT_FILES } from '../../nodes/chart/render-png.ts';
import type { AppDeps, AppEnv, RunnerPulse } from '../context.ts';
import { pingDatabase } from '../db/client.ts';
import { router } from './router.ts';

const SERVICE = 'customs-analysis-studio';
/** Korean fonts: chart PNGs load these files; Chromium finds the same package through fontconfig. */
const KOREAN_FONT_FILES = DEFAULT_FONT_FILES.filter((f) => f.includes('/nanum/'));

const healthSchema = z.object({ ok: z.literal(true), service: z.string(), uptimeS: z.number() }).openapi('Health');

const checkSchema = z.object({
  ok: z.boolean(),
  /** Why it failed, or what was found; never a stack. */
  detail: z.string().optional(),
  latencyMs: z.number().optional(),
});
const readySchema = z
  .object({
    ok: z.boolean(),
    service: z.string(),
    checks: z.object({ database: checkSchema, runner: checkSchema, fonts: checkSchema, chromium: checkSchema }),
    failing: z.array(z.string()).openapi({ description: 'Names of the checks that failed (empty when ready).' }),
  })
  .openapi('Ready');

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness: the process answers (touches nothing else)',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: healthSchema } } } },
});

const ready = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['system'],
  summary: 'Readiness: database, runner ticks, Korean fonts and Chromium',
  responses: {
    200: { description: 'Ready to serve', content: { 'application/json': { schema: readySchema } } },
    503: {
      description: 'Not ready; `failing` lists the failed checks',
      content: { 'application/json': { schema: readySchema } },
    },
  },
});

type Check = z.infer<typeof checkSchema>;
type ReadyDeps = Pick<AppDeps, 'db' | 'driver' | 'config' | 'runnerPulse'>;

async function databaseCheck({ db, driver }: ReadyDeps): Promise<Check> {
  try {
    const latencyMs = await pingDatabase(db);
    return { ok: true, detail: driver, latencyMs };
  } catch (e) {
    return { ok: false, detail: `${driver}: ${String((e as Error).message).slice(0, 200)}` };
  }
}

/** Ticking: the last tick ended within three intervals (a tick that hangs on the database fails this). */
function runnerCheck(pulse: RunnerPulse | undefined): Check {
  if (!pulse) return { ok: true, detail: 'off on this instance' };
  const last = pulse.lastTickAt();
  const since = last ? Date.now() - last.getTime() : Date.now() - pulse.startedAt.getTime();
  const limit = Math.max(3 * pulse.intervalMs, 10_000);
  if (since <= limit) return { ok: true, detail: last ? `last tick ${Math.round(since / 1000)} s ago` : 'starting' };
  return { ok: false, detail: last ? `no tick for ${Math.round(since / 1000)} s` : 'has not ticked yet' };
}

const readable = (file: string) =>
  access(file, constants.R_OK).then(
    () => true,
    () => false,
  );

async function fontsCheck(): Promise<Check> {
  const found = await Promise.all(KOREAN_FONT_FILES.map(readable));
  return found.some(Boolean)
    ? { ok: true }
    : { ok: false, detail: 'no Korean font (install fonts-nanum): charts and PDF reports would show empty boxes' };
}

async function chromiumCheck(chromiumPath: string): Promise<Check> {
  return (await access(chromiumPath, constants.X_OK).then(
    () => true,
    () => false,
  ))
    ? { ok: true }
    : { ok: false, detail: 'Chromium not found (CHROMIUM_PATH): PDF reports are unavailable' };
}

export function healthRoutes(deps: ReadyDeps) {
  return router<AppEnv>()
    .openapi(health, (c) => c.json({ ok: true as const, service: SERVICE, uptimeS: Math.round(process.uptime()) }, 200))
    .openapi(ready, async (c) => {
      const [database, fonts, chromium] = await Promise.all([
        databaseCheck(deps),
        fontsCheck(),
        chromiumCheck(deps.config.chromiumPath),
      ]);
      const checks = { database, runner: runnerCheck(deps.runnerPulse), fonts, chromium };
      const failing = Object.entries(checks)
        .filter(([, check]) => !check.ok)
        .map(([name]) => name);
      const ok = failing.length === 0;
      return c.json({ ok, service: SERVICE, checks, failing }, ok ? 200 : 503);
    });
}

/**
 * The pulse of a runner for `/api/ready`: records when each tick ends. The runner's own module stays
 * unaware of readiness; its `tick` is wrapped on this instance only (its timer calls `this.tick()`).
 */
export function watchTicks(runner: { tick(): Promise<void> }, intervalMs: number): RunnerPulse {
  let last: Date | undefined;
  const tick = runner.tick.bind(runner);
  runner.tick = async () => {
    await tick();
    last = new Date();
  };
  return { intervalMs, startedAt: new Date(), lastTickAt: () => last };
}
