import { isIntegerType } from '../../../runtime/engine/normalize.ts';
import type { ColumnProfile } from './profile.ts';

/** One rule of a `prep.filter` node. */
export interface FilterRule {
  column: string;
  op: '>=' | '<=' | 'in';
  value: number | string | (number | string)[];
}

const DAY = 86_400;
const isoDay = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().slice(0, 10);
const isoTime = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * The `>=` / `<=` rules that keep the rows of histogram bins `first…last` (inclusive, any order). Bins are
 * half-open `[from, to)` but the last one holds the maximum: integers and dates take whole steps so the filter
 * keeps exactly the brushed bars; other numbers keep `[from, to]`.
 */
export function rangeRules(profile: ColumnProfile, first: number, last: number): FilterRule[] {
  const bins = profile.histogram;
  if (!bins?.length) return [];
  const a = Math.max(0, Math.min(first, last));
  const b = Math.min(bins.length - 1, Math.max(first, last));
  const lo = bins[a]!.from;
  const hi = bins[b]!.to;
  const toEnd = b === bins.length - 1;
  const column = profile.name;
  if (profile.histogramOfTime) {
    if (/^DATE$/i.test(profile.type)) {
      const from = Math.ceil(lo / DAY) * DAY;
      const to = toEnd ? Math.floor(hi / DAY) * DAY : Math.ceil(hi / DAY) * DAY - DAY;
      return [
        { column, op: '>=', value: isoDay(from) },
        { column, op: '<=', value: isoDay(to) },
      ];
    }
    return [
      { column, op: '>=', value: isoTime(Math.floor(lo)) },
      { column, op: '<=', value: isoTime(Math.ceil(hi)) },
    ];
  }
  if (isIntegerType(profile.type)) {
    return [
      { column, op: '>=', value: Math.ceil(lo) },
      { column, op: '<=', value: toEnd ? Math.floor(hi) : Math.ceil(hi) - 1 },
    ];
  }
  return [
    { column, op: '>=', value: lo },
    { column, op: '<=', value: hi },
  ];
}

/** The `in` rule that keeps rows whose value is one of `values` (top-value bars). */
export function valueRules(column: string, values: string[]): FilterRule[] {
  return values.length ? [{ column, op: 'in', value: [...values] }] : [];
}
