import type { Value } from '../../../runtime/schema/types.ts';
import type { Lang } from '../i18n/lang-store.ts';

/** A cell as text: numbers with thousands separators, nested values as JSON, empty as ''. */
export function formatValue(v: Value | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    return Number.isInteger(v) && Math.abs(v) < 1e15
      ? v.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US')
      : v.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 6 });
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

/** Grid column width in pixels by DuckDB type. */
export function columnWidth(type: string): number {
  const t = type.toUpperCase();
  if (t === 'BOOLEAN') return 80;
  if (/INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/.test(t)) return 130;
  if (t.startsWith('DATE') || t.startsWith('TIME')) return 120;
  return 170;
}
