/**
 * The service and office rankings (one grouped query over the period's runs) against figures counted by hand on a
 * small library with runs and sign-ins in this week and the week before, so that ▲/▼ is exercised too.
 */
import { beforeAll, expect, it } from 'vitest';
import { pipelines, pipelineVersions, runs, sessions } from '../db/schema.ts';
import { describeDrivers } from '../test/harness.ts';
import { runRankings } from './queries.ts';

const DAY = 86_400_000;

describeDrivers('service and office rankings', (ctx) => {
  let result: Awaited<ReturnType<typeof runRankings>>;

  beforeAll(async () => {
    const s = ctx();
    const { db } = s.database;
    const kim = (await s.user('kim', { department: '통관' })).id;
    const lee = (await s.user('lee', { department: '심사' })).id;
    const park = (await s.user('park', { department: '감시' })).id;
    const choi = (await s.user('choi', { department: null })).id;
    const now = s.deps.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const pipeline = async (ownerId: string, name: string, types: string[]) => {
      const [p] = await db
        .insert(pipelines)
        .values({ ownerId, name, latestVersion: 1 })
        .returning({ id: pipelines.id });
      const nodes = types.map((type, i) => ({ id: `n${i}`, type, params: {} }));
      await db.insert(pipelineVersions).values({ pipelineId: p!.id, version: 1, doc: { nodes }, authorId: ownerId });
      return p!.id;
    };
    // P1 uses sql twice: it counts once for sql
    const p1 = await pipeline(kim, 'P1', ['source.file', 'sql', 'sql', 'prep.filter', 'output.file']);
    const p2 = await pipeline(lee, 'P2', ['source.file', 'prep.filter', 'output.file']);
    const p3 = await pipeline(park, 'P3', ['source.file', 'sql', 'output.file']);
    const run = (pipelineId: string, daysAgo: number, requestedBy: string | null) => ({
      pipelineId,
      status: 'succeeded' as const,
      runAfter: ago(daysAgo),
      createdAt: ago(daysAgo),
      requestedBy,
      trigger: requestedBy ? 'manual' : 'schedule',
    });
    await db.insert(runs).values([
      // this week: P1 ×3 (kim twice, one scheduled), P2 ×1 (lee)
      run(p1, 1, kim),
      run(p1, 2, kim),
      run(p1, 3, null),
      run(p2, 1, lee),
      // the week before: P1 ×1 (park), P2 ×1, P3 ×6
      run(p1, 8, park),
      run(p2, 9, null),
      ...[8, 9, 10, 11, 12, 13].map((d) => run(p3, d, null)),
      // older than both periods: not counted
      run(p2, 20, lee),
    ]);
    const session = (userId: string, daysAgo: number) => ({
      idHash: `${userId}-${daysAgo}`,
      userId,
      csrfToken: 'x',
      createdAt: ago(daysAgo),
      expiresAt: ago(daysAgo - 1),
      absoluteExpiresAt: ago(daysAgo - 1),
    });
    // kim signed in and ran this week (one active user); park signed in this week; lee the week before; choi has
    // no office
    await db.insert(sessions).values([session(kim, 1), session(park, 2), session(lee, 10), session(choi, 1)]);
    result = await runRankings(db, s.deps.registry, now, 'week', 10);
  });

  it('ranks node types by the runs of the pipelines that use them, with the change versus the week before', () => {
    // this week: prep.filter = P1 3 + P2 1 = 4 in 2 pipelines; sql = P1 3. The week before: sql = P1 1 + P3 6 = 7,
    // prep.filter = P1 1 + P2 1 = 2. Reading and writing nodes are not services.
    expect(
      result.services.map(({ type, runs, pipelines, change, rank }) => ({ rank, type, runs, pipelines, change })),
    ).toEqual([
      { rank: 1, type: 'prep.filter', runs: 4, pipelines: 2, change: { kind: 'up', by: 1 } },
      { rank: 2, type: 'sql', runs: 3, pipelines: 1, change: { kind: 'down', by: 1 } },
    ]);
  });

  it('ranks offices by active users then runs of their pipelines, with the change versus the week before', () => {
    // this week: 통관 kim, 3 runs; 심사 lee, 1 run; 감시 park (sign-in), 0 runs.
    // the week before: 감시 park (ran P1), 6 runs; 심사 lee (sign-in), 1 run; 통관 nobody, 1 run.
    expect(result.offices).toEqual([
      { rank: 1, department: '통관', activeUsers: 1, runs: 3, change: { kind: 'up', by: 2 } },
      { rank: 2, department: '심사', activeUsers: 1, runs: 1, change: { kind: 'same', by: 0 } },
      { rank: 3, department: '감시', activeUsers: 1, runs: 0, change: { kind: 'down', by: 2 } },
    ]);
  });
});
