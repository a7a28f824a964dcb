/** The in-memory synthetic world: companies, brokers, overseas sellers and trade lanes (importer × seller × HS10). */
import type { HsLine } from './catalog.ts';
import type { Group } from './catalog-spec.ts';
import type { Currency } from './fx-rates.ts';

/** Hidden truth driving planted fraud (companies.risk_segment; ground truth, not a model feature). */
export type Segment = 'low' | 'normal' | 'high' | 'ring_seed' | 'ring_member' | 'nominee';

/** Planted trade-finance scheme of an importer (fx_transactions.planted_anomaly). */
export type TbmlScheme = 'over_remittance' | 'under_remittance' | 'third_country' | 'structuring' | 'phantom';

export type Size = '대기업' | '중견' | '중소';

export interface Company {
  index: number;
  id: string;
  businessNo: string;
  nameKo: string;
  nameEn: string;
  region: string;
  group: Group;
  size: Size;
  /** Founding day index (negative = before 2023-01-01). */
  founded: number;
  aeo: boolean;
  delinquent: boolean;
  segment: Segment;
  ring: string | null;
  /** Import activity weight; 0 = domestic-only company (appears in supply_chain only). */
  activity: number;
  /** Hidden per-importer fraud log-odds offset (unobserved heterogeneity). */
  effect: number;
  declarant: number;
  tbml: TbmlScheme | null;
  /** Index of the delinquent principal a nominee importer fronts for (supply_chain bypass), else -1. */
  principal: number;
}

export interface Seller {
  index: number;
  id: string;
  name: string;
  country: string;
  group: Group;
}

export type PaymentTerms = 'advance' | 'deferred' | 'split' | 'lc';

export interface Lane {
  index: number;
  company: number;
  seller: number;
  hs: HsLine;
  origin: string;
  departure: string;
  declarant: number;
  currency: Currency;
  incoterm: string;
  transport: string;
  /** FTA tax-type code claimed on this lane, or null (general rate). */
  fta: string | null;
  /** Planted circumvention: origin declared as an FTA partner while goods leave from a third country. */
  circumvent: boolean;
  priceMult: number;
  massMedian: number;
  weight: number;
  payment: PaymentTerms;
  /** Legitimate remitted/declared ratio of the lane (discounts, credit notes): lognormal around 1. */
  payRatio: number;
  /** Country of the payee's bank account (≠ seller country for a few legitimate lanes and planted ones). */
  payeeCountry: string;
  tbml: TbmlScheme | null;
  startDay: number;
  endDay: number;
}

export interface World {
  seed: number;
  rows: number;
  companies: Company[];
  sellers: Seller[];
  lanes: Lane[];
  declarants: string[];
}
