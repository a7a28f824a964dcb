/** Overseas sellers and trade lanes (importer × seller × HS10 with route, terms, currency and tariff claim). */
import { HS_LINES, type HsLine } from './catalog.ts';
import type { Group } from './catalog-spec.ts';
import { COUNTRIES, country, HUB_ORIGINS, parseWeights, SELLER_COUNTRIES } from './geo.ts';
import { sellerName } from './names.ts';
import type { Rng } from './random.ts';
import type { Company, Lane, PaymentTerms, Seller } from './world-types.ts';

const pickCode = (rng: Rng, spec: string): string => {
  const { codes, weights } = parseWeights(spec);
  return codes[rng.weighted(weights)] ?? 'CN';
};

export function makeSeller(rng: Rng, index: number, group: Group, countryCode?: string): Seller {
  const code = countryCode ?? pickCode(rng, SELLER_COUNTRIES[group]);
  return {
    index,
    id: `S${String(index + 1).padStart(6, '0')}`,
    name: sellerName(rng, code, group),
    country: code,
    group,
  };
}

/** FTA rate for a line under an agreement: the Korea–China FTA concedes less than the others. */
export function ftaRateOf(line: HsLine, code: string): number {
  return code === 'FCN1' ? Math.max(line.ftaRate, line.generalRate * 0.6) : line.ftaRate;
}

const INCOTERMS: [string, number][] = [
  ['FOB', 42],
  ['CIF', 25],
  ['CFR', 10],
  ['EXW', 8],
  ['FCA', 8],
  ['DAP', 5],
  ['DDP', 2],
];
const PAYMENTS: [PaymentTerms, number][] = [
  ['advance', 30],
  ['deferred', 40],
  ['split', 15],
  ['lc', 15],
];

function transportOf(rng: Rng, line: HsLine): string {
  if (line.group === 'resource' || line.kgPerUnit >= 500) return 'SEA';
  if (line.refPrice > 100) return rng.pick(['AIR', 'AIR', 'AIR', 'EXPRESS', 'SEA']);
  if (line.refPrice > 20) return rng.pick(['AIR', 'SEA', 'SEA', 'EXPRESS']);
  return rng.chance(0.9) ? 'SEA' : 'AIR';
}

function currencyOf(rng: Rng, sellerCountry: string): Lane['currency'] {
  const c = country(sellerCountry);
  if (sellerCountry === 'CN') return rng.chance(0.25) ? 'CNY' : 'USD';
  return c.currency !== 'USD' && rng.chance(0.7) ? c.currency : 'USD';
}

export interface LaneOptions {
  circumvent?: boolean;
  declarant?: number;
}

export function makeLane(
  rng: Rng,
  index: number,
  company: Company,
  seller: Seller,
  hs: HsLine,
  opt: LaneOptions = {},
): Lane {
  const hub = HUB_ORIGINS[seller.country];
  let origin = hub ? pickCode(rng, hub) : seller.country;
  if (opt.circumvent) origin = rng.pick(['VN', 'VN', 'TH', 'MY', 'ID']);
  const code = country(origin).fta;
  const claims = code !== null && ftaRateOf(hs, code) < hs.generalRate && (opt.circumvent || rng.chance(0.75));
  const sizeMult = company.size === '대기업' ? 4 : company.size === '중견' ? 2 : 1;
  const targetUsd = rng.logNormal(hs.group === 'resource' ? 3_000_000 : 25_000 * Math.sqrt(sizeMult), 0.8);
  const price = hs.refPrice * country(origin).price;
  const legitForeignAccount = rng.chance(0.03);
  return {
    index,
    company: company.index,
    seller: seller.index,
    hs,
    origin,
    departure: seller.country,
    declarant: opt.declarant ?? (rng.chance(0.8) ? company.declarant : -1),
    currency: currencyOf(rng, seller.country),
    incoterm: INCOTERMS[rng.weighted(INCOTERMS.map((i) => i[1]))]?.[0] ?? 'FOB',
    transport: transportOf(rng, hs),
    fta: claims ? code : null,
    circumvent: opt.circumvent === true && claims,
    priceMult: rng.logNormal(1, 0.22),
    massMedian: Math.max(0.2, targetUsd / price),
    weight: company.activity * rng.logNormal(1, 0.8),
    payment: PAYMENTS[rng.weighted(PAYMENTS.map((p) => p[1]))]?.[0] ?? 'deferred',
    payRatio: rng.logNormal(1, 0.06),
    payeeCountry: legitForeignAccount ? rng.pick(['HK', 'SG']) : seller.country,
    tbml: null,
    startDay: Math.max(0, company.founded + 30),
    endDay: 100_000,
  };
}

/** Lines with a real FTA incentive for circumvention (general rate at least 5 points above the FTA rate). */
export const CIRCUMVENTABLE = HS_LINES.filter((l) => l.generalRate - l.ftaRate >= 0.05);

export function pickLine(rng: Rng, group: Group, lineWeights: Map<Group, { lines: HsLine[]; w: number[] }>): HsLine {
  const g = lineWeights.get(group);
  if (!g) throw new Error(`no lines for ${group}`);
  return g.lines[rng.weighted(g.w)] ?? (g.lines[0] as HsLine);
}

export function lineWeightsByGroup(): Map<Group, { lines: HsLine[]; w: number[] }> {
  const m = new Map<Group, { lines: HsLine[]; w: number[] }>();
  for (const l of HS_LINES) {
    const e = m.get(l.group) ?? { lines: [], w: [] };
    e.lines.push(l);
    e.w.push(l.weight);
    m.set(l.group, e);
  }
  return m;
}

export const ALL_COUNTRY_CODES = COUNTRIES.map((c) => c.code);
