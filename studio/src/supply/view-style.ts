import type { Lang } from '../i18n/lang-store.ts';
import { formatNumber } from '../i18n/translate.ts';

/** What the supply-chain views share: stage colours, the circumvention red and how amounts read. */
export const STAGE_COLOURS = ['#2563eb', '#0d9488', '#7c3aed', '#ea580c', '#0891b2'];
export const FLAGGED = '#dc2626';
/** A link is drawn red when at least this share of its declarations is a possible circumvention. */
export const FLAGGED_SHARE = 0.3;

/** Amounts the way an officer reads them: 1,234억원 / KRW 123.4 bn, or a plain count. */
export function amount(v: number, count: boolean, lang: Lang): string {
  if (count) return `${formatNumber(Math.round(v), lang)}${lang === 'ko' ? '건' : ''}`;
  if (lang === 'ko')
    return v >= 1e8 ? `${formatNumber(Math.round(v / 1e8), lang)}억원` : `${formatNumber(Math.round(v), lang)}원`;
  return v >= 1e9 ? `KRW ${(v / 1e9).toFixed(1)} bn` : `KRW ${formatNumber(Math.round(v), lang)}`;
}
