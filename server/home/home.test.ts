/** The home page's figures on a small library whose expected values are counted by hand below. */
import { beforeAll, expect, it } from 'vitest';
import { datasets, runs, schedules } from '../db/schema.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, describeDrivers } from '../test/harness.ts';
import { startOfKstDay } from './queries.ts';

type Json = Record<string, unknown>;
const HOUR = 3_600_000;

it('starts "today" at midnight in Korea', () => {
  // 2026-11-26 00:30 KST is 2026-11-25 15:30 UTC
  expect(startOfKstDay(new Date('2026-11-25T15:30:00Z')).toISOString()).toBe('2026-11-25T15:00:00.000Z');
  expect(startOfKstDay(new Date('2026-11-25T14:59:00Z')).toISOString()).toBe('2026-11-24T15:00:00.000Z');
});

describeDrivers('home page', (ctx) => {
  let kim: Client;
  let home: Json;

  beforeAll(async () => {
    const s = ctx();
    const { db } = s.database;
    const kimId = (await s.user('kim', { department: '통관' })).id;
    const leeId = (await s.user('lee', { department: '심사' })).id;
    [kim] = [await s.signIn('kim')];
    await s.signIn('lee');
    const t0 = s.deps.now();
    const save = async (c: Client, name: string) =>
      ((await (await c.post('/api/pipelines', { doc: pipelineDoc(name) })).json()) as { id: string }).id;
    const p1 = await save(kim, '수입신고 분석');
    const dataset = (id: string, rows: number, at: Date, ownerId: string) => ({
      id,
      ownerId,
      name: `d${rows}`,
      originalName: `d${rows}.csv`,
      storedName: `d${rows}.csv`,
      format: 'csv' as const,
      size: 10,
      sha256: 'x',
      rows,
      columns: [],
      profile: {},
      createdAt: at,
      updatedAt: at,
    });
    await db.insert(datasets).values(dataset('00000000-0000-4000-8000-000000000001', 100, t0, kimId));
    s.advance(2 * 24 * HOUR); // now 2026-11-26 09:00 UTC = 18:00 KST
    kim = await s.signIn('kim'); // the first session has expired meanwhile
    const now = s.deps.now();
    const ago = (h: number) => new Date(now.getTime() - h * HOUR);
    await db.insert(datasets).values(dataset('00000000-0000-4000-8000-000000000002', 50, ago(1), leeId));
    await save(kim, '수출 현황'); // created now: +1 since yesterday
    const [schedule] = await db
      .insert(schedules)
      .values({ pipelineId: p1, ownerId: kimId, cron: '0 * * * *' })
      .returning({ id: schedules.id });
    const run = (at: Date, scheduled: boolean) => ({
      pipelineId: p1,
      scheduleId: scheduled ? schedule!.id : null,
      status: 'succeeded' as const,
      runAfter: at,
      createdAt: at,
      requestedBy: scheduled ? null : kimId,
      trigger: scheduled ? 'schedule' : 'manual',
    });
    // today (since 00:00 KST = 15:00 UTC yesterday): 3 scheduled + 1 by hand; yesterday until this time: 1
    // scheduled (the one after this time of day does not count for the comparison)
    await db
      .insert(runs)
      .values([
        run(ago(1), true),
        run(ago(2), true),
        run(ago(3), true),
        run(ago(1), false),
        run(ago(25), true),
        run(ago(23.5), true),
      ]);
    const res = await kim.get('/api/home');
    home = (await res.json()) as Json;
    if (res.status !== 200) throw new Error(JSON.stringify(home));
  });

  it('counts datasets, rows, pipelines and today’s scheduled runs with the change since yesterday', () => {
    expect(home.counters).toEqual({
      datasets: { value: 2, change: 1 },
      rows: { value: 150, change: 50 },
      pipelines: { value: 2, change: 1 },
      scheduledRunsToday: { value: 3, change: 2 },
    });
  });

  it('ranks analysis services by runs (reading and writing nodes are not services) and offices by users and runs', () => {
    expect(home.services).toEqual([
      expect.objectContaining({ rank: 1, type: 'sql', runs: 6, pipelines: 1, change: { kind: 'new' } }),
    ]);
    // 통관: kim signed in and started a run, 6 runs of its pipelines; 심사: lee signed in, no runs
    expect(home.offices).toEqual([
      { rank: 1, department: '통관', activeUsers: 1, runs: 6, change: { kind: 'new' } },
      { rank: 2, department: '심사', activeUsers: 1, runs: 0, change: { kind: 'new' } },
    ]);
  });

  it('lists my recent pipelines and runs', () => {
    const recent = home.recent as { kind: string; title: string }[];
    expect(recent.map((r) => `${r.kind}:${r.title}`)).toEqual([
      'pipeline:수출 현황',
      'run:수입신고 분석',
      'pipeline:수입신고 분석',
    ]);
    expect(home.requests).toEqual([]);
  });
});
