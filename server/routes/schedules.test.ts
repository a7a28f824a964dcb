import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { runs } from '../db/schema.ts';
import { type RunExecutor, Runner, RunTimeoutError } from '../runs/runner.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, describeDrivers } from '../test/harness.ts';

type Json = Record<string, unknown>;
const MINUTE = 60_000;

describeDrivers('schedules and runs', (server) => {
  let kim: Client;
  let park: Client;
  let pipelineId: string;
  /** Parameter values seen by the executor, per run. */
  const seen: Json[] = [];
  let behaviour: 'ok' | 'fail' | 'hang' | 'timeout' = 'ok';
  const execute: RunExecutor = async (run, signal) => {
    seen.push(run.params as Json);
    if (behaviour === 'fail')
      return { ok: false, log: [{ node: 'q', error: 'boom' }], error: 'boom', errorNodeId: 'q' };
    if (behaviour === 'timeout') throw new RunTimeoutError('the run exceeded its time limit of 1 s and was stopped');
    if (behaviour === 'hang') {
      await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    }
    return { ok: true, log: [{ node: 'q', rows: 3, ms: 1, warnings: [] }] };
  };
  let runner: Runner;

  beforeAll(async () => {
    await server().user('kim', { department: 'Seoul' });
    await server().user('park', { department: 'Busan' });
    kim = await server().signIn('kim');
    park = await server().signIn('park');
    const res = await kim.post('/api/pipelines', { doc: pipelineDoc('watch') });
    pipelineId = ((await res.json()) as { id: string }).id;
    runner = new Runner({ db: server().database.db, now: server().deps.now, execute, backoffMs: MINUTE });
  });

  const runsOf = async (scheduleId: string) => {
    const res = await kim.get(`/api/runs?scheduleId=${scheduleId}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Json[] }).items;
  };

  it('previews the next five run times in Asia/Seoul', async () => {
    // now = 2026-11-24T09:00Z (Tuesday 18:00 in Seoul); Mondays 09:00 KST = 00:00Z
    const res = await kim.get('/api/schedules/preview?cron=0%209%20*%20*%201');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { next: string[]; timeZone: string };
    expect(body.timeZone).toBe('Asia/Seoul');
    expect(body.next).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
      '2026-12-14T00:00:00.000Z',
      '2026-12-21T00:00:00.000Z',
      '2026-12-28T00:00:00.000Z',
    ]);
    expect((await kim.get('/api/schedules/preview?cron=nonsense')).status).toBe(422);
    expect((await kim.get('/api/schedules/preview?cron=0%209%20*%20*%201&tz=Mars/Base')).status).toBe(422);
  });

  it('refuses unknown parameters, wrong types, and pipelines the caller cannot see', async () => {
    const base = { pipelineId, cron: '*/5 * * * *' };
    const unknown = await kim.post('/api/schedules', { ...base, params: { nope: 1 } });
    expect(unknown.status).toBe(422);
    const wrongType = await kim.post('/api/schedules', { ...base, params: { min_value: 'x' } });
    expect(wrongType.status).toBe(422);
    expect((await park.post('/api/schedules', base)).status).toBe(404);
    expect((await kim.post('/api/schedules', { ...base, version: 9 })).status).toBe(422);
  });

  it('fires at its time with its parameter values, then advances', async () => {
    const res = await kim.post('/api/schedules', { pipelineId, cron: '0 19 * * *', params: { min_value: 5000 } });
    expect(res.status).toBe(201);
    const schedule = (await res.json()) as Json;
    expect(schedule.nextRunAt).toBe('2026-11-24T10:00:00.000Z'); // 19:00 KST
    expect(schedule.timeZone).toBe('Asia/Seoul');
    await runner.tick();
    expect(await runsOf(schedule.id as string)).toHaveLength(0);
    server().advance(60 * MINUTE);
    await runner.tick();
    await runner.idle();
    const [run] = await runsOf(schedule.id as string);
    expect(run).toMatchObject({ status: 'succeeded', scheduledFor: '2026-11-24T10:00:00.000Z', attempt: 1 });
    expect(run!.log).toEqual([{ node: 'q', rows: 3, ms: 1, warnings: [] }]);
    expect(seen.at(-1)).toEqual({ min_value: 5000 });
    const after = (await (await kim.get(`/api/schedules/${schedule.id}`)).json()) as Json;
    expect(after.nextRunAt).toBe('2026-11-25T10:00:00.000Z');
    await kim.patch(`/api/schedules/${schedule.id}`, { enabled: false });
  });

  it('runs a schedule missed while down once, then continues', async () => {
    const res = await kim.post('/api/schedules', { pipelineId, cron: '*/10 * * * *' });
    const schedule = (await res.json()) as Json;
    server().advance(65 * MINUTE); // six slots missed
    await runner.tick();
    await runner.idle();
    expect(await runsOf(schedule.id as string)).toHaveLength(1);
    const after = (await (await kim.get(`/api/schedules/${schedule.id}`)).json()) as Json;
    expect(Date.parse(after.nextRunAt as string)).toBeGreaterThan(server().deps.now().getTime());
    await kim.delete(`/api/schedules/${schedule.id}`);
  });

  it('retries a failed run with backoff, up to the maximum attempts', async () => {
    const res = await kim.post('/api/schedules', { pipelineId, cron: '0 0 1 1 *', enabled: true });
    const schedule = (await res.json()) as Json;
    behaviour = 'fail';
    expect((await kim.post(`/api/schedules/${schedule.id}/run`)).status).toBe(202);
    await runner.tick();
    await runner.idle();
    let history = await runsOf(schedule.id as string);
    expect(history.map((r) => [r.attempt, r.status])).toEqual([
      [2, 'queued'],
      [1, 'failed'],
    ]);
    expect(history[1]).toMatchObject({ error: 'boom', errorNodeId: 'q' });
    await runner.tick(); // the retry waits one minute
    expect((await runsOf(schedule.id as string))[0]!.status).toBe('queued');
    server().advance(MINUTE);
    await runner.tick();
    await runner.idle();
    server().advance(2 * MINUTE - 1); // then two minutes
    await runner.tick();
    expect((await runsOf(schedule.id as string))[0]).toMatchObject({ attempt: 3, status: 'queued' });
    server().advance(1);
    await runner.tick();
    await runner.idle();
    history = await runsOf(schedule.id as string);
    expect(history.map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    behaviour = 'ok';
  });

  it('marks a run over its time limit timed_out with a clear message', async () => {
    const res = await kim.post('/api/schedules', { pipelineId, cron: '0 0 1 1 *' });
    const schedule = (await res.json()) as Json;
    behaviour = 'timeout';
    const run = (await (await kim.post(`/api/schedules/${schedule.id}/run`)).json()) as Json;
    await runner.tick();
    await runner.idle();
    const done = (await (await kim.get(`/api/runs/${run.id}`)).json()) as Json;
    expect(done).toMatchObject({ status: 'timed_out' });
    expect(done.error).toMatch(/time limit/);
    behaviour = 'ok';
  });

  it('cancels a queued run at once and a running one on the next tick', async () => {
    const res = await kim.post('/api/schedules', { pipelineId, cron: '0 0 1 1 *' });
    const schedule = (await res.json()) as Json;
    const queued = (await (await kim.post(`/api/schedules/${schedule.id}/run`)).json()) as Json;
    expect((await park.post(`/api/runs/${queued.id}/cancel`)).status).toBe(404);
    const cancelled = (await (await kim.post(`/api/runs/${queued.id}/cancel`)).json()) as Json;
    expect(cancelled.status).toBe('cancelled');

    behaviour = 'hang';
    const running = (await (await kim.post(`/api/schedules/${schedule.id}/run`)).json()) as Json;
    await runner.tick();
    expect(((await (await kim.get(`/api/runs/${running.id}`)).json()) as Json).status).toBe('running');
    const flagged = (await (await kim.post(`/api/runs/${running.id}/cancel`)).json()) as Json;
    expect(flagged.cancelRequested).toBe(true);
    await runner.tick();
    await runner.idle();
    const done = (await (await kim.get(`/api/runs/${running.id}`)).json()) as Json;
    expect(done).toMatchObject({ status: 'cancelled', error: 'cancelled by a user' });
    const retries = await server()
      .database.db.select()
      .from(runs)
      .where(eq(runs.retryOf, running.id as string));
    expect(retries).toHaveLength(0);
    behaviour = 'ok';
  });

  it('fails a run left running by a dead server and retries it', async () => {
    const res = await kim.post('/api/schedules', { pipelineId, cron: '0 0 1 1 *' });
    const schedule = (await res.json()) as Json;
    const run = (await (await kim.post(`/api/schedules/${schedule.id}/run`)).json()) as Json;
    // A runner that claims the run and "dies": its execution never ends.
    const dead = new Runner({ db: server().database.db, now: server().deps.now, execute: () => new Promise(() => {}) });
    await dead.tick();
    const survivor = new Runner({
      db: server().database.db,
      now: server().deps.now,
      execute,
      staleAfterMs: 10 * MINUTE,
      backoffMs: MINUTE,
    });
    await survivor.tick();
    expect(((await (await kim.get(`/api/runs/${run.id}`)).json()) as Json).status).toBe('running');
    server().advance(10 * MINUTE);
    await survivor.tick();
    const lost = (await (await kim.get(`/api/runs/${run.id}`)).json()) as Json;
    expect(lost.status).toBe('failed');
    expect(lost.error).toMatch(/server running it stopped/);
    server().advance(MINUTE);
    await survivor.tick();
    await survivor.idle();
    expect((await runsOf(schedule.id as string))[0]).toMatchObject({ attempt: 2, status: 'succeeded' });
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const doc = (await (await kim.get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/api/schedules',
      '/api/schedules/preview',
      '/api/schedules/{id}/run',
      '/api/runs/{id}/cancel',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it('lists runs per pipeline and refuses a listing without a filter', async () => {
    const res = await kim.get(`/api/runs?pipelineId=${pipelineId}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: Json[] }).items.length).toBeGreaterThan(5);
    expect((await kim.get('/api/runs')).status).toBe(400);
    expect((await park.get(`/api/runs?pipelineId=${pipelineId}`)).status).toBe(404);
  });
});
