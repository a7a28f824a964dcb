/** Trading partners: ISO code, Korean name, usual invoice currency, FTA tax-type code, fraud risk and price level. */
import type { Group } from './catalog-spec.ts';
import type { Currency } from './fx-rates.ts';

export interface Country {
  code: string;
  ko: string;
  currency: Currency;
  /** Tax-type code when an FTA preference is claimed for goods of this origin (null: no FTA in force). */
  fta: string | null;
  /** Additive fraud log-odds for goods of this origin (planted driver, documented in templates/data/README.md). */
  risk: number;
  /** Multiplier on the HS10 reference unit price for goods of this origin. */
  price: number;
}

const C = (code: string, ko: string, currency: Currency, fta: string | null, risk: number, price: number): Country => ({
  code,
  ko,
  currency,
  fta,
  risk,
  price,
});

export const COUNTRIES: readonly Country[] = [
  C('CN', '중국', 'USD', 'FCN1', 0.6, 0.85),
  C('US', '미국', 'USD', 'FUS1', -0.4, 1.1),
  C('JP', '일본', 'JPY', 'FRC1', -0.5, 1.2),
  C('DE', '독일', 'EUR', 'FEU1', -0.5, 1.2),
  C('VN', '베트남', 'USD', 'FVN1', 0.4, 0.85),
  C('TW', '대만', 'USD', null, 0, 1),
  C('HK', '홍콩', 'HKD', null, 0.6, 1),
  C('SG', '싱가포르', 'USD', 'FSG1', 0.1, 1),
  C('TH', '태국', 'USD', 'FAS1', 0.3, 0.9),
  C('IN', '인도', 'USD', 'FIN1', 0.3, 0.85),
  C('ID', '인도네시아', 'USD', 'FAS1', 0.3, 0.85),
  C('MY', '말레이시아', 'USD', 'FAS1', 0.1, 0.9),
  C('PH', '필리핀', 'USD', 'FAS1', 0.3, 0.85),
  C('AU', '호주', 'AUD', 'FAU1', -0.4, 1.05),
  C('NZ', '뉴질랜드', 'USD', 'FNZ1', -0.4, 1.05),
  C('IT', '이탈리아', 'EUR', 'FEU1', 0, 1.25),
  C('FR', '프랑스', 'EUR', 'FEU1', -0.3, 1.25),
  C('GB', '영국', 'GBP', 'FGB1', -0.4, 1.15),
  C('NL', '네덜란드', 'EUR', 'FEU1', -0.2, 1.1),
  C('CH', '스위스', 'CHF', 'FEF1', -0.3, 1.3),
  C('NO', '노르웨이', 'USD', 'FEF1', -0.4, 1.1),
  C('CL', '칠레', 'USD', 'FCL1', 0, 1),
  C('BR', '브라질', 'USD', null, 0.1, 0.95),
  C('MX', '멕시코', 'USD', null, 0.1, 0.95),
  C('CA', '캐나다', 'USD', 'FCA1', -0.4, 1.05),
  C('RU', '러시아', 'USD', null, 0.5, 0.9),
  C('TR', '튀르키예', 'USD', 'FTR1', 0.3, 0.9),
  C('BD', '방글라데시', 'USD', null, 0.3, 0.8),
  C('KH', '캄보디아', 'USD', 'FAS1', 0.4, 0.8),
  C('MM', '미얀마', 'USD', 'FAS1', 0.4, 0.8),
  C('AE', '아랍에미리트', 'USD', null, 0.5, 1),
  C('SA', '사우디아라비아', 'USD', null, -0.2, 1),
  C('QA', '카타르', 'USD', null, -0.2, 1),
  C('KW', '쿠웨이트', 'USD', null, -0.2, 1),
];

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

export function country(code: string): Country {
  const c = BY_CODE.get(code);
  if (!c) throw new Error(`unknown country ${code}`);
  return c;
}

/** Seller-country weights per industry group ("code:weight"). */
export const SELLER_COUNTRIES: Record<Group, string> = {
  food: 'US:3 AU:2.5 NZ:1 CN:2 TH:1 VN:1 FR:1 DE:1 NL:1 IT:1 JP:1 MY:0.5 CA:1',
  seafood: 'CN:3 VN:2 RU:2 NO:1.5 US:1 TH:1 ID:1 CL:0.5 HK:0.5',
  agri: 'CN:5 US:2 VN:1 PH:1 AU:1 NZ:1 IN:1 TH:1 BR:1 CL:0.5',
  beverage: 'FR:2 GB:2 US:2 IT:1.5 CL:1 JP:1 DE:1 CN:0.7 HK:0.6 ID:0.4',
  chemical: 'CN:4 US:2 JP:2 DE:2 IN:2 SG:1 TW:1 SA:0.6 NL:0.6',
  cosmetic: 'FR:3 US:2 JP:2 CN:1.5 IT:1 GB:1 HK:0.5',
  textile: 'CN:5 VN:4 BD:2 ID:1.5 IN:1 IT:1 TR:1 MM:1 KH:1 HK:0.6',
  metal: 'CN:4 JP:3 TW:1 VN:1 IN:1 RU:1 AU:1 CL:1 MY:0.5',
  electronics: 'CN:5 JP:2 US:2 TW:2 VN:2 MY:1 DE:1 HK:1.5 SG:1',
  machinery: 'DE:3 JP:3 CN:3 US:2 IT:1 MX:1 TH:1',
  consumer: 'CN:6 VN:2 US:1 DE:1 JP:1 HK:1 ID:1 CA:0.5',
  luxury: 'IT:3 FR:3 CH:2 HK:2 CN:2 US:1 AE:1 JP:1',
  resource: 'SA:3 AU:3 US:2 QA:1.5 RU:1 ID:1 KW:1 BR:1',
};

/** Trading hubs whose sellers ship goods produced elsewhere (departure = hub, origin = producer). */
export const HUB_ORIGINS: Record<string, string> = { HK: 'CN:6 VN:1 TH:1', SG: 'CN:3 MY:2 TH:1 ID:1', AE: 'IN:2 CN:1' };

export function parseWeights(spec: string): { codes: string[]; weights: number[] } {
  const pairs = spec.split(' ').map((p) => p.split(':'));
  return { codes: pairs.map((p) => p[0] ?? ''), weights: pairs.map((p) => Number(p[1])) };
}
