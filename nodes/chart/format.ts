/** Korean number formats for chart axes, legends and tooltips: plain, ₩ and 만/억/조 units. */
export type NumberStyle = 'plain' | 'krw' | 'man_eok';

/** Thousands separators without Intl, so Node and every browser print the same text. */
function group(n: number, decimals: number): string {
  const [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = frac?.replace(/0+$/, '');
  return `${n < 0 ? '-' : ''}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

const UNITS: [number, string][] = [
  [1e12, '조'],
  [1e8, '억'],
  [1e4, '만'],
];

/** `formatKo(123456789, 'man_eok')` → `1.23억`; `formatKo(350000, 'krw')` → `₩350,000`. */
export function formatKo(value: unknown, style: string): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  if (style === 'krw') return `${n < 0 ? '-' : ''}₩${group(Math.abs(Math.round(n)), 0)}`;
  if (style === 'man_eok') {
    const unit = UNITS.find(([size]) => Math.abs(n) >= size);
    // Two decimals for 억/조 (1.23억 reads well), one for 만: charts need short labels, not exact sums.
    if (unit) return `${group(n / unit[0], unit[1] === '만' ? 1 : 2)}${unit[1]}`;
  }
  return group(n, Number.isInteger(n) ? 0 : 2);
}

/** The Vega expression function name that Vega-Lite's `formatType` calls. */
export const FORMAT_FN = 'koNumber';

/** d3 time locale for Korean axes: `1월`, `2월 11일`, `2024년`. */
export const KO_TIME_LOCALE = {
  dateTime: '%Y년 %-m월 %-d일 %a %X',
  date: '%Y. %-m. %-d.',
  time: '%H:%M:%S',
  periods: ['오전', '오후'],
  days: ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'],
  shortDays: ['일', '월', '화', '수', '목', '금', '토'],
  months: ['1월', '2월', '3월', '4월', '5월', '6월', '7월', '8월', '9월', '10월', '11월', '12월'],
  shortMonths: ['1월', '2월', '3월', '4월', '5월', '6월', '7월', '8월', '9월', '10월', '11월', '12월'],
};

/** The two Vega entry points this needs; passed in so this file does not import Vega itself. */
export interface VegaGlobals {
  expressionFunction(name: string, fn: (value: unknown, style: string) => string): unknown;
  timeFormatLocale(definition: object): unknown;
}

/** Registers `koNumber` and Korean month/day names with a Vega module (browser or Node) before parsing a spec. */
export function registerKoreanFormats(vega: VegaGlobals): void {
  vega.expressionFunction(FORMAT_FN, formatKo);
  vega.timeFormatLocale(KO_TIME_LOCALE);
}
