import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { templateEvents, templateSearches, templates } from '../db/schema.ts';
import { type RankEvent, totalsOf } from '../templates/ranking.ts';
import { rankTotals } from '../templates/ranking-data.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, describeDrivers } from '../test/harness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeDrivers('template ranking', (server) => {
  let kim: Client;
  let rev: Client;
  const users: string[] = [];
  const ids: Record<'X' | 'Y' | 'Z', string> = { X: '', Y: '', Z: '' };

  beforeAll(async () => {
    await server().user('kim');
    await server().user('rev', { role: 'reviewer' });
    for (let i = 0; i < 10; i++) users.push((await server().user(`u${i}`)).id);
    kim = await server().signIn('kim');
    rev = await server().signIn('rev');
    const { id: pipelineId } = await (await kim.post('/api/pipelines', { doc: pipelineDoc('p') })).json();
    for (const key of ['X', 'Y', 'Z'] as const) {
      const res = await kim.post('/api/templates', { pipelineId, title: key, status: 'published' });
      ids[key] = (await res.json()).id;
    }
    await rev.put(`/api/templates/${ids.X}/excellent`, { excellent: true });
  });

  /** `n` uses spread over the first `spread` users, `ago` ms before now. */
  const uses = (key: keyof typeof ids, n: number, spread: number, ago: number) => {
    const at = new Date(server().deps.now().getTime() - ago);
    return Array.from({ length: n }, (_, i) => ({
      templateId: ids[key],
      userId: users[i % spread]!,
      kind: 'use' as const,
      at,
    }));
  };

  it('ranks a known fixture in the weekly and monthly tabs, with rank changes', async () => {
    // Last week (10 days ago): X 10 uses by 5 users, Y 2 uses by 1 user → previous weekly ranking X 1, Y 2.
    // This week (1 hour ago): Y 20 uses by 10 users (20 + 30 = 50), Z 6 uses by 6 users (6 + 18 = 24).
    await server()
      .database.db.insert(templateEvents)
      .values([
        ...uses('X', 10, 5, 10 * DAY),
        ...uses('Y', 2, 1, 10 * DAY),
        ...uses('Y', 20, 10, HOUR),
        ...uses('Z', 6, 6, HOUR),
      ]);
    const week = await (await kim.get('/api/templates/ranking?period=week')).json();
    expect(week.items.map((i: { template: { title: string } }) => i.template.title)).toEqual(['Y', 'Z']);
    expect(week.items[0]).toMatchObject({ rank: 1, change: { kind: 'up', by: 1 }, components: { boost: 1 } });
    expect(week.items[0].score).toBeCloseTo(50, 0);
    expect(week.items[1]).toMatchObject({ rank: 2, change: { kind: 'new' } });
    // Monthly (half-life 30 days): X (10 + 15) · 2^(−10/30) · 1.25 = 24.80 (excellent) beats Z 24 · 0.999 = 23.98;
    // Y 50 + (2 + 3 · 2^(−10/30))… stays first: its recent user weights count once per user at their latest use.
    const month = await (await kim.get('/api/templates/ranking?period=month')).json();
    expect(month.items.map((i: { template: { title: string } }) => i.template.title)).toEqual(['Y', 'X', 'Z']);
    expect(month.items[1].score).toBeCloseTo(24.8, 1);
    expect(month.items[1].components.boost).toBe(1.25);
    expect((await kim.get('/api/templates/ranking?period=all')).status).toBe(200);
    expect((await kim.get('/api/templates/ranking?period=year')).status).toBe(400);
  });

  it('computes in SQL the very totals the ranking formula gives over the events', async () => {
    // Scattered events over 40 days (some in the future, re-ratings, anonymous runs) on top of the first test's.
    const now = server().deps.now().getTime();
    const kinds = ['use', 'copy', 'run_success', 'rating'] as const;
    await server()
      .database.db.insert(templateEvents)
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          templateId: ids[(['X', 'Y', 'Z'] as const)[i % 3]!],
          userId: i % 11 === 0 ? null : users[(i * 7) % 10]!,
          kind: kinds[(i * 5) % 4]!,
          value: kinds[(i * 5) % 4] === 'rating' ? 1 + (i % 5) : null,
          at: new Date(now - ((i * 7919) % (40 * DAY)) + (i % 17 === 0 ? DAY : 0)),
        })),
      );
    const rows = await server()
      .database.db.select({
        templateId: templateEvents.templateId,
        userId: templateEvents.userId,
        kind: templateEvents.kind,
        value: templateEvents.value,
        at: templateEvents.at,
      })
      .from(templateEvents)
      .innerJoin(templates, eq(templates.id, templateEvents.templateId))
      .where(eq(templates.status, 'published'));
    const events: RankEvent[] = rows.map((r) => ({ ...r, at: r.at.getTime() }));
    for (const period of ['week', 'month', 'all'] as const) {
      const expected = totalsOf(events, now, period);
      const got = await rankTotals(server().database.db, now, period);
      expect([...got.reuse.keys()].sort(), period).toEqual([...expected.reuse.keys()].sort());
      for (const [id, r] of expected.reuse)
        for (const k of ['uses', 'copies', 'users', 'runs'] as const)
          expect(got.reuse.get(id)![k]).toBeCloseTo(r[k], 9);
      expect(Object.fromEntries(got.stars), period).toEqual(Object.fromEntries(expected.stars));
    }
  });

  it('ranks normalized search terms per period with rank changes', async () => {
    const now = server().deps.now().getTime();
    const old = (term: string) => ({ term, userId: users[0]!, at: new Date(now - 9 * DAY) });
    await server()
      .database.db.insert(templateSearches)
      .values([...Array(5).fill(old('hs')), old('수입')]);
    for (const q of ['  수입 ', '수입', '\u1109\u116e\u110b\u1175\u11b8', 'HS', 'hs']) {
      expect((await kim.get(`/api/templates?q=${encodeURIComponent(q)}`)).status).toBe(200);
    }
    const popular = await (await kim.get('/api/templates/searches/popular?period=week')).json();
    expect(popular.items).toEqual([
      { rank: 1, term: '수입', count: 3, change: { kind: 'up', by: 1 } },
      { rank: 2, term: 'hs', count: 2, change: { kind: 'down', by: 1 } },
    ]);
  });
});
