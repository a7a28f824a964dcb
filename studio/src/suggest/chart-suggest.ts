import { isNumericType, isTemporalType, isTextType } from '../../../runtime/engine/normalize.ts';
import type { ColumnProfile, Profile } from '../inspect/profile.ts';
import type { Suggestion } from './rank.ts';

/** Text columns with at most this many distinct values make a readable bar chart of counts. */
export const MAX_BAR_CATEGORIES = 30;

const MONEY = /금액|세액|가격|과세|krw|amount|value|price|duty/i;
const COUNTRY_NAME = /국가|원산지|country|origin|ctry/i;

const money = (c: ColumnProfile) => (MONEY.test(c.name) ? { numberFormat: 'man_eok' } : {});

/**
 * Two-letter upper-case codes (KR, CN, US…) in a country-like column, or in nearly all the top values of a
 * column with enough of them (a status column of OK/NG is not a country).
 */
function isCountryCode(c: ColumnProfile): boolean {
  if (!isTextType(c.type) || !c.top?.length) return false;
  const codes = c.top.filter((t) => /^[A-Z]{2}$/.test(t.value)).reduce((s, t) => s + t.share, 0);
  return codes > 0.5 && (COUNTRY_NAME.test(c.name) || (codes > 0.95 && (c.distinct ?? 0) >= 5));
}

/** A measure worth charting: numeric and not an id (every value distinct). */
const isMeasure = (c: ColumnProfile) => isNumericType(c.type) && !c.unique;

/**
 * A few charts that fit the inspected result's columns, best first: a country map, a line over time,
 * bars of a low-cardinality category, a scatter of two numbers, a histogram of one. Each inserts a
 * `chart.vega` node after the node.
 */
export function chartSuggestions(profile: Profile, limit = 4): Suggestion[] {
  const cols = profile.columns;
  const measures = cols.filter(isMeasure);
  const moneyFirst = [...measures].sort((a, b) => Number(MONEY.test(b.name)) - Number(MONEY.test(a.name)));
  const m = moneyFirst[0];
  const date = cols.find((c) => isTemporalType(c.type));
  const country = cols.find(isCountryCode);
  const category = cols.find(
    (c) => c !== country && isTextType(c.type) && !c.unique && (c.distinct ?? Infinity) <= MAX_BAR_CATEGORIES,
  );
  const y = m ? { y: m.name, ...money(m) } : {};
  const what = m ? { ko: `${m.name} 합계`, en: `sum of ${m.name}` } : { ko: '건수', en: 'count' };
  const out: Suggestion[] = [];
  const add = (id: string, ko: string, en: string, reason: Suggestion['reason'], params: object, score: number) =>
    out.push({ id, label: { ko, en }, reason, type: 'chart.vega', params: params as Record<string, unknown>, score });

  if (country) {
    add(
      'map',
      `${country.name}별 ${what.ko} 지도`,
      `Map of ${what.en} by ${country.name}`,
      {
        ko: '국가 코드(KR, CN…) 열',
        en: 'a country-code column (KR, CN…)',
      },
      { mark: 'map_choropleth', country: country.name, ...y },
      0.9,
    );
  }
  if (date) {
    add(
      'line',
      `${date.name}에 따른 ${what.ko}`,
      `${what.en} over ${date.name}`,
      {
        ko: '날짜 열과 숫자 열',
        en: 'a date and a number column',
      },
      { mark: 'line', x: date.name, ...y },
      0.85,
    );
  }
  if (category) {
    add(
      'bar',
      `${category.name}별 ${what.ko}`,
      `${what.en} by ${category.name}`,
      {
        ko: `범주 ${category.distinct}개`,
        en: `${category.distinct} categories`,
      },
      { mark: 'bar', x: category.name, ...y },
      0.8,
    );
  }
  const [a, b] = measures;
  if (a && b) {
    add(
      'scatter',
      `${a.name} × ${b.name} 산점도`,
      `${a.name} × ${b.name} scatter`,
      {
        ko: '숫자 열 두 개',
        en: 'two number columns',
      },
      { mark: 'scatter', x: a.name, y: b.name, ...(category ? { color: category.name } : {}) },
      0.6,
    );
  }
  if (m) {
    add(
      'histogram',
      `${m.name} 분포`,
      `Distribution of ${m.name}`,
      { ko: '숫자 열', en: 'a number column' },
      { mark: 'histogram', x: m.name, ...money(m) },
      0.5,
    );
  }
  return out.sort((p, q) => q.score - p.score).slice(0, limit);
}
