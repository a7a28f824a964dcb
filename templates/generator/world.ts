/** Builds the whole in-memory world from (rows, seed): sizes scale sublinearly with the number of declarations. */
import { GROUPS, linesOfHs6 } from './catalog.ts';
import type { Group } from './catalog-spec.ts';
import { assignSegments, GROUP_WEIGHTS, makeCompany } from './companies.ts';
import { EVENTS } from './events.ts';
import { CIRCUMVENTABLE, lineWeightsByGroup, makeLane, makeSeller, pickLine } from './lanes.ts';
import { type PlantContext, plantNominees, plantRings, plantTbml } from './plants.ts';
import { Rng } from './random.ts';
import type { Company, Lane, Seller, World } from './world-types.ts';

export function worldSizes(rows: number): { companies: number; declarants: number; sellers: number } {
  const companies = Math.max(60, Math.round(1200 * (rows / 20_000) ** 0.6));
  return { companies, declarants: Math.max(8, Math.round(companies / 12)), sellers: Math.round(companies * 1.3) };
}

/** Probability that a new lane of an importer is a circumvention lane, by segment. */
const CIRCUMVENT_P: Record<Company['segment'], number> = {
  low: 0,
  normal: 0.02,
  high: 0.15,
  ring_seed: 0.2,
  ring_member: 0.1,
  nominee: 0.1,
};

export function buildWorld(rows: number, seed: number): World {
  const rng = Rng.derive(seed, 'world');
  const sizes = worldSizes(rows);
  const declarants = Array.from({ length: sizes.declarants }, (_, i) => String(10_000 + ((i * 7919) % 90_000)));
  const companies = Array.from({ length: sizes.companies }, (_, i) => makeCompany(rng, i, sizes.declarants));
  assignSegments(rng, companies);
  const sellers: Seller[] = Array.from({ length: sizes.sellers }, (_, i) =>
    makeSeller(rng, i, GROUPS[rng.weighted(GROUP_WEIGHTS)] ?? 'consumer'),
  );
  const world: World = { seed, rows, companies, sellers, lanes: [], declarants };
  const byGroup = new Map<string, Seller[]>();
  const addSeller = (s: Seller) => {
    if (s.index === sellers.length) sellers.push(s);
    const key = `${s.group}:${s.country === 'CN' ? 'CN' : ''}`;
    for (const k of [s.group, key]) {
      const list = byGroup.get(k);
      if (list) list.push(s);
      else byGroup.set(k, [s]);
    }
  };
  for (const s of sellers) addSeller(s);
  const sellersOf = (group: Group, cn = false): Seller[] => {
    const key = cn ? `${group}:CN` : group;
    if (!byGroup.has(key)) addSeller(makeSeller(rng, sellers.length, group, cn ? 'CN' : undefined));
    return byGroup.get(key) ?? [];
  };
  const lanesBy = new Map<number, Lane[]>();
  const addLane = (lane: Lane) => {
    world.lanes.push(lane);
    const list = lanesBy.get(lane.company);
    if (list) list.push(lane);
    else lanesBy.set(lane.company, [lane]);
  };
  const lines = lineWeightsByGroup();
  for (const c of companies) {
    if (c.activity === 0) continue;
    const scale = c.size === '대기업' ? 4 : c.size === '중견' ? 2.5 : 1.4;
    const n = Math.min(12, 1 + Math.floor(-Math.log(1 - rng.next()) * scale));
    const own: Seller[] = [];
    for (let k = 0; k < n; k++) {
      if (rng.chance(CIRCUMVENT_P[c.segment])) {
        const hs = rng.pick(CIRCUMVENTABLE.filter((l) => l.group === c.group).concat(CIRCUMVENTABLE.slice(0, 1)));
        const seller = rng.pick(sellersOf(hs.group, true));
        addLane(makeLane(rng, world.lanes.length, c, seller, hs, { circumvent: true }));
        continue;
      }
      const group = rng.chance(0.85) ? c.group : (GROUPS[rng.weighted(GROUP_WEIGHTS)] ?? c.group);
      const hs = pickLine(rng, group, lines);
      const mine = own.filter((s) => s.group === group);
      const seller = mine.length > 0 && rng.chance(0.4) ? rng.pick(mine) : rng.pick(sellersOf(group));
      own.push(seller);
      addLane(makeLane(rng, world.lanes.length, c, seller, hs));
    }
  }
  const ctx: PlantContext = { rng, world, sellersOf, lines, lanesOf: (i) => lanesBy.get(i) ?? [], addLane };
  plantRings(ctx);
  plantNominees(ctx);
  plantTbml(ctx);
  ensureEventLanes(rng, world, sellersOf, addLane);
  return world;
}

/** Every event HS6 gets at least three lanes so that its import spike is visible even in small runs. */
function ensureEventLanes(rng: Rng, world: World, sellersOf: (g: Group) => Seller[], addLane: (l: Lane) => void): void {
  const active = world.companies.filter((c) => c.activity > 0 && c.segment === 'normal');
  for (const e of EVENTS) {
    const lines = linesOfHs6(e.hs6);
    const have = world.lanes.filter((l) => l.hs.hs6 === e.hs6).length;
    for (let k = have; k < 3 && lines.length > 0; k++) {
      const hs = rng.pick(lines);
      const sameGroup = active.filter((c) => c.group === hs.group);
      const c = rng.pick(sameGroup.length > 0 ? sameGroup : active);
      addLane(makeLane(rng, world.lanes.length, c, rng.pick(sellersOf(hs.group)), hs));
    }
  }
}
