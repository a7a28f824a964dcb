/**
 * The customs office that cleared a declaration (declarations.customs_office): the office with jurisdiction over
 * where the goods were unloaded or bonded. Air cargo and express parcels clear at 인천공항세관; sea cargo at the
 * port it arrives at, which depends on where it comes from (China: the Yellow Sea ports 인천·평택; Japan: 부산),
 * what it is (crude oil: 울산·여수; coal and iron ore: 광양·포항; LNG: 평택) and where the importer is (goods
 * bonded near the importer's plant). Each lane keeps one usual office; a few declarations go through another.
 *
 * Draws come from their own seeded stream, so adding this column left every other generated value unchanged.
 */
import type { Rng } from './random.ts';
import type { Company, Lane } from './world-types.ts';

export const OFFICES = [
  '인천세관',
  '인천공항세관',
  '부산세관',
  '평택세관',
  '서울세관',
  '광양세관',
  '울산세관',
  '여수세관',
  '포항세관',
  '김포공항세관',
] as const;
export type Office = (typeof OFFICES)[number];

type Weights = Partial<Record<Office, number>>;

/** Sea ports by the first four HS digits of bulk resources (crude, fuels, LNG, coal, iron ore). */
const RESOURCE_PORTS: Record<string, Weights> = {
  '2709': { 울산세관: 55, 여수세관: 35, 인천세관: 10 },
  '2710': { 울산세관: 40, 여수세관: 30, 인천세관: 15, 평택세관: 15 },
  '2711': { 평택세관: 50, 인천세관: 25, 울산세관: 15, 광양세관: 10 },
  '2701': { 광양세관: 40, 포항세관: 30, 평택세관: 20, 울산세관: 10 },
  '2601': { 광양세관: 50, 포항세관: 50 },
};

/** Container ports (and inland bonded warehouses under 서울세관) by the country the goods leave from. */
const YELLOW_SEA: Weights = { 인천세관: 30, 평택세관: 20, 부산세관: 30, 서울세관: 15, 광양세관: 5 };
const FROM_JAPAN: Weights = { 부산세관: 60, 서울세관: 15, 인천세관: 10, 울산세관: 10, 포항세관: 5 };
const ELSEWHERE: Weights = { 부산세관: 55, 인천세관: 15, 서울세관: 15, 광양세관: 10, 평택세관: 5 };
const SEA_BY_DEPARTURE: Record<string, Weights> = { CN: YELLOW_SEA, HK: YELLOW_SEA, TW: YELLOW_SEA, JP: FROM_JAPAN };

const AIR: Weights = { 인천공항세관: 88, 서울세관: 8, 김포공항세관: 4 };
/** Express from China partly comes by sea express (ferries to 인천 and 평택). */
const EXPRESS_FROM_CHINA: Weights = { 인천공항세관: 80, 평택세관: 10, 인천세관: 10 };
const EXPRESS: Weights = { 인천공항세관: 100 };

/** Offices near the importer's region, whose sea cargo is bonded there more often (× NEAR_BOOST). */
const NEAR: Record<string, Office[]> = {
  서울특별시: ['서울세관', '인천세관'],
  경기도: ['평택세관', '인천세관', '서울세관'],
  인천광역시: ['인천세관'],
  부산광역시: ['부산세관'],
  경상남도: ['부산세관'],
  울산광역시: ['울산세관'],
  경상북도: ['포항세관', '부산세관'],
  대구광역시: ['부산세관', '포항세관'],
  전라남도: ['광양세관', '여수세관'],
  광주광역시: ['광양세관'],
  충청남도: ['평택세관'],
  충청북도: ['평택세관'],
  대전광역시: ['평택세관'],
  세종특별자치시: ['평택세관'],
};
const NEAR_BOOST = 3;
/** Share of a lane's declarations cleared somewhere other than its usual office. */
const ELSEWHERE_P = 0.08;

function weightsOf(lane: Lane, company: Company): Weights {
  if (lane.transport === 'AIR') return AIR;
  if (lane.transport === 'EXPRESS') return lane.departure === 'CN' ? EXPRESS_FROM_CHINA : EXPRESS;
  const resource = RESOURCE_PORTS[lane.hs.hs10.slice(0, 4)];
  if (resource) return resource;
  const base = SEA_BY_DEPARTURE[lane.departure] ?? ELSEWHERE;
  const near = new Set(NEAR[company.region] ?? []);
  const seafood = lane.hs.group === 'seafood';
  return Object.fromEntries(
    Object.entries(base).map(([office, w]) => {
      let weight = w * (near.has(office as Office) ? NEAR_BOOST : 1);
      // Frozen fish lands at 부산 (감천항's cold stores).
      if (seafood && office === '부산세관') weight *= 2;
      return [office, weight];
    }),
  );
}

function draw(rng: Rng, weights: Weights): Office {
  const entries = Object.entries(weights) as [Office, number][];
  return entries[rng.weighted(entries.map((e) => e[1]))]?.[0] ?? '인천세관';
}

/** Picks offices from its own stream, remembering each lane's usual office. */
export class OfficePicker {
  private readonly usual = new Map<number, Office>();

  constructor(private readonly rng: Rng) {}

  officeOf(lane: Lane, company: Company): Office {
    const weights = weightsOf(lane, company);
    let office = this.usual.get(lane.index);
    if (office === undefined) {
      office = draw(this.rng, weights);
      this.usual.set(lane.index, office);
    }
    return this.rng.chance(ELSEWHERE_P) ? draw(this.rng, weights) : office;
  }
}
