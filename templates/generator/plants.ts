/** Entity-level plants: rings around a known violator, nominee importers of delinquent firms, trade-finance schemes. */
import { dayOf } from './calendar.ts';
import { makeCompany } from './companies.ts';
import { type lineWeightsByGroup, makeLane, pickLine } from './lanes.ts';
import type { Rng } from './random.ts';
import type { Company, Lane, Seller, TbmlScheme, World } from './world-types.ts';

export interface PlantContext {
  rng: Rng;
  world: World;
  sellersOf: (group: Company['group']) => Seller[];
  lines: ReturnType<typeof lineWeightsByGroup>;
  lanesOf: (company: number) => Lane[];
  addLane: (lane: Lane) => void;
}

const importers = (w: World) => w.companies.filter((c) => c.activity > 0 && c.segment !== 'high');

/** Rings: a seed violator plus 3–7 accomplices sharing one declarant and 2–3 overseas sellers. */
export function plantRings(ctx: PlantContext): void {
  const { rng, world } = ctx;
  const pool = rng.shuffle(importers(world).filter((c) => c.segment === 'normal' && c.size !== '대기업'));
  const nRings = Math.max(2, Math.round(world.companies.length / 250));
  for (let r = 0; r < nRings && pool.length > 8; r++) {
    const ring = `R${String(r + 1).padStart(2, '0')}`;
    const seed = pool.pop() as Company;
    const sameGroup = pool.filter((c) => c.group === seed.group);
    const members = rng.shuffle(sameGroup.length >= 3 ? sameGroup : pool).slice(0, rng.between(3, 7));
    const declarant = rng.int(world.declarants.length);
    const sellers = rng.shuffle([...ctx.sellersOf(seed.group)]).slice(0, rng.between(2, 3));
    seed.segment = 'ring_seed';
    seed.activity *= 2;
    for (const c of [seed, ...members]) {
      if (c !== seed) c.segment = 'ring_member';
      c.ring = ring;
      c.aeo = false;
      const at = pool.indexOf(c);
      if (at >= 0) pool.splice(at, 1);
      for (const lane of ctx.lanesOf(c.index)) if (rng.chance(0.85)) lane.declarant = declarant;
      for (let k = 0; k < 2; k++) {
        const hs = pickLine(rng, seed.group, ctx.lines);
        ctx.addLane(makeLane(rng, world.lanes.length, c, rng.pick(sellers), hs, { declarant }));
      }
    }
  }
}

/** Delinquent principals stop importing at 2024-01-01; a fresh nominee importer takes over their lanes. */
export function plantNominees(ctx: PlantContext): void {
  const { rng, world } = ctx;
  const switchDay = dayOf(2024, 1, 1);
  const pool = rng.shuffle(importers(world).filter((c) => c.segment === 'normal' && c.founded < dayOf(2020, 1, 1)));
  const n = Math.max(1, Math.round(world.companies.length / 400));
  for (let k = 0; k < n && pool.length > 0; k++) {
    const principal = pool.pop() as Company;
    const nominee = makeCompany(rng, world.companies.length, world.declarants.length);
    Object.assign(nominee, {
      group: principal.group,
      size: '중소',
      founded: dayOf(2023, rng.between(6, 11), rng.between(1, 28)),
      aeo: false,
      segment: 'nominee',
      activity: principal.activity,
      principal: principal.index,
      region: principal.region,
    } satisfies Partial<Company>);
    world.companies.push(nominee);
    principal.delinquent = true;
    for (const lane of [...ctx.lanesOf(principal.index)]) {
      lane.endDay = switchDay;
      const copy: Lane = { ...lane, index: world.lanes.length, company: nominee.index, declarant: nominee.declarant };
      ctx.addLane({ ...copy, startDay: switchDay - rng.between(0, 45), endDay: 100_000, tbml: null });
    }
  }
}

const SCHEMES: TbmlScheme[] = ['over_remittance', 'under_remittance', 'third_country', 'structuring', 'phantom'];

/** About 4% of importers run one trade-finance scheme on their heaviest remitting lane. */
export function plantTbml(ctx: PlantContext): void {
  const { rng, world } = ctx;
  const pool = rng.shuffle(importers(world).filter((c) => c.ring === null && c.principal < 0));
  const n = Math.max(SCHEMES.length, Math.round(pool.length * 0.04));
  for (let k = 0; k < n && k < pool.length; k++) {
    const c = pool[k] as Company;
    const lanes = [...ctx.lanesOf(c.index)].sort((a, b) => b.weight - a.weight);
    const lane = lanes[0];
    if (!lane) continue;
    const scheme = SCHEMES[k % SCHEMES.length] as TbmlScheme;
    c.tbml = scheme;
    lane.tbml = scheme;
    if (lane.payment === 'lc') lane.payment = 'deferred';
    if (scheme === 'structuring') lane.currency = 'USD';
    if (scheme === 'third_country') {
      const seller = world.sellers[lane.seller];
      lane.payeeCountry = rng.pick(['HK', 'AE', 'SG', 'CH'].filter((x) => x !== seller?.country));
    }
  }
}
