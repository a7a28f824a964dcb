/**
 * The export-support recommender without the engine: hard eligibility rules, content similarity between a company's
 * export profile and a programme's targets, item-based collaborative filtering on past participation, popularity.
 * Pure functions: the node reads the tables with SQL and hands them over.
 */

export interface CompanyProfile {
  id: string;
  size: string | null;
  certifications: string[];
  /** Export value share per HS chapter (2 digits) and per destination country; each sums to 1. */
  hs2: Map<string, number>;
  destinations: Map<string, number>;
  /** Export value of the latest 12 months of the data and of the 12 months before. */
  annual: number;
  previous: number;
  /** First export falls within the latest 12 months. */
  isNew: boolean;
}

export interface Programme {
  id: string;
  name: string;
  sizes: string[];
  hs2: string[];
  destinations: string[];
  certification: string;
  minAnnual: number | null;
  maxAnnual: number | null;
  focus: string[];
}

export interface Weights {
  content: number;
  collaborative: number;
  popularity: number;
}

export interface Recommendation {
  company: string;
  rank: number;
  programme: string;
  name: string;
  score: number;
  content: number;
  collaborative: number;
  popularity: number;
  eligibility: string;
  why: string;
}

const GROWTH = 0.2;

/** A company's growth of the latest 12 months over the 12 before, or null without a previous year. */
export function trend(p: CompanyProfile): number | null {
  return p.previous > 0 ? p.annual / p.previous - 1 : null;
}

const eok = (krw: number) => `${(krw / 1e8).toLocaleString('ko-KR', { maximumFractionDigits: 1 })}억 원`;

/** Hard rules first: null when the company is not eligible, else the Korean reasons it is. */
export function eligibility(prog: Programme, c: CompanyProfile): string[] | null {
  const reasons: string[] = [];
  if (prog.sizes.length > 0) {
    if (!c.size || !prog.sizes.includes(c.size)) return null;
    reasons.push(`${c.size}기업 대상`);
  }
  if (prog.hs2.length > 0) {
    const hit = prog.hs2.filter((h) => c.hs2.has(h));
    if (hit.length === 0) return null;
    reasons.push(`HS ${hit.join('·')}류 수출`);
  }
  if (prog.destinations.length > 0) {
    const hit = prog.destinations.filter((d) => c.destinations.has(d));
    if (hit.length === 0) return null;
    reasons.push(`수출국 ${hit.join('·')} 대상`);
  }
  if (prog.certification) {
    if (!c.certifications.includes(prog.certification)) return null;
    reasons.push(`${prog.certification} 보유`);
  }
  if (prog.minAnnual !== null) {
    if (c.annual < prog.minAnnual) return null;
    reasons.push(`연 수출 ${eok(c.annual)} ≥ ${eok(prog.minAnnual)}`);
  }
  if (prog.maxAnnual !== null) {
    if (c.annual > prog.maxAnnual) return null;
    reasons.push(`연 수출 ${eok(c.annual)} ≤ ${eok(prog.maxAnnual)}`);
  }
  if (reasons.length === 0) reasons.push('모든 수출기업 대상');
  return reasons;
}

/** Tokens shared by company profiles and programme targets (`focus` in the catalogue uses the same words). */
const TOKEN_KO: Record<string, string> = {
  'trend:up': '수출 증가세',
  'trend:down': '수출 감소세',
  'stage:new': '수출 초기 기업',
  'cert:none': '인증 미보유',
};

export function tokenKo(token: string): string {
  const [kind, value] = token.split(':') as [string, string];
  if (TOKEN_KO[token]) return TOKEN_KO[token];
  if (kind === 'hs') return `HS ${value}류`;
  if (kind === 'dest') return `수출국 ${value}`;
  if (kind === 'cert') return `${value} 보유`;
  if (kind === 'size') return `${value}기업`;
  return token;
}

export function companyVector(c: CompanyProfile): Map<string, number> {
  const v = new Map<string, number>();
  for (const [h, s] of c.hs2) v.set(`hs:${h}`, s);
  for (const [d, s] of c.destinations) v.set(`dest:${d}`, s);
  if (c.size) v.set(`size:${c.size}`, 1);
  if (c.certifications.length === 0) v.set('cert:none', 1);
  for (const cert of c.certifications) v.set(`cert:${cert}`, 1);
  const t = trend(c);
  if (t !== null && t > GROWTH) v.set('trend:up', 1);
  if (t !== null && t < -GROWTH) v.set('trend:down', 1);
  if (c.isNew) v.set('stage:new', 1);
  return v;
}

