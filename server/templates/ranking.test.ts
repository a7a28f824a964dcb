import { describe, expect, it } from 'vitest';
import { bayesian, type RankEvent, rankChange, rankTemplates } from './ranking.ts';

const DAY = 86_400_000;
const END = Date.parse('2026-11-24T09:00:00Z');

/** `n` events of `kind`, spread over `users` distinct users, all at `at`. */
function events(templateId: string, kind: RankEvent['kind'], n: number, users: number, at = END): RankEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    templateId,
    kind,
    userId: `${templateId}-u${i % users}`,
    value: null,
    at,
  }));
}
function ratings(templateId: string, stars: number[], at = END): RankEvent[] {
  return stars.map((value, i) => ({ templateId, kind: 'rating', userId: `${templateId}-r${i}`, value, at }));
}

/*
 * Worked by hand (week: half-life 7 days; events "now" weigh 1):
 *   global mean C = (126 + 5) / 31 = 4.2258
 *   A: 40 uses, 12 users, 30 votes averaging 4.2 (Σ 126): reuse 40 + 3·12 = 76,
 *      rating (5·4.2258 + 126) / 35 = 4.2037 → score 76 · 4.2037 / 4.2258 = 75.60
 *   B: 35 uses, 11 users, one 5-star vote: reuse 35 + 33 = 68, rating (21.129 + 5) / 6 = 4.3548 → 70.08
 *      (with the raw 5.0 instead it would be 68 · 5 / 4.2258 = 80.46 and beat A: the shrinkage is what stops it)
 *   C: excellent, 20 uses, 5 users, no votes: reuse 35 → 35 · 1.25 = 43.75
 *   D: 22 uses, 6 users: 22 + 18 = 40 (C beats D only thanks to the boost)
 *   E: the old favourite, 60 uses, 16 users, all 6 days ago: (60 + 48) · 2^(−6/7) = 108 · 0.5520 = 59.62;
 *      undecayed it would be 108, first; monthly (half-life 30 days) 108 · 2^(−6/30) = 94.03, first there.
 */
const fixture: RankEvent[] = [
  ...events('A', 'use', 40, 12),
  ...ratings('A', [...Array(6).fill(5), ...Array(24).fill(4)]),
  ...events('B', 'use', 35, 11),
  ...ratings('B', [5]),
  ...events('C', 'use', 20, 5),
  ...events('D', 'use', 22, 6),
  ...events('E', 'use', 60, 16, END - 6 * DAY),
];
const excellent = new Set(['C']);

describe('template ranking', () => {
  it('orders the weekly fixture as worked out by hand', () => {
    const ranked = rankTemplates({ events: fixture, excellent, end: END, period: 'week' });
    expect(ranked.map((r) => r.templateId)).toEqual(['A', 'B', 'E', 'C', 'D']);
    const score = Object.fromEntries(ranked.map((r) => [r.templateId, r.score]));
    expect(score.A).toBeCloseTo(75.6, 1);
    expect(score.B).toBeCloseTo(70.08, 1);
    expect(score.E).toBeCloseTo(59.62, 1);
    expect(score.C).toBeCloseTo(43.75, 2);
    expect(score.D).toBeCloseTo(40, 2);
    expect(ranked[2]!.components).toMatchObject({ ratingCount: 0, boost: 1 });
    expect(ranked[3]!.components.boost).toBe(1.25);
  });

  it('lets the old favourite lead the monthly tab, where its week-old uses decay less', () => {
    const ranked = rankTemplates({ events: fixture, excellent, end: END, period: 'month' });
    expect(ranked.map((r) => r.templateId)).toEqual(['E', 'A', 'B', 'C', 'D']);
    expect(ranked[0]!.score).toBeCloseTo(94.03, 1);
  });

  it('never ranks a template on stars alone, and leaves events outside the window out', () => {
    const ranked = rankTemplates({
      events: [...ratings('S', [5, 5, 5]), ...events('O', 'use', 50, 10, END - 8 * DAY), ...events('N', 'copy', 2, 1)],
      excellent: new Set(),
      end: END,
      period: 'week',
    });
    // N: 0.5 · 2 + 3 · 1 = 4 (no votes: rating = mean)
    expect(ranked).toEqual([expect.objectContaining({ templateId: 'N', rank: 1, score: 4 })]);
  });

  it('counts each user once with their latest rating', () => {
    const rerated: RankEvent[] = [
      ...events('T', 'use', 1, 1),
      { templateId: 'T', kind: 'rating', userId: 'x', value: 1, at: END - DAY },
      { templateId: 'T', kind: 'rating', userId: 'x', value: 4, at: END - 1000 },
    ];
    const [t] = rankTemplates({ events: rerated, excellent: new Set(), end: END, period: 'week' });
    expect(t!.components.ratingCount).toBe(1);
    expect(t!.components.rating).toBe(4); // the only vote is the mean itself
    expect(bayesian([5], 3)).toBeCloseTo((5 * 3 + 5) / 6, 10);
  });

  it('describes rank changes as the portal shows them', () => {
    expect(rankChange(2, 5)).toEqual({ kind: 'up', by: 3 });
    expect(rankChange(4, 1)).toEqual({ kind: 'down', by: 3 });
    expect(rankChange(1, 1)).toEqual({ kind: 'same', by: 0 });
    expect(rankChange(1, undefined)).toEqual({ kind: 'new' });
  });
});
