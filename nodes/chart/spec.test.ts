import { expressionFunction, parse, timeFormatLocale, View } from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { Row, Schema } from '../../runtime/schema/types.ts';
import { formatKo, registerKoreanFormats } from './format.ts';
import { chartParams } from './params.ts';
import { renderChartSvg } from './render-svg.ts';
import { chartSpec } from './spec.ts';

registerKoreanFormats({ expressionFunction, timeFormatLocale });

const SCHEMA: Schema = [
  { name: '원산지', type: 'VARCHAR' },
  { name: '수입자', type: 'VARCHAR' },
  { name: '금액', type: 'BIGINT' },
  { name: '중량', type: 'DOUBLE' },
  { name: '신고일', type: 'DATE' },
];

/** Items drawn per mark type, walking the scenegraph of a headless view. */
async function marks(params: Record<string, unknown>, rows: Row[]): Promise<Record<string, number>> {
  const view = new View(parse(compile(chartSpec(chartParams.parse(params), SCHEMA, rows)).spec), {
    renderer: 'none',
  });
  await view.runAsync();
  const counts: Record<string, number> = {};
  const walk = (node: { marktype?: string; role?: string; items?: unknown[] }) => {
    if (node.marktype && node.role === 'mark') {
      counts[node.marktype] = (counts[node.marktype] ?? 0) + (node.items?.length ?? 0);
    }
    for (const item of node.items ?? []) walk(item as typeof node);
  };
  // Vega's typings omit the scenegraph's `root`.
  walk((view.scenegraph() as unknown as { root: Parameters<typeof walk>[0] }).root);
  view.finalize();
  return counts;
}

const BY_ORIGIN = [
  { 원산지: 'CN', 금액: 18_000_000 },
  { 원산지: 'NO', 금액: 25_000_000 },
  { 원산지: 'VN', 금액: 700_000 },
];

describe('formatKo', () => {
  it('writes ₩ and 만/억/조 units', () => {
    expect(formatKo(350000, 'krw')).toBe('₩350,000');
    expect(formatKo(-1234.6, 'krw')).toBe('-₩1,235');
    expect(formatKo(350000, 'man_eok')).toBe('35만');
    expect(formatKo(12_345_678, 'man_eok')).toBe('1,234.6만'); // 12,345,678 / 10^4 = 1234.5678 → 1 decimal
    expect(formatKo(123_456_789, 'man_eok')).toBe('1.23억');
    expect(formatKo(2.5e12, 'man_eok')).toBe('2.5조');
    expect(formatKo(9999, 'man_eok')).toBe('9,999');
    expect(formatKo(1234567.891, 'plain')).toBe('1,234,567.89');
    expect(formatKo(null, 'plain')).toBe('');
  });
});

describe('chartSpec draws the aggregated rows', () => {
  it('one bar per category', async () => {
    expect(await marks({ mark: 'bar', x: '원산지', y: '금액' }, BY_ORIGIN)).toMatchObject({ rect: 3 });
  });

  it('grouped and stacked bars: one bar per (x, colour) row', async () => {
    const rows = [
      { 수입자: '가', 원산지: 'CN', 건수: 2 },
      { 수입자: '가', 원산지: 'NO', 건수: 1 },
      { 수입자: '나', 원산지: 'CN', 건수: 1 },
    ];
    expect(await marks({ mark: 'grouped_bar', x: '수입자', color: '원산지' }, rows)).toMatchObject({ rect: 3 });
    expect(await marks({ mark: 'stacked_bar', x: '수입자', color: '원산지' }, rows)).toMatchObject({ rect: 3 });
  });

  it('pie and donut: one arc per category', async () => {
    expect(await marks({ mark: 'pie', x: '원산지', y: '금액' }, BY_ORIGIN)).toMatchObject({ arc: 3 });
    expect(await marks({ mark: 'donut', color: '원산지', y: '금액' }, BY_ORIGIN)).toMatchObject({ arc: 3 });
  });

  it('line with a point per date, histogram bars, heatmap cells, scatter points', async () => {
    const days = [
      { 신고일: '2024-01-05', 금액: 1 },
      { 신고일: '2024-02-11', 금액: 2 },
    ];
    expect(await marks({ mark: 'line', x: '신고일', y: '금액' }, days)).toMatchObject({ line: 2, symbol: 2 }); // a line mark has one item per vertex
    const bins = [
      { '구간 시작': 0, '구간 끝': 20, 건수: 4 },
      { '구간 시작': 40, '구간 끝': 60, 건수: 2 },
    ];
    expect(await marks({ mark: 'histogram', x: '중량' }, bins)).toMatchObject({ rect: 2 });
    const cells = [
      { 수입자: '가', 원산지: 'CN', 건수: 2 },
      { 수입자: '나', 원산지: 'NO', 건수: 1 },
    ];
    expect(await marks({ mark: 'heatmap', x: '수입자', y: '원산지' }, cells)).toMatchObject({ rect: 2 });
    const pts = [
      { 금액: 1, 중량: 2 },
      { 금액: 3, 중량: 4 },
      { 금액: 5, 중량: 1 },
    ];
    expect(await marks({ mark: 'scatter', x: '금액', y: '중량' }, pts)).toMatchObject({ symbol: 3 });
  });

  it('box plot: a whisker, a box and a median tick per group', async () => {
    const rows = [
      { 원산지: 'CN', '아래 수염': 1, Q1: 2, 중앙값: 3, Q3: 4, '위 수염': 4, 건수: 5 },
      { 원산지: 'NO', '아래 수염': 5, Q1: 5, 중앙값: 5, Q3: 5, '위 수염': 5, 건수: 1 },
    ];
    expect(await marks({ mark: 'boxplot', x: '원산지', y: '금액' }, rows)).toMatchObject({ rule: 2, rect: 4 });
  });

  it('choropleth colours only the countries with data, over all 177 shapes', async () => {
    // background layer: 177 countries; data layer: CN, NO, VN found by alpha-2
    expect(await marks({ mark: 'map_choropleth', country: '원산지', y: '금액' }, BY_ORIGIN)).toEqual({
      shape: 177 + 3,
    });
  });

  it('names months in Korean on a time axis', async () => {
    const days = [
      { 신고일: '2024-01-05', 건수: 2 },
      { 신고일: '2024-04-02', 건수: 1 },
    ];
    const svg = await renderChartSvg(chartSpec(chartParams.parse({ mark: 'line', x: '신고일' }), SCHEMA, days));
    // Jan 5 → Apr 2 (< a year), about 6 ticks: month starts as month and day
    expect(svg).toContain('>2월 1일<');
    expect(svg).toContain('>3월 1일<');
    expect(svg).not.toMatch(/>(Jan|Feb|Mar)/);
  });

  it('renders SVG in Node with Korean titles and 만/억 labels', async () => {
    const spec = chartSpec(
      chartParams.parse({ mark: 'bar', x: '원산지', y: '금액', numberFormat: 'man_eok' }),
      SCHEMA,
      BY_ORIGIN,
    );
    const svg = await renderChartSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('금액 (합계)');
    expect(svg).toContain('>2,500만<'); // y ticks 5,000,000 apart up to the 25,000,000 bar: 500만 … 2,500만
    expect(svg).toContain('금액 (합계): 1,800만'); // the CN bar's label, 18,000,000
  });
});
