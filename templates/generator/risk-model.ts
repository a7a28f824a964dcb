/**
 * The planted fraud and targeting model (documented with effect sizes in templates/data/README.md).
 * True fraud ~ Bernoulli(sigmoid(fraud log-odds)); inspection ~ 3% random + targeting on visible risk proxies.
 */
import type { HsLine } from './catalog.ts';
import type { Country } from './geo.ts';
import type { Company, Segment } from './world-types.ts';

export const FRAUD_INTERCEPT = -5.1;
export const INSPECT_INTERCEPT = -2.9;

/** Log-odds added per HS risk level 0–3 (catalogue field `risk`). */
export const HS_RISK_LOGIT = [0, 0.6, 1.2, 2.0] as const;

export const SEGMENT_LOGIT: Record<Segment, number> = {
  low: -0.6,
  normal: 0,
  high: 2.2,
  ring_seed: 2.5,
  ring_member: 1.6,
  nominee: 1.2,
};

/** Share of an importer's declarations planted as under-valued (unit price × U(0.3, 0.6)). */
export const UNDERVALUE_P: Record<Segment, number> = {
  low: 0.005,
  normal: 0.025,
  high: 0.15,
  ring_seed: 0.15,
  ring_member: 0.1,
  nominee: 0.08,
};

/** Share of an importer's declarations of requirement-listed HS10 that evade verification by claiming exemption. */
export const EVASION_P: Record<Segment, number> = {
  low: 0.005,
  normal: 0.02,
  high: 0.15,
  ring_seed: 0.2,
  ring_member: 0.15,
  nominee: 0.1,
};

/** Legitimate exemption claims (samples, tiny quantities) on requirement-listed HS10. */
export const LEGIT_EXEMPT_P = 0.06;

export const EFFECTS = {
  circumvention: 2.5,
  transshipment: 0.3,
  undervalued: 2.3,
  evasion: 2.0,
  legitExempt: 0.3,
  aeo: -0.7,
  young: 0.4,
} as const;

export interface RowFlags {
  undervalued: boolean;
  circumvention: boolean;
  transshipment: boolean;
  evasion: boolean;
  legitExempt: boolean;
  young: boolean;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function fraudProbability(c: Company, hs: HsLine, origin: Country, f: RowFlags): number {
  let x = FRAUD_INTERCEPT + HS_RISK_LOGIT[hs.risk as 0] + origin.risk + SEGMENT_LOGIT[c.segment] + c.effect;
  if (f.circumvention) x += EFFECTS.circumvention;
  if (f.transshipment) x += EFFECTS.transshipment;
  if (f.undervalued) x += EFFECTS.undervalued;
  if (f.evasion) x += EFFECTS.evasion;
  if (f.legitExempt) x += EFFECTS.legitExempt;
  if (c.aeo) x += EFFECTS.aeo;
  if (f.young) x += EFFECTS.young;
  return sigmoid(x);
}

/**
 * Officers target on what they can see: HS and origin risk, FTA claims shipped from a third country, prices far
 * below their reference, exemption claims, young firms, a known bad record (high-risk and ring-seed importers only;
 * ring members and nominees stay hidden), AEO relief; plus a 3% random share.
 */
export function inspectionProbability(
  c: Company,
  hs: HsLine,
  origin: Country,
  f: RowFlags,
  seen: { ftaMismatch: boolean; priceRatio: number; exemptClaimed: boolean },
): number {
  let x = HS_RISK_LOGIT[hs.risk as 0] + origin.risk;
  if (seen.ftaMismatch) x += 0.8;
  if (seen.priceRatio < 0.7) x += 0.8;
  if (seen.exemptClaimed) x += 0.5;
  if (f.young) x += 0.3;
  if (c.segment === 'high' || c.segment === 'ring_seed') x += 1.0;
  if (c.aeo) x -= 1.2;
  return 0.03 + 0.97 * sigmoid(INSPECT_INTERCEPT + 0.9 * x);
}

export type FraudType = 'undervaluation' | 'origin_circumvention' | 'requirement_evasion' | 'misdeclaration';

export function fraudTypeOf(f: RowFlags): FraudType {
  if (f.undervalued) return 'undervaluation';
  if (f.circumvention) return 'origin_circumvention';
  if (f.evasion) return 'requirement_evasion';
  return 'misdeclaration';
}

/**
 * Revenue recovered (KRW) for a fraud: duty + 10% VAT on the shortfall for under-valuation; the lost preference for
 * circumvention; nothing for requirement evasion (non-revenue violation); a share of duty for misdeclaration.
 */
export function revenueOf(
  type: FraudType,
  v: { declaredKrw: number; trueKrw: number; rate: number; generalRate: number; u: number },
): number {
  switch (type) {
    case 'undervaluation': {
      const gap = v.trueKrw - v.declaredKrw;
      return Math.round(gap * v.rate + 0.1 * gap * (1 + v.rate));
    }
    case 'origin_circumvention':
      return Math.round(v.declaredKrw * (v.generalRate - v.rate) * 1.1);
    case 'requirement_evasion':
      return 0;
    case 'misdeclaration':
      return Math.round(v.declaredKrw * Math.max(v.rate, 0.03) * (0.2 + 0.8 * v.u) * 1.1);
  }
}
