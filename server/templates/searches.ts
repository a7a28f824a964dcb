/** Template search terms: normalized, logged per search, ranked per period with ▲/▼ against the previous one. */
import { and, count, desc, gte, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { templateSearches } from '../db/schema.ts';
import { PERIODS, type Period, rankChange } from './ranking.ts';

/** Trimmed, inner whitespace collapsed, NFC, case-folded; `undefined` when nothing is left. */
export function normalizeTerm(q: string | undefined): string | undefined {
  const term = q?.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');
  return term ? term.slice(0, 100) : undefined;
}

export async function logSearch(db: Db, q: string | undefined, userId: string, at: Date): Promise<string | undefined> {
  const term = normalizeTerm(q);
  if (term) await db.insert(templateSearches).values({ term, userId, at });
  return term;
}

async function counts(db: Db, from: Date, to: Date, limit: number) {
  return db
    .select({ term: templateSearches.term, count: count() })
    .from(templateSearches)
    .where(and(gte(templateSearches.at, from), lt(templateSearches.at, to)))
    .groupBy(templateSearches.term)
    .orderBy(desc(count()), templateSearches.term)
    .limit(limit);
}

/** The most searched terms in the period (all: all time), with the rank change versus the previous period. */
export async function popularSearches(db: Db, period: Period, now: Date, limit: number) {
  const { windowMs, previousShiftMs } = PERIODS[period];
  const end = now.getTime() + 1;
  const previousEnd = end - previousShiftMs;
  const start = windowMs === null ? 0 : end - windowMs;
  const previousStart = windowMs === null ? 0 : previousEnd - windowMs;
  const [current, previous] = await Promise.all([
    counts(db, new Date(start), new Date(end), limit),
    counts(db, new Date(previousStart), new Date(previousEnd), 1000),
  ]);
  const before = new Map(previous.map((r, i) => [r.term, i + 1]));
  return current.map((r, i) => ({
    rank: i + 1,
    term: r.term,
    count: r.count,
    change: rankChange(i + 1, before.get(r.term)),
  }));
}
