/**
 * Remittances derived from any declaration table, with planted trade-finance schemes whose truth is kept
 * in `planted`. Deterministic: the same declarations, in the same order, and seed give the same rows.
 *
 * Normal payments per declaration: 65% one payment (−60…+120 days, value × U(0.97, 1.03)), 20% split
 * 30% ahead (−60…−10 d) / 70% after (+10…+120 d), 15% letter of credit (no remittance). A share of the
 * importers with ≥ 3 declarations runs one scheme on all its declarations, round-robin:
 *  - under_invoicing: declared below what is paid; payments × U(1.6, 3)  (remitted ≫ declared)
 *  - over_invoicing:  declared above what is paid; payments × U(0.25, 0.55)  (remitted ≪ declared)
 *  - phantom: besides normal payments, on 60% of its declarations an extra payment (0.5–1.5 × value,
 *    −30…+60 days) to a payee it never declared goods from (a shipment that never happened).
 */
import { Rng } from './random.ts';

export interface DeclarationForFx {
  importer: string;
  seller: string;
  sellerCountry: string | null;
  /** YYYY-MM-DD */
  date: string;
  value: number;
}

export interface Remittance {
  tx_id: string;
  company_id: string;
  tx_date: string;
  payee: string;
  payee_country: string | null;
  amount: number;
  planted: string | null;
}

export const SCHEMES = ['under_invoicing', 'over_invoicing', 'phantom'] as const;
export type Scheme = (typeof SCHEMES)[number];

const DAY = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The schemed importers: every importer with ≥ 3 declarations drawn with p = share, schemes round-robin. */
export function pickSchemes(decls: readonly DeclarationForFx[], seed: number, share: number): Map<string, Scheme> {
  const counts = new Map<string, number>();
  for (const d of decls) counts.set(d.importer, (counts.get(d.importer) ?? 0) + 1);
  const rng = Rng.derive(seed, 'fx-schemes');
  const out = new Map<string, Scheme>();
  for (const importer of [...counts.keys()].sort()) {
    if (counts.get(importer)! >= 3 && rng.chance(share)) out.set(importer, SCHEMES[out.size % SCHEMES.length]!);
  }
  return out;
}

export function remittancesFromDeclarations(
  decls: readonly DeclarationForFx[],
  seed = 42,
  share = 0.05,
): { rows: Remittance[]; schemes: Map<string, Scheme> } {
  const schemes = pickSchemes(decls, seed, share);
  const rng = Rng.derive(seed, 'fx-payments');
  const rows: Remittance[] = [];
  const push = (
    d: DeclarationForFx,
    days: number,
    amount: number,
    planted: string | null,
    payee = d.seller,
    country = d.sellerCountry,
  ) => {
    rows.push({
      tx_id: `FX${String(rows.length + 1).padStart(9, '0')}`,
      company_id: d.importer,
      tx_date: shift(d.date, days),
      payee,
      payee_country: country,
      amount: Math.round(amount),
      planted,
    });
  };
  for (const d of decls) {
    const scheme = schemes.get(d.importer);
    const factor =
      scheme === 'under_invoicing' ? rng.uniform(1.6, 3) : scheme === 'over_invoicing' ? rng.uniform(0.25, 0.55) : 1;
    const tag = scheme === 'phantom' || scheme === undefined ? null : scheme;
    const u = rng.next();
    const amount = d.value * factor * rng.uniform(0.97, 1.03);
    if (u < 0.65) push(d, rng.int(181) - 60, amount, tag);
    else if (u < 0.85) {
      push(d, -10 - rng.int(51), amount * 0.3, tag);
      push(d, 10 + rng.int(111), amount * 0.7, tag);
    } else if (tag) {
      // A schemed importer still pays: an L/C draw would hide the scheme entirely.
      push(d, rng.int(181) - 60, amount, tag);
    }
    if (scheme === 'phantom' && rng.chance(0.6)) {
      push(
        d,
        rng.int(91) - 30,
        d.value * rng.uniform(0.5, 1.5),
        'phantom',
        `PH-${d.importer}-${1 + rng.int(2)}`,
        d.sellerCountry,
      );
    }
  }
  return { rows, schemes };
}
