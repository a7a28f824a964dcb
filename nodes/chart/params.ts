import { z } from 'zod';

export const MARKS = [
  'bar',
  'grouped_bar',
  'stacked_bar',
  'line',
  'area',
  'scatter',
  'histogram',
  'boxplot',
  'heatmap',
  'pie',
  'donut',
  'map_choropleth',
  'map_points',
] as const;
export type Mark = (typeof MARKS)[number];

export const AGGREGATES = ['count', 'sum', 'mean', 'median', 'min', 'max'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

const shelf = (ko: string, en: string, showIf?: Record<string, unknown[]>) =>
  z
    .string()
    .min(1)
    .optional()
    .meta({ label: { ko, en }, widget: 'column', columnOf: 'in', ...(showIf ? { showIf } : {}) });

const NOT_MAP = MARKS.filter((m) => !m.startsWith('map_'));

export const chartParams = z
  .object({
    mark: z
      .enum(MARKS)
      .default('bar')
      .meta({
        label: { ko: '차트 종류', en: 'Chart type' },
        help: {
          ko: '막대·묶은 막대·누적 막대·선·영역·산점도·히스토그램·상자그림·히트맵·원·도넛·지도(색칠/점)',
          en: 'bar, grouped/stacked bar, line, area, scatter, histogram, box plot, heatmap, pie, donut, maps',
        },
        widget: 'select',
      }),
    x: shelf('X축 (가로)', 'X axis', { mark: NOT_MAP }),
    y: shelf('Y축 (세로) / 값', 'Y axis / value'),
    color: shelf('색상', 'Colour'),
    size: shelf('크기', 'Size', { mark: ['scatter', 'map_points'] }),
    facet: shelf('나누어 그리기 (패싯)', 'Facet'),
    aggregate: z
      .enum(AGGREGATES)
      .optional()
      .meta({
        label: { ko: '값 집계', en: 'Aggregate' },
        help: {
          ko: '비우면 Y열이 숫자면 합계, 없으면 건수',
          en: 'Empty: sum of a numeric Y, otherwise a count of rows',
        },
        widget: 'select',
      }),
    bins: z
      .number()
      .int()
      .min(2)
      .max(200)
      .default(20)
      .meta({
        label: { ko: '구간 수 (최대)', en: 'Bins (at most)' },
        widget: 'number',
        showIf: { mark: ['histogram'] },
      }),
    topN: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .meta({
        label: { ko: '상위 N개 범주만', en: 'Top N categories only' },
        help: { ko: '값이 큰 범주 N개만 그립니다', en: 'Draw only the N categories with the largest values' },
        widget: 'number',
      }),
    country: shelf('국가 코드 열 (KR, CN, US…)', 'Country code column (KR, CN, US…)', { mark: ['map_choropleth'] }),
    lat: shelf('위도 열', 'Latitude column', { mark: ['map_points'] }),
    lon: shelf('경도 열', 'Longitude column', { mark: ['map_points'] }),
    title: z
      .string()
      .optional()
      .meta({ label: { ko: '제목', en: 'Title' } }),
    numberFormat: z
      .enum(['plain', 'krw', 'man_eok'])
      .default('plain')
      .meta({
        label: { ko: '숫자 표시', en: 'Number format' },
        help: {
          ko: '숫자 그대로 1,234 · 원화 ₩1,234 · 만·억 단위 1.2억, 350만',
          en: 'as is 1,234 · won ₩1,234 · 만/억 units 1.2억, 350만',
        },
        widget: 'select',
      }),
  })
  .strict();

export type ChartParams = z.infer<typeof chartParams>;
