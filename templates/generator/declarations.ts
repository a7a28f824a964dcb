/** Streams import declarations day by day (and the remittances paying for them) into two CSV writers. */
import { DAYS, isoDate } from './calendar.ts';
import { HS_LINES } from './catalog.ts';
import { bool, type CsvWriter, fixed, text } from './csv.ts';
import { OfficePicker } from './customs-offices.ts';
import { CURRENCIES, rateText } from './fx-rates.ts';
import { country } from './geo.ts';
import { ftaRateOf } from './lanes.ts';
import { Rng } from './random.ts';
import { Remitter } from './remittances.ts';
import {
  EVASION_P,
  fraudProbability,
  fraudTypeOf,
  inspectionProbability,
  LEGIT_EXEMPT_P,
  type RowFlags,
  revenueOf,
  UNDERVALUE_P,
} from './risk-model.ts';
import { buildSchedule, laneSampler } from './schedule.ts';
import type { World } from './world-types.ts';

/** Incoterms whose price includes freight (CIF-type): about 6% above FOB-type prices. */
const DELIVERED = new Set(['CIF', 'CFR', 'DAP', 'DDP']);

export function writeDeclarations(world: World, declOut: CsvWriter, fxOut: CsvWriter): void {
  const rng = Rng.derive(world.seed, 'declarations');
  const schedule = buildSchedule(world.rows, world.lanes);
  const sample = laneSampler(world.lanes, schedule);
  const remitter = new Remitter(Rng.derive(world.seed, 'fx'), world, (cells) => fxOut.write(cells));
  // Its own stream: the office column came later and must not shift any other column's draws.
  const offices = new OfficePicker(Rng.derive(world.seed, 'customs-office'));
  const names = HS_LINES.map((l) => [text(l.itemKo), text(l.itemEn)] as const);
  let seq = 0;
  for (let d = 0; d < DAYS; d++) {
    const date = isoDate(d);
    if (date.endsWith('01-01')) seq = 0;
    const yy = date.slice(2, 4);
    const rates = new Map(CURRENCIES.map((cur) => [cur, rateText(cur, d)]));
    const usdRate = Number(rates.get('USD'));
    const young = d - 3 * 365;
    for (let k = 0; k < (schedule.counts[d] ?? 0); k++) {
      const [lane, spike] = sample(rng, d);
      const c = world.companies[lane.company]!;
      const seller = world.sellers[lane.seller]!;
      const hs = lane.hs;
      const declarant = world.declarants[lane.declarant >= 0 ? lane.declarant : rng.int(world.declarants.length)];
      const required = hs.law !== null;
      const u = rng.next();
      const legitExempt = required && u < LEGIT_EXEMPT_P;
      const evasion = required && !legitExempt && u < LEGIT_EXEMPT_P + EVASION_P[c.segment];
      const mass = Math.max(0.1, Math.round(lane.massMedian * rng.logNormal(legitExempt ? 0.03 : 1, 0.5) * 10) / 10);
      const quantity = Math.max(1, Math.round((mass / hs.kgPerUnit) * rng.logNormal(1, 0.05)));
      const trend = 1 + (0.03 * d) / 365;
      const terms = DELIVERED.has(lane.incoterm) ? 1.06 : 1;
      const bulk = (mass / lane.massMedian) ** -0.05;
      const origin = country(lane.origin);
      const trueUnit = hs.refPrice * origin.price * lane.priceMult * terms * bulk * rng.logNormal(trend, 0.18);
      const undervalued = rng.chance(UNDERVALUE_P[c.segment]);
      const unit = undervalued ? trueUnit * rng.uniform(0.3, 0.6) : trueUnit;
      const usd = unit * mass;
      const valueKrw = Math.max(1, Math.round(usd * usdRate));
      const rate = lane.fta ? ftaRateOf(hs, lane.fta) : hs.generalRate;
      const ftaMismatch = lane.fta !== null && lane.origin !== lane.departure;
      const flags: RowFlags = {
        undervalued,
        circumvention: lane.circumvent,
        transshipment: ftaMismatch && !lane.circumvent,
        evasion,
        legitExempt,
        young: c.founded > young,
      };
      const fraud = rng.chance(fraudProbability(c, hs, origin, flags));
      const exemptClaimed = legitExempt || evasion;
      const pInspect = inspectionProbability(c, hs, origin, flags, {
        ftaMismatch,
        exemptClaimed,
        priceRatio: unit / hs.refPrice,
      });
      const inspected = rng.chance(pInspect);
      const type = fraud ? fraudTypeOf(flags) : null;
      const trueKrw = Math.round(trueUnit * mass * usdRate);
      const revenue = type
        ? revenueOf(type, { declaredKrw: valueKrw, trueKrw, rate, generalRate: hs.generalRate, u: rng.next() })
        : 0;
      const critical = fraud && (revenue >= 10_000_000 || hs.risk === 3) ? 1 : 0;
      const planted: string[] = [];
      if (undervalued) planted.push('undervalued');
      if (lane.circumvent) planted.push('circumvention');
      else if (ftaMismatch) planted.push('transshipment');
      if (evasion) planted.push('requirement_evasion');
      if (spike) planted.push(`spike:${spike.event.id}`);
      seq++;
      declOut.write([
        `${declarant}-${yy}-${String(seq).padStart(7, '0')}M`,
        date,
        c.id,
        declarant,
        seller.id,
        seller.country,
        hs.hs10,
        hs.hs6,
        names[hs.index]?.[0],
        names[hs.index]?.[1],
        lane.origin,
        lane.departure,
        lane.transport,
        offices.officeOf(lane, c),
        lane.incoterm,
        quantity,
        fixed(mass, 1),
        valueKrw,
        fixed(unit, 4),
        lane.currency,
        rates.get(lane.currency),
        lane.fta ?? hs.generalType,
        fixed(rate * 100, 1),
        Math.round(valueKrw * rate),
        bool(required),
        bool(exemptClaimed),
        bool(inspected),
        inspected ? (fraud ? 1 : 0) : null,
        inspected ? critical : null,
        inspected ? revenue : null,
        type,
        planted.length > 0 ? planted.join(';') : null,
      ]);
      const amount = valueKrw / Number(rates.get(lane.currency));
      remitter.pay({ company: c, lane, seller, day: d, amount, usd });
    }
  }
}
