/**
 * Foreign-exchange remittances generated alongside each declaration: ordinary import payments by the lane's terms
 * (−60…+120 days around the declaration), occasional service fees, and the planted trade-finance schemes.
 */

import { DAYS, isoDate } from './calendar.ts';
import { fixed, text } from './csv.ts';
import { type Currency, krwPer } from './fx-rates.ts';
import type { Rng } from './random.ts';
import type { Company, Lane, Seller, World } from './world-types.ts';

export interface Payment {
  company: Company;
  lane: Lane;
  seller: Seller;
  day: number;
  /** Invoice amount in the lane currency. */
  amount: number;
  usd: number;
}

type Sink = (cells: (string | number | null)[]) => void;

export class Remitter {
  private seq = 0;
  private readonly phantomPayees = new Map<number, Seller[]>();

  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    private readonly sink: Sink,
  ) {}

  private emit(
    c: Company,
    payee: Seller,
    payeeCountry: string,
    day: number,
    amount: number,
    cur: Currency,
    purpose: string,
    planted: string | null,
  ): void {
    if (day < 0 || day >= DAYS) return; // the table covers the same window as the declarations
    const amt = cur === 'JPY' ? Math.round(amount) : Math.round(amount * 100) / 100;
    this.seq++;
    this.sink([
      `FX${String(this.seq).padStart(9, '0')}`,
      c.id,
      isoDate(day),
      payee.id,
      text(payee.name),
      payeeCountry,
      fixed(amt, cur === 'JPY' ? 0 : 2),
      cur,
      Math.round(amt * krwPer(cur, day)),
      purpose,
      planted,
    ]);
  }

  /** Payments for one declaration (none for letter-of-credit lanes). */
  pay(p: Payment): void {
    const { rng } = this;
    const { company: c, lane, seller, day } = p;
    const scheme = lane.tbml;
    const cur = lane.currency;
    const payeeCountry = lane.payeeCountry;
    const tag = scheme === 'third_country' ? scheme : null;
    if (c.tbml === 'phantom' && rng.chance(0.6)) this.phantom(c, day, p.usd);
    if (rng.chance(0.03))
      this.emit(
        c,
        seller,
        seller.country,
        day + rng.between(0, 60),
        p.amount * rng.uniform(0.02, 0.1),
        cur,
        '201',
        null,
      );
    if (lane.payment === 'lc') return;
    // Legitimate noise: per-lane price adjustments, bank charges, and 4% partial payments (netted credits).
    let amount = p.amount * lane.payRatio * rng.uniform(0.98, 1.02) * (rng.chance(0.04) ? rng.uniform(0.5, 0.9) : 1);
    let planted: string | null = tag;
    if (scheme === 'over_remittance' || scheme === 'under_remittance') {
      amount *= scheme === 'over_remittance' ? rng.uniform(1.6, 3) : rng.uniform(0.25, 0.55);
      planted = scheme;
    }
    if (scheme === 'structuring' && amount > 10_000) {
      let left = amount;
      let d = day + rng.between(5, 40);
      while (left > 0) {
        const part = left > 9_990 ? rng.uniform(9_000, 9_990) : left;
        this.emit(c, seller, payeeCountry, d, part, cur, '101', 'structuring');
        left -= part;
        if (rng.chance(0.6)) d++;
      }
      return;
    }
    if (lane.payment === 'advance')
      this.emit(c, seller, payeeCountry, day - rng.between(10, 60), amount, cur, '102', planted);
    else if (lane.payment === 'deferred')
      this.emit(c, seller, payeeCountry, day + rng.between(10, 120), amount, cur, '101', planted);
    else {
      this.emit(c, seller, payeeCountry, day - rng.between(10, 60), amount * 0.3, cur, '102', planted);
      this.emit(c, seller, payeeCountry, day + rng.between(5, 90), amount * 0.7, cur, '101', planted);
    }
  }

  /** A remittance to a seller this importer never declared goods from. */
  private phantom(c: Company, day: number, scale: number): void {
    const { rng, world } = this;
    let payees = this.phantomPayees.get(c.index);
    if (!payees) {
      const used = new Set(world.lanes.filter((l) => l.company === c.index).map((l) => l.seller));
      const free = world.sellers.filter((s) => !used.has(s.index) && s.country !== 'KR');
      payees = [rng.pick(free), rng.pick(free)];
      this.phantomPayees.set(c.index, payees);
    }
    const payee = rng.pick(payees);
    this.emit(
      c,
      payee,
      payee.country,
      day + rng.between(-30, 60),
      scale * rng.uniform(0.5, 1.5),
      'USD',
      rng.pick(['101', '102']),
      'phantom',
    );
  }
}
