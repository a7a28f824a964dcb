/** Ports, vessel types with their liner/tramp rotations, and a coarse transit-time model. */

export const KR_PORTS: Record<string, string> = {
  KRPUS: '부산항',
  KRINC: '인천항',
  KRKAN: '광양항',
  KRUSN: '울산항',
  KRPTK: '평택·당진항',
  KRMAS: '마산항',
  KRKPO: '포항항',
  KRGUN: '군산항',
  KRTGH: '동해항',
  KRDSN: '대산항',
};

/** Region of a UN/LOCODE, for transit times. */
const REGION: Record<string, string> = {
  CN: 'CN',
  JP: 'JP',
  HK: 'HK',
  TW: 'HK',
  SG: 'SEA',
  VN: 'SEA',
  TH: 'SEA',
  MY: 'SEA',
  ID: 'SEA',
  US: 'US',
  NL: 'EU',
  DE: 'EU',
  AU: 'AU',
  SA: 'ME',
  QA: 'ME',
  IR: 'ME',
  RU: 'RU',
  KP: 'KP',
  KR: 'KR',
};

/** Days at sea from region A to region B (symmetric; same region = 1). */
const TRANSIT: Record<string, number> = {
  'KR-CN': 1.5,
  'KR-JP': 1.5,
  'KR-RU': 2,
  'KR-KP': 1,
  'KR-HK': 3,
  'KR-SEA': 5,
  'KR-AU': 11,
  'KR-ME': 18,
  'KR-US': 12,
  'KR-EU': 30,
  'CN-JP': 2,
  'CN-HK': 2,
  'CN-SEA': 4,
  'CN-US': 14,
  'JP-US': 11,
  'HK-SEA': 3,
  'SEA-EU': 24,
  'CN-EU': 30,
};

export function transitDays(a: string, b: string): number {
  const ra = REGION[a.slice(0, 2)] ?? 'SEA';
  const rb = REGION[b.slice(0, 2)] ?? 'SEA';
  if (ra === rb) return 1;
  return TRANSIT[`${ra}-${rb}`] ?? TRANSIT[`${rb}-${ra}`] ?? 10;
}

export interface VesselType {
  ko: string;
  weight: number;
  /** Typical dwell in a port, hours [lo, hi]. */
  dwell: [number, number];
  rotations: string[][];
}

export const VESSEL_TYPES: readonly VesselType[] = [
  {
    ko: '컨테이너선',
    weight: 45,
    dwell: [10, 30],
    rotations: [
      ['CNSHA', 'CNNGB', 'KRPUS', 'KRKAN', 'JPTYO', 'JPOSA'],
      ['CNTAO', 'KRINC', 'KRPTK', 'CNTXG'],
      ['CNSHA', 'KRPUS', 'USLAX', 'USSEA'],
      ['SGSIN', 'VNSGN', 'HKHKG', 'KRPUS', 'KRINC'],
      ['NLRTM', 'DEHAM', 'SGSIN', 'CNSHA', 'KRPUS'],
      ['JPUKB', 'KRPUS', 'KRUSN', 'TWKHH', 'THLCH'],
    ],
  },
  {
    ko: '벌크선',
    weight: 20,
    dwell: [40, 110],
    rotations: [
      ['AUPHE', 'KRKPO'],
      ['AUNTL', 'KRKAN'],
      ['AUNTL', 'KRTGH'],
      ['IDJKT', 'KRDSN'],
    ],
  },
  {
    ko: '유조선',
    weight: 12,
    dwell: [20, 45],
    rotations: [
      ['SARTA', 'KRUSN'],
      ['SARTA', 'KRDSN'],
      ['SARTA', 'KRKAN'],
    ],
  },
  {
    ko: 'LNG운반선',
    weight: 6,
    dwell: [18, 36],
    rotations: [
      ['QARLF', 'KRPTK'],
      ['QARLF', 'KRTGH'],
      ['AUNTL', 'KRPTK'],
    ],
  },
  {
    ko: '자동차운반선',
    weight: 7,
    dwell: [10, 24],
    rotations: [
      ['JPMOJ', 'KRPTK', 'KRMAS'],
      ['DEHAM', 'KRPTK'],
      ['USLGB', 'KRPTK'],
    ],
  },
  {
    ko: '일반화물선',
    weight: 10,
    dwell: [24, 72],
    rotations: [
      ['CNDLC', 'KRINC', 'KRGUN'],
      ['RUVVO', 'KRTGH', 'KRPUS'],
      ['RUNJK', 'KRPUS'],
      ['CNTAO', 'KRGUN', 'KRMAS'],
    ],
  },
];

export const FLAGS = ['PA', 'LR', 'MH', 'KR', 'HK', 'SG', 'MT', 'BS', 'CN', 'GR', 'JP', 'CY'];
export const FLAG_WEIGHTS = [18, 16, 14, 12, 9, 7, 6, 4, 5, 4, 3, 2];

export const NAME_A = 'PAN SEA OCEAN GOLDEN STAR KOREA ASIAN PACIFIC EASTERN GRAND BLUE NORTHERN JADE PEARL'.split(' ');
export const NAME_B = 'HARMONY PIONEER GLORY BRIDGE SPIRIT VOYAGER FORTUNE BREEZE DAWN EXPRESS PROSPER UNITY'.split(
  ' ',
);

/** Ports outside the usual rotations, used for planted anomalies. */
export const SANCTIONED = [
  ['KPNAM', '북한 남포'],
  ['KPCHO', '북한 청진'],
  ['IRBND', '이란 반다르아바스'],
];
export const OFF_ROUTE = ['PHMNL', 'MYPKG', 'TWTXG', 'CNXMN', 'RUVYP'];

/** IMO number: 6 digits + check digit (sum of digits × 7..2, mod 10). */
export function imoNumber(serial: number): string {
  const six = String(900_000 + ((serial * 7_919 + 31_337) % 100_000));
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(six[i]) * (7 - i);
  return `${six}${sum % 10}`;
}
