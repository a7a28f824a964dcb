/**
 * Domestic supply-chain sales between companies, day by day. Ordinary rows: an importer resells imported goods.
 * Planted: circular trades inside each ring with duty-drawback claims, and nominee importers selling almost
 * everything to their delinquent principal ("bypass").
 */
import { DAYS, isoDate, weekday } from './calendar.ts';
import { bool, type CsvWriter } from './csv.ts';
import { AliasTable, Rng } from './random.ts';
import type { Company, Lane, World } from './world-types.ts';

const MAKERS = new Set(['machinery', 'electronics', 'textile', 'metal', 'chemical']);
const KRW_PER_USD = 1350;
/** Day the nominee importers take over (2024-01-01), see plants.ts. */
const NOMINEE_SWITCH = 365;

export function writeSupplyChain(world: World, out: CsvWriter): void {
  const rng = Rng.derive(world.seed, 'supply-chain');
  const total = Math.max(100, Math.round(world.rows * 0.3));
  const lanes = world.lanes;
  const laneTable = new AliasTable(lanes.map((l) => l.weight));
  const companies = world.companies;
  const rings = new Map<string, Company[]>();
  for (const c of companies) if (c.ring) rings.set(c.ring, [...(rings.get(c.ring) ?? []), c]);
  const ringList = [...rings.values()].map((members) => rng.shuffle(members));
  const byCompany = new Map<number, Lane[]>();
  for (const l of lanes) byCompany.set(l.company, [...(byCompany.get(l.company) ?? []), l]);
  const nominees = companies.filter((c) => c.principal >= 0 && (byCompany.get(c.index)?.length ?? 0) > 0);
  const ringLanes = ringList.map((m) => m.flatMap((c) => byCompany.get(c.index) ?? []));
  let seq = 0;
  const emit = (
    seller: Company,
    buyer: Company,
    day: number,
    lane: Lane,
    qty: number,
    markup: number,
    drawback: boolean,
    planted: string | null,
  ) => {
    const unitKrw = lane.hs.refPrice * lane.hs.kgPerUnit * KRW_PER_USD * markup;
    out.write([
      `SC${String(++seq).padStart(9, '0')}`,
      seller.id,
      buyer.id,
      isoDate(day),
      lane.hs.hs10,
      qty,
      Math.round(qty * unitKrw),
      bool(drawback),
      planted,
    ]);
  };
  const quantityOf = (lane: Lane) =>
    Math.max(1, Math.round((lane.massMedian / lane.hs.kgPerUnit) * rng.uniform(0.05, 0.5)));
  let acc = 0;
  for (let d = 0; d < DAYS; d++) {
    acc += 1;
    const quota = Math.round((total * acc) / DAYS);
    if (weekday(d) === 0) continue;
    while (seq < quota) {
      const r = rng.next();
      if (r < 0.008 && ringList.length > 0) {
        const k = rng.int(ringList.length);
        const members = ringList[k] as Company[];
        const lane = rng.pick(ringLanes[k] as Lane[]);
        const qty = quantityOf(lane);
        for (let i = 0; i < members.length; i++) {
          const next = members[(i + 1) % members.length] as Company;
          emit(members[i] as Company, next, d, lane, qty, 1.1 * 1.06 ** i, rng.chance(0.7), 'ring_cycle');
        }
      } else if (r < 0.018 && nominees.length > 0 && d >= NOMINEE_SWITCH) {
        const n = rng.pick(nominees);
        const lane = rng.pick(byCompany.get(n.index) ?? []);
        emit(n, companies[n.principal] as Company, d, lane, quantityOf(lane), rng.uniform(1.02, 1.08), false, 'bypass');
      } else {
        const lane = lanes[laneTable.draw(rng)] as Lane;
        if (d < lane.startDay || d > lane.endDay + 60) continue;
        const seller = companies[lane.company] as Company;
        if (seller.principal >= 0 && rng.chance(0.85)) {
          const principal = companies[seller.principal] as Company;
          emit(seller, principal, d, lane, quantityOf(lane), rng.uniform(1.02, 1.08), false, 'bypass');
          continue;
        }
        let buyer = companies[rng.int(companies.length)] as Company;
        if (buyer === seller) buyer = companies[(buyer.index + 1) % companies.length] as Company;
        const drawback = rng.chance(MAKERS.has(buyer.group) ? 0.12 : 0.02);
        emit(seller, buyer, d, lane, quantityOf(lane), rng.uniform(1.15, 1.5), drawback, null);
      }
    }
  }
}
