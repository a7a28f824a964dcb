import { type Aggregate, MARKS, type Mark } from '../../../nodes/chart/params.ts';
import { optionLabel } from '../../../runtime/messages/option-labels.ts';

type Label = { ko: string; en: string };

export type Shelf = 'x' | 'y' | 'color' | 'size' | 'facet' | 'country' | 'lat' | 'lon';

/** The chart types by the same names the node's form gives them (one catalogue: `runtime/messages/option-labels.ts`). */
export const MARK_LABEL = Object.fromEntries(
  MARKS.map((m) => [m, optionLabel('chart.vega', ['mark'], m) ?? { ko: m, en: m }]),
) as Record<Mark, Label>;

export const SHELF_LABEL: Record<Shelf, Label> = {
  x: { ko: 'X축', en: 'X' },
  y: { ko: 'Y축 / 값', en: 'Y / value' },
  color: { ko: '색상', en: 'Colour' },
  size: { ko: '크기', en: 'Size' },
  facet: { ko: '패싯', en: 'Facet' },
  country: { ko: '국가 코드', en: 'Country code' },
  lat: { ko: '위도', en: 'Latitude' },
  lon: { ko: '경도', en: 'Longitude' },
};

export const AGGREGATE_LABEL: Record<Aggregate, Label> = {
  count: { ko: '건수', en: 'Count' },
  sum: { ko: '합계', en: 'Sum' },
  mean: { ko: '평균', en: 'Mean' },
  median: { ko: '중앙값', en: 'Median' },
  min: { ko: '최솟값', en: 'Min' },
  max: { ko: '최댓값', en: 'Max' },
};

export const FORMAT_LABEL: Record<'plain' | 'krw' | 'man_eok', Label> = {
  plain: { ko: '1,234', en: '1,234' },
  krw: { ko: '₩1,234', en: '₩1,234' },
  man_eok: { ko: '만·억 단위', en: '만/억 units' },
};

export const TEXT = {
  mark: { ko: '차트 종류', en: 'Chart type' },
  columns: { ko: '열 (끌어서 놓기)', en: 'Columns (drag)' },
  chipHelp: { ko: '선반으로 끌거나, 누른 뒤 선반을 누르세요', en: 'drag to a shelf, or press it then a shelf' },
  drop: { ko: '열을 여기로', en: 'drop a column' },
  clear: { ko: '비우기', en: 'Clear' },
  aggregate: { ko: '값 집계', en: 'Aggregate' },
  auto: { ko: '자동', en: 'Auto' },
  format: { ko: '숫자 표시', en: 'Numbers' },
  png: { ko: 'PNG 저장', en: 'Save PNG' },
  svg: { ko: 'SVG 저장', en: 'Save SVG' },
  loading: { ko: '차트를 그리는 중…', en: 'Drawing the chart…' },
  noInput: { ko: '입력 열을 아직 모릅니다', en: 'The input columns are not known yet' },
} as const;
