/** Typed access to the committed HS catalogue (hs-catalog.json; 출처: 관세청, 공공데이터포털). */

import type { Group } from './catalog-spec.ts';
import raw from './hs-catalog.json' with { type: 'json' };

export interface HsLine {
  index: number;
  hs10: string;
  hs6: string;
  group: Group;
  itemKo: string;
  itemEn: string;
  /** Reference (median) unit price in USD/kg: geometric mean of the catalogue band. */
  refPrice: number;
  priceLo: number;
  priceHi: number;
  /** Rate applied without preference: the WTO conventional rate (tax type C) if listed, else the basic rate (A). */
  generalRate: number;
  generalType: 'A' | 'C';
  ftaRate: number;
  law: string | null;
  risk: number;
  unit: string;
  kgPerUnit: number;
  weight: number;
}

export const CATALOG_SOURCE: string = raw.source;

export const HS_LINES: readonly HsLine[] = raw.lines.map((l, index) => {
  const [lo, hi] = l.price_usd_per_kg as [number, number];
  const wto = 'wto_rate' in l ? (l.wto_rate as number) : undefined;
  return {
    index,
    hs10: l.hs10,
    hs6: l.hs6,
    group: l.group as Group,
    itemKo: l.item_ko,
    itemEn: l.item_en,
    refPrice: Math.sqrt(lo * hi),
    priceLo: lo,
    priceHi: hi,
    generalRate: wto ?? l.basic_rate,
    generalType: wto === undefined ? 'A' : 'C',
    ftaRate: l.fta_rate,
    law: l.requirement_law,
    risk: l.risk,
    unit: l.unit,
    kgPerUnit: l.kg_per_unit,
    weight: l.weight,
  };
});

export const GROUPS: readonly Group[] = [
  'food',
  'seafood',
  'agri',
  'beverage',
  'chemical',
  'cosmetic',
  'textile',
  'metal',
  'electronics',
  'machinery',
  'consumer',
  'luxury',
  'resource',
];

/** Korean industry label of a group (companies.industry). */
export const INDUSTRY_KO: Record<Group, string> = {
  food: '식품 유통',
  seafood: '수산물 유통',
  agri: '농산물 유통',
  beverage: '주류·담배',
  chemical: '화학·제약',
  cosmetic: '화장품',
  textile: '섬유·의류',
  metal: '철강·금속',
  electronics: '전기·전자',
  machinery: '기계·자동차',
  consumer: '생활용품·완구',
  luxury: '패션잡화·귀금속',
  resource: '에너지·자원',
};

export function linesOfGroup(group: Group): HsLine[] {
  return HS_LINES.filter((l) => l.group === group);
}

export function linesOfHs6(hs6: string): HsLine[] {
  return HS_LINES.filter((l) => l.hs6 === hs6);
}
