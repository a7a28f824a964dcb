import type { Schema } from '../../runtime/schema/types.ts';
import { ident, literal } from '../../runtime/sql/quote.ts';
import { selectWith } from '../_shared/added-columns.ts';

export interface PriceBandOptions {
  relation: string;
  schema: Schema;
  value: string;
  quantity: string;
  groupBy: string[];
  k: number;
  minComparables: number;
  taxRate?: string;
  /** The tax rate column is in percent (8.0 = 8 %) rather than a fraction (0.08). */
  ratePercent: boolean;
}

export const PRICE_BAND_COLUMNS = [
  ['ref_unit_value', 'DOUBLE'],
  ['band_low', 'DOUBLE'],
  ['band_high', 'DOUBLE'],
  ['price_ratio', 'DOUBLE'],
  ['price_z', 'DOUBLE'],
  ['ref_n', 'BIGINT'],
  ['under_valued', 'BOOLEAN'],
] as const;
export const SHORTFALL = 'duty_shortfall';

const LUV = '"__luv"';
const POS = '"__pb_pos"';
const C = '"__c"';
const S = '"__s"';
const N = '"__n"';

function joinOn(a: string, b: string, keys: string[]): string {
  if (!keys.length) return 'TRUE';
  return keys.map((k) => `${a}.${ident(k)} IS NOT DISTINCT FROM ${b}.${ident(k)}`).join(' AND ');
}

/**
 * Robust reference band per group on the log unit value: centre = median, scale = 1.4826·MAD. When more
 * than half of a group's prices are identical the MAD is 0; the scale then falls back to 1.2533·mean
 * absolute deviation (Iglewicz & Hoaglin), so a lone deviating price still gets a finite z. Rows without a
 * positive value and quantity get no z and no flag, and do not count as comparables.
 */
export function priceBandSql(o: PriceBandOptions): string {
  const keys = o.groupBy.map(ident);
  const gsel = keys.length ? `${keys.join(', ')}, ` : '';
  const gby = keys.length ? `GROUP BY ${keys.join(', ')}` : '';
  const v = `CAST(${ident(o.value)} AS DOUBLE)`;
  const q = `CAST(${ident(o.quantity)} AS DOUBLE)`;
  const k = literal(o.k);
  const z = `(${LUV} - ${C}) / nullif(${S}, 0)`;
  const flag = `coalesce(${N} >= ${literal(o.minComparables)} AND ${z} < -${k}, FALSE)`;
  const added = [
    { name: 'ref_unit_value', sql: `exp(${C})` },
    { name: 'band_low', sql: `exp(${C} - ${k} * ${S})` },
    { name: 'band_high', sql: `exp(${C} + ${k} * ${S})` },
    { name: 'price_ratio', sql: `exp(${LUV} - ${C})` },
    // A group whose prices are all equal has scale 0: every row sits on the centre, z = 0.
    { name: 'price_z', sql: `CASE WHEN ${LUV} IS NULL THEN NULL WHEN ${S} = 0 THEN 0 ELSE ${z} END` },
    { name: 'ref_n', sql: `coalesce(${N}, 0)` },
    { name: 'under_valued', sql: flag },
  ];
  if (o.taxRate) {
    const rate = `CAST(${ident(o.taxRate)} AS DOUBLE)${o.ratePercent ? ' / 100' : ''}`;
    added.push({
      name: SHORTFALL,
      sql: `CASE WHEN ${flag} THEN (exp(${C}) * ${q} - ${v}) * ${rate} ELSE 0 END`,
    });
  }
  const inner = `
pb_in AS (SELECT *, row_number() OVER () AS ${POS},
            CASE WHEN ${v} > 0 AND ${q} > 0 THEN ln(${v} / ${q}) END AS ${LUV} FROM ${o.relation}),
pb_c AS (SELECT ${gsel}median(${LUV}) AS ${C}, count(${LUV}) AS ${N} FROM pb_in ${gby}),
pb_s AS (SELECT ${keys.map((x) => `i.${x}`).join(', ')}${keys.length ? ', ' : ''}
           coalesce(nullif(1.4826 * median(abs(i.${LUV} - c.${C})), 0), 1.2533 * avg(abs(i.${LUV} - c.${C}))) AS ${S}
         FROM pb_in i JOIN pb_c c ON ${joinOn('i', 'c', o.groupBy)} ${keys.length ? `GROUP BY ${keys.map((x) => `i.${x}`).join(', ')}` : ''}),
pb_all AS (SELECT i.*, c.${C}, c.${N}, s.${S} FROM pb_in i
           LEFT JOIN pb_c c ON ${joinOn('i', 'c', o.groupBy)}
           LEFT JOIN pb_s s ON ${joinOn('i', 's', o.groupBy)})`;
  const select = selectWith(o.schema, added, [POS, LUV, C, N, S]);
  return `WITH ${inner}\nSELECT ${select} FROM pb_all ORDER BY ${POS}`;
}
