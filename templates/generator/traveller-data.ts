/** Reference data for travellers: origin airports with carriers and route risk, nationalities, declared-item texts. */
import { hash32, type Rng } from './random.ts';

export interface Airport {
  code: string;
  /** Nationality weights of passengers on this route ("code:weight"). */
  nationals: string;
  carriers: string[];
  /** Additive violation log-odds of the route (planted; documented). */
  risk: number;
  weight: number;
}

const A = (code: string, weight: number, risk: number, nationals: string, carriers: string): Airport => ({
  code,
  weight,
  risk,
  nationals,
  carriers: carriers.split(' '),
});

export const AIRPORTS: readonly Airport[] = [
  A('NRT', 9, -0.5, 'KR:6 JP:4', 'KE OZ JL NH 7C'),
  A('KIX', 7, -0.5, 'KR:6 JP:4', 'KE OZ 7C LJ'),
  A('FUK', 4, -0.4, 'KR:6 JP:4', 'KE 7C TW'),
  A('PVG', 7, 0.3, 'KR:5 CN:5', 'KE OZ MU'),
  A('PEK', 4, 0.2, 'KR:5 CN:5', 'KE OZ CA'),
  A('TAO', 4, 0.8, 'KR:4 CN:6', 'KE OZ SC'),
  A('SHE', 2, 0.6, 'KR:4 CN:6', 'KE CZ'),
  A('HKG', 4, 0.5, 'KR:7 CN:2 US:1', 'KE OZ CX'),
  A('TPE', 4, 0, 'KR:7 CN:3', 'KE CI BR'),
  A('BKK', 6, 0.8, 'KR:7 TH:3', 'KE OZ TG 7C'),
  A('MNL', 4, 0.7, 'KR:6 PH:4', 'KE PR 5J'),
  A('CEB', 3, 0.5, 'KR:8 PH:2', 'KE 7C LJ'),
  A('SGN', 4, 0.6, 'KR:6 VN:4', 'KE VN VJ'),
  A('HAN', 4, 0.5, 'KR:6 VN:4', 'KE OZ VN'),
  A('DAD', 5, 0.2, 'KR:9 VN:1', 'KE 7C VJ'),
  A('SIN', 2, 0, 'KR:8 US:2', 'KE SQ'),
  A('LAX', 3, 0.5, 'KR:6 US:4', 'KE OZ DL'),
  A('JFK', 2, 0, 'KR:6 US:4', 'KE OZ'),
  A('FRA', 2, -0.3, 'KR:8 US:2', 'KE LH'),
  A('CDG', 2, -0.3, 'KR:8 US:2', 'KE AF'),
  A('DXB', 1.5, 0.6, 'KR:7 RU:3', 'EK'),
  A('VVO', 1, 0.7, 'KR:3 RU:7', 'KE S7'),
  A('SYD', 1.5, -0.3, 'KR:8 US:2', 'KE OZ QF'),
];

/** Flight number of a carrier on a route: fixed for the whole world (not seeded). */
export function flightNo(carrier: string, airport: string, variant: number): string {
  return `${carrier}${100 + (hash32(`${carrier}${airport}${variant}`) % 900)}`;
}

export const NATIONALITIES = ['KR', 'CN', 'JP', 'US', 'VN', 'TH', 'PH', 'RU'] as const;

/** Passport number pattern per nationality; `serial` is unique per person. */
export function passportNo(nationality: string, serial: number): string {
  const n = (serial * 48_271 + 12_345) % 100_000_000;
  const d8 = String(n).padStart(8, '0');
  switch (nationality) {
    case 'KR':
      return `M${d8}`;
    case 'CN':
      return `E${d8}`;
    case 'JP':
      return `T${d8.slice(1)}K`;
    case 'US':
      return `5${d8}`;
    default:
      return `${nationality[0]}${d8}`;
  }
}

const ITEMS: [string, number][] = [
  ['주류 1병', 0.2],
  ['주류 2병', 0.1],
  ['담배 1보루', 0.12],
  ['향수 1개', 0.08],
  ['화장품 5개', 0.1],
  ['건강식품 3병', 0.1],
  ['명품 가방 1개', 0.08],
  ['손목시계 1개', 0.05],
  ['전자제품(노트북) 1대', 0.05],
  ['농산물(참깨 5kg)', 0.04],
  ['의약품 2통', 0.04],
  ['골프채 1세트', 0.04],
];

export function declaredItems(rng: Rng): string {
  const n = rng.chance(0.7) ? 1 : 2;
  const picked = new Set<string>();
  for (let i = 0; i < n; i++) picked.add(ITEMS[rng.weighted(ITEMS.map((x) => x[1]))]?.[0] ?? '주류 1병');
  return [...picked].join('; ');
}
