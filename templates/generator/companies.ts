/** Korean companies (importers and domestic-only firms) and their CSV rows. */

import { dayOf, isoDate } from './calendar.ts';
import { GROUPS, HS_LINES, INDUSTRY_KO } from './catalog.ts';
import { bool, type Cell, text } from './csv.ts';
import { companyName } from './names.ts';
import type { Rng } from './random.ts';
import type { Company, Size } from './world-types.ts';

const REGIONS: [string, number][] = [
  ['서울특별시', 25],
  ['경기도', 28],
  ['인천광역시', 8],
  ['부산광역시', 8],
  ['경상남도', 5],
  ['경상북도', 3],
  ['대구광역시', 3],
  ['울산광역시', 2],
  ['충청남도', 4],
  ['충청북도', 2],
  ['대전광역시', 2],
  ['광주광역시', 2],
  ['전라남도', 2],
  ['전북특별자치도', 2],
  ['강원특별자치도', 1],
  ['제주특별자치도', 1],
  ['세종특별자치시', 1],
];

const SIZES: [Size, number, number, number][] = [
  // size, share, activity multiplier, AEO probability
  ['대기업', 0.04, 6, 0.5],
  ['중견', 0.14, 2.5, 0.25],
  ['중소', 0.82, 1, 0.04],
];

export const GROUP_WEIGHTS = GROUPS.map((g) => HS_LINES.filter((l) => l.group === g).reduce((a, l) => a + l.weight, 0));

/** 사업자등록번호 ddd-dd-ddddd with the National Tax Service check digit; unique per index. */
export function businessNo(index: number, rng: Rng): string {
  const space = 799 * 10000;
  const p = (index * 1_000_003 + 12_345) % space;
  const digits = `${101 + Math.floor(p / 10000)}${rng.pick(['81', '86', '87', '88'])}${String(p % 10000).padStart(4, '0')}`;
  const w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (w[i] ?? 0);
  sum += Math.floor((Number(digits[8]) * 5) / 10);
  const check = (10 - (sum % 10)) % 10;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}${check}`;
}

export function makeCompany(rng: Rng, index: number, nDeclarants: number): Company {
  const group = GROUPS[rng.weighted(GROUP_WEIGHTS)] ?? 'consumer';
  const sizeRow = SIZES[rng.weighted(SIZES.map((s) => s[1]))] ?? SIZES[2]!;
  const [size, , mult, aeoP] = sizeRow;
  const name = companyName(rng, group);
  const founded =
    size === '대기업'
      ? rng.between(dayOf(1962, 1, 1), dayOf(2005, 1, 1))
      : rng.between(dayOf(1975, 1, 1), dayOf(2024, 6, 30));
  const importer = rng.chance(0.85);
  return {
    index,
    id: `C${String(index + 1).padStart(6, '0')}`,
    businessNo: businessNo(index, rng),
    nameKo: name.ko,
    nameEn: name.en,
    region: REGIONS[rng.weighted(REGIONS.map((r) => r[1]))]?.[0] ?? '서울특별시',
    group,
    size,
    founded,
    aeo: rng.chance(aeoP),
    delinquent: rng.chance(0.015),
    segment: 'normal',
    ring: null,
    activity: importer ? rng.logNormal(1, 1.1) * mult : 0,
    effect: 0.3 * rng.normal(),
    declarant: Math.floor(nDeclarants * rng.next() ** 1.6),
    tbml: null,
    principal: -1,
  };
}

/** Segment assignment for ordinary companies: a few high-risk importers, some low-risk established ones. */
export function assignSegments(rng: Rng, companies: Company[]): void {
  for (const c of companies) {
    if (c.activity === 0) continue;
    if (!c.aeo && rng.chance(0.05)) c.segment = 'high';
    else if ((c.aeo || c.founded < dayOf(2000, 1, 1)) && rng.chance(0.3)) c.segment = 'low';
  }
}

export function companyCells(c: Company): Cell[] {
  return [
    c.id,
    c.businessNo,
    text(c.nameKo),
    text(c.nameEn),
    c.region,
    INDUSTRY_KO[c.group],
    c.size,
    isoDate(c.founded),
    bool(c.aeo),
    bool(c.delinquent),
    c.segment,
    c.ring,
  ];
}