export function programmeVector(p: Programme): Map<string, number> {
  const v = new Map<string, number>();
  for (const t of p.focus) v.set(t, 1);
  for (const h of p.hs2) v.set(`hs:${h}`, 1);
  for (const d of p.destinations) v.set(`dest:${d}`, 1);
  if (p.certification) v.set(`cert:${p.certification}`, 1);
  return v;
}

export function cosine(a: Map<string, number>, b: Map<string, number>): { value: number; shared: string[] } {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const shared: string[] = [];
  for (const [k, x] of a) {
    na += x * x;
    const y = b.get(k);
    if (y !== undefined) {
      dot += x * y;
      shared.push(k);
    }
  }
  for (const y of b.values()) nb += y * y;
  return { value: na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0, shared };
}

/** Item-item cosine on who joined what: co-participants / √(participants of i × participants of j). */
export function itemSimilarity(history: Map<string, Set<string>>): {
  sim: (i: string, j: string) => number;
  together: (i: string, j: string) => number;
  count: Map<string, number>;
} {
  const count = new Map<string, number>();
  const co = new Map<string, number>();
  for (const set of history.values()) {
    const items = [...set];
    for (const i of items) count.set(i, (count.get(i) ?? 0) + 1);
    for (const i of items)
      for (const j of items) if (i < j) co.set(`${i}\u0000${j}`, (co.get(`${i}\u0000${j}`) ?? 0) + 1);
  }
  const together = (i: string, j: string) => co.get(i < j ? `${i}\u0000${j}` : `${j}\u0000${i}`) ?? 0;
  const sim = (i: string, j: string) => {
    const n = together(i, j);
    return n === 0 ? 0 : n / Math.sqrt((count.get(i) ?? 1) * (count.get(j) ?? 1));
  };
  return { sim, together, count };
}

/**
 * Top-N programmes per company: eligible programmes the company has not joined yet, scored by
 * weights.content · cosine(profile, targets) + weights.collaborative · mean similarity to what it joined
 * + weights.popularity · participants / most participants. Ties break by programme id.
 */
export function recommend(
  companies: readonly CompanyProfile[],
  catalogue: readonly Programme[],
  history: Map<string, Set<string>>,
  weights: Weights,
  topN: number,
): Recommendation[] {
  const items = itemSimilarity(history);
  const maxCount = Math.max(1, ...items.count.values());
  const vectors = new Map(catalogue.map((p) => [p.id, programmeVector(p)]));
  const nameOf = new Map(catalogue.map((p) => [p.id, p.name]));
  const out: Recommendation[] = [];
  for (const c of companies) {
    const joined = history.get(c.id) ?? new Set<string>();
    const profile = companyVector(c);
    const scored: Recommendation[] = [];
    for (const prog of catalogue) {
      if (joined.has(prog.id)) continue;
      const reasons = eligibility(prog, c);
      if (reasons === null) continue;
      const content = cosine(profile, vectors.get(prog.id)!);
      let cf = 0;
      let best: [string, number] | null = null;
      for (const j of joined) {
        const s = items.sim(prog.id, j);
        cf += s;
        if (s > 0 && (!best || s > best[1])) best = [j, s];
      }
      if (joined.size > 0) cf /= joined.size;
      const pop = (items.count.get(prog.id) ?? 0) / maxCount;
      const why: string[] = [];
      if (best) {
        const n = items.together(prog.id, best[0]);
        why.push(`‘${nameOf.get(best[0]) ?? best[0]}’ 참여 기업 ${n}곳이 함께 이용`);
      }
      const matched = content.shared.filter((t) => !t.startsWith('size:'));
      if (matched.length > 0) why.push(`관심 분야 일치: ${matched.map(tokenKo).join(', ')}`);
      if (why.length === 0 && pop > 0) why.push(`참여 기업 ${items.count.get(prog.id)}곳`);
      scored.push({
        company: c.id,
        rank: 0,
        programme: prog.id,
        name: prog.name,
        score: weights.content * content.value + weights.collaborative * cf + weights.popularity * pop,
        content: content.value,
        collaborative: cf,
        popularity: pop,
        eligibility: reasons.join(' · '),
        why: why.join(' · '),
      });
    }
    scored.sort((a, b) => b.score - a.score || (a.programme < b.programme ? -1 : 1));
    scored.slice(0, topN).forEach((r, i) => {
      r.rank = i + 1;
      out.push(r);
    });
  }
  return out;
}
