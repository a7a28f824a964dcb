/**
 * The template ranking ("우수 분석사례" 랭킹) as a pure function of recorded events. Documented in README.md
 * (Server → Template ranking); keep the two in step.
 *
 *   reuse   = W_USE·uses + W_COPY·copies + W_USER·users + W_RUN·runs       (each event decayed, see below)
 *   rating  = (M·C + Σstars) / (M + n)                                      (Bayesian average, C = global mean)
 *   score   = reuse × (rating / C) × (excellent ? EXCELLENT_BOOST : 1)
 *
 * An event at time t counts 2^(−(end − t) / halfLife); `users` counts each distinct user once, with the weight
 * of their most recent use/copy/run. Ratings are each user's latest stars up to `end`. A template without any
 * reuse in the window scores 0 and is not ranked: stars alone never rank a template.
 */

export const W_USE = 1;
export const W_COPY = 0.5;
export const W_USER = 3;
export const W_RUN = 2;
/** Prior weight of the Bayesian average, in votes. */
export const PRIOR_VOTES = 5;
/** Global mean used when nobody has rated anything yet. */
export const DEFAULT_MEAN = 3;
export const EXCELLENT_BOOST = 1.25;

const DAY = 86_400_000;

export const PERIODS = {
  /** Window length (null = all time), half-life of the decay, and how far back "the previous period" ends. */
  week: { windowMs: 7 * DAY, halfLifeMs: 7 * DAY, previousShiftMs: 7 * DAY },
  month: { windowMs: 30 * DAY, halfLifeMs: 30 * DAY, previousShiftMs: 30 * DAY },
  all: { windowMs: null, halfLifeMs: 180 * DAY, previousShiftMs: 7 * DAY },
} as const;
export type Period = keyof typeof PERIODS;

export type EventKind = 'use' | 'copy' | 'rating' | 'run_success';

export interface RankEvent {
  templateId: string;
  userId: string | null;
  kind: EventKind;
  /** Stars, for `rating`. */
  value: number | null;
  at: number;
}

export interface Components {
  uses: number;
  copies: number;
  users: number;
  runs: number;
  rating: number;
  ratingCount: number;
  boost: number;
}

export interface Ranked {
  templateId: string;
  rank: number;
  score: number;
  components: Components;
}

export interface RankInput {
  events: RankEvent[];
  /** Templates marked excellent. */
  excellent: ReadonlySet<string>;
  /** End of the period (ms). */
  end: number;
  period: Period;
}

/** What a ranking needs per template: decayed reuse in the window and each user's latest stars (sum, count). */
export interface Reuse {
  uses: number;
  copies: number;
  users: number;
  runs: number;
}
export interface RankTotals {
  reuse: Map<string, Reuse>;
  stars: Map<string, { sum: number; count: number }>;
}

export function rankTemplates({ events, excellent, end, period }: RankInput): Ranked[] {
  return scoreTotals(totalsOf(events, end, period), excellent);
}

/**
 * The per-template totals of `events` for the period ending at `end`. The server computes the same totals in SQL
 * (`ranking-data.ts`), so the home page never reads the events themselves; a test holds the two together.
 */
export function totalsOf(events: RankEvent[], end: number, period: Period): RankTotals {
  const { windowMs, halfLifeMs } = PERIODS[period];
  const start = windowMs === null ? -Infinity : end - windowMs;
  const weight = (at: number) => 2 ** (-(end - at) / halfLifeMs);
  const acc = new Map<string, { uses: number; copies: number; runs: number; users: Map<string, number> }>();
  for (const e of events) {
    if (e.kind === 'rating' || e.at > end || e.at < start) continue;
    const a = acc.get(e.templateId) ?? { uses: 0, copies: 0, runs: 0, users: new Map<string, number>() };
    acc.set(e.templateId, a);
    const w = weight(e.at);
    if (e.kind === 'use') a.uses += w;
    else if (e.kind === 'copy') a.copies += w;
    else a.runs += w;
    if (e.userId) a.users.set(e.userId, Math.max(a.users.get(e.userId) ?? 0, w));
  }
  const reuse = new Map<string, Reuse>();
  for (const [id, a] of acc) {
    const users = [...a.users.values()].reduce((s, w) => s + w, 0);
    reuse.set(id, { uses: a.uses, copies: a.copies, users, runs: a.runs });
  }
  const stars = new Map<string, { sum: number; count: number }>();
  for (const [id, list] of latestRatings(events, end))
    stars.set(id, { sum: list.reduce((s, v) => s + v, 0), count: list.length });
  return { reuse, stars };
}

/** Scores and ranks the totals (the formula at the top of this file). */
export function scoreTotals({ reuse, stars }: RankTotals, excellent: ReadonlySet<string>): Ranked[] {
  let sum = 0;
  let count = 0;
  for (const s of stars.values()) {
    sum += s.sum;
    count += s.count;
  }
  const mean = count === 0 ? DEFAULT_MEAN : sum / count;
  const scored: Omit<Ranked, 'rank'>[] = [];
  for (const [templateId, a] of reuse) {
    const r = W_USE * a.uses + W_COPY * a.copies + W_USER * a.users + W_RUN * a.runs;
    const own = stars.get(templateId) ?? { sum: 0, count: 0 };
    const rating = (PRIOR_VOTES * mean + own.sum) / (PRIOR_VOTES + own.count);
    const boost = excellent.has(templateId) ? EXCELLENT_BOOST : 1;
    const score = r * (rating / mean) * boost;
    if (score <= 0) continue;
    scored.push({ templateId, score, components: { ...a, rating, ratingCount: own.count, boost } });
  }
  scored.sort((x, y) => y.score - x.score || x.templateId.localeCompare(y.templateId));
  return scored.map((s, i) => ({ ...s, rank: i + 1 }));
}

/** (M·C + Σstars) / (M + n): a few votes move it only a little away from the global mean C. */
export function bayesian(stars: number[], mean: number, prior = PRIOR_VOTES): number {
  return (prior * mean + stars.reduce((s, v) => s + v, 0)) / (prior + stars.length);
}

/** Each user's latest stars per template, up to `end`. */
function latestRatings(events: RankEvent[], end: number): Map<string, number[]> {
  const latest = new Map<string, { at: number; stars: number; templateId: string }>();
  for (const e of events) {
    if (e.kind !== 'rating' || e.value === null || e.at > end || !e.userId) continue;
    const key = `${e.templateId}/${e.userId}`;
    const seen = latest.get(key);
    if (!seen || seen.at <= e.at) latest.set(key, { at: e.at, stars: e.value, templateId: e.templateId });
  }
  const out = new Map<string, number[]>();
  for (const r of latest.values()) out.set(r.templateId, [...(out.get(r.templateId) ?? []), r.stars]);
  return out;
}

export type RankChange = { kind: 'new' } | { kind: 'up' | 'down' | 'same'; by: number };

/** ▲n / ▼n / new versus the previous period's ranking. */
export function rankChange(rank: number, previousRank: number | undefined): RankChange {
  if (previousRank === undefined) return { kind: 'new' };
  if (previousRank === rank) return { kind: 'same', by: 0 };
  return previousRank > rank ? { kind: 'up', by: previousRank - rank } : { kind: 'down', by: rank - previousRank };
}
