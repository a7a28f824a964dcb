/**
 * Deterministic daily exchange rates (KRW per 1 unit of currency), not seeded: month anchors close to the real
 * 2023–2024 USD/KRW path, linear interpolation, a small weekly wiggle, fixed cross rates for other currencies.
 */
import { DAYS, monthStart } from './calendar.ts';

export const CURRENCIES = ['USD', 'EUR', 'JPY', 'CNY', 'GBP', 'AUD', 'HKD', 'CHF'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** USD/KRW at the first day of each month 2023-01 … 2025-01. */
const USD_ANCHORS = [
  1265, 1230, 1300, 1305, 1335, 1300, 1280, 1310, 1330, 1355, 1310, 1295, 1305, 1335, 1330, 1370, 1365, 1380, 1385,
  1360, 1335, 1360, 1395, 1405, 1470,
];

/** Units of USD per 1 unit of the currency (cross rates held fixed). */
const CROSS: Record<Currency, number> = {
  USD: 1,
  EUR: 1.085,
  JPY: 1 / 145,
  CNY: 1 / 7.15,
  GBP: 1.26,
  AUD: 0.665,
  HKD: 1 / 7.8,
  CHF: 1.12,
};

const OFFSET = 300;
const usdByDay = new Float64Array(DAYS + 2 * OFFSET);
for (let d = -OFFSET; d < DAYS + OFFSET; d++) {
  const date = new Date(Date.UTC(2023, 0, 1 + d));
  const month = Math.max(0, Math.min(23, (date.getUTCFullYear() - 2023) * 12 + date.getUTCMonth()));
  const a = USD_ANCHORS[month] ?? 1300;
  const b = USD_ANCHORS[month + 1] ?? a;
  const start = monthStart(month);
  const t = Math.max(0, Math.min(1, (d - start) / (monthStart(month + 1) - start)));
  usdByDay[d + OFFSET] = a + (b - a) * t + 4 * Math.sin(d / 1.9);
}

/** KRW per 1 unit of `currency` on day index `day` (clamped to the covered range). */
export function krwPer(currency: Currency, day: number): number {
  const i = Math.max(0, Math.min(usdByDay.length - 1, day + OFFSET));
  return (usdByDay[i] as number) * CROSS[currency];
}

/** The rate as printed in declarations: 2 decimals (4 for JPY). */
export function rateText(currency: Currency, day: number): string {
  return krwPer(currency, day).toFixed(currency === 'JPY' ? 4 : 2);
}
