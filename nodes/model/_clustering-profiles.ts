import type { Engine } from '../../runtime/engine/engine.ts';
import { ident } from '../../runtime/sql/quote.ts';
import { keyExpr } from './_model-io.ts';

/**
 * Risk profiles of the KCS "AI clearance screening, 1st" model: past declarations aggregated per key
 * (e.g. HS6 × origin × tax type), clustered, and each cluster rated by its members' inspection hits.
 */
export interface ProfileSpec {
  keys: string[];
  label?: string;
  numeric: string[];
  unitValue?: { value: string; quantity: string };
  distinct: string[];
  widths: Record<string, number>;
}

export interface Profile {
  key: (string | null)[];
  rows: number;
  inspected: number;
  hits: number;
  features: number[];
}

export const FEATURE_NAMES = (s: ProfileSpec) => [
  'log rows',
  ...(s.label ? ['hit rate (smoothed)'] : []),
  ...s.numeric.map((c) => `median log ${c}`),
  ...(s.unitValue ? ['median log unit value'] : []),
  ...s.distinct.map((c) => `log distinct ${c}`),
];

const num = (c: string) => `TRY_CAST(${ident(c)} AS DOUBLE)`;

/** One row per key with counts, hits and the raw (unscaled) features; the hit rate is filled in later. */
export async function readProfiles(
  engine: Engine,
  relation: string,
  s: ProfileSpec,
  signal?: AbortSignal,
): Promise<Profile[]> {
  const keys = s.keys.map((k, i) => `${keyExpr(k, s.widths[k])} AS k${i}`);
  const label = s.label ? `(${num(s.label)} > 0)::INTEGER` : 'NULL::INTEGER';
  const parts = [
    ...keys,
    'count(*) AS n',
    `count(${label}) AS inspected`,
    `coalesce(sum(${label}), 0) AS hits`,
    ...s.numeric.map((c, i) => `median(ln(1 + greatest(${num(c)}, 0))) AS m${i}`),
    ...(s.unitValue
      ? [
          `median(ln(1 + ${num(s.unitValue.value)} / nullif(${num(s.unitValue.quantity)}, 0))) FILTER (WHERE ${num(s.unitValue.quantity)} > 0) AS uv`,
        ]
      : []),
    ...s.distinct.map((c, i) => `count(DISTINCT ${ident(c)}) AS d${i}`),
  ];
  const group = s.keys.map((_, i) => `k${i}`).join(', ');
  const r = await engine.query(`SELECT ${parts.join(', ')} FROM ${relation} GROUP BY ${group} ORDER BY ${group}`, {
    signal,
  });
  return r.rows.map((row) => ({
    key: s.keys.map((_, i) => (row[`k${i}`] === null ? null : String(row[`k${i}`]))),
    rows: Number(row.n),
    inspected: Number(row.inspected),
    hits: Number(row.hits),
    features: [
      Math.log1p(Number(row.n)),
      ...s.numeric.map((_, i) => Number(row[`m${i}`] ?? Number.NaN)),
      ...(s.unitValue ? [Number(row.uv ?? Number.NaN)] : []),
      ...s.distinct.map((_, i) => Math.log1p(Number(row[`d${i}`]))),
    ],
  }));
}
