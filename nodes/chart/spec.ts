import type { TopLevelSpec } from 'vega-lite';
import { isNumericType, isTemporalType } from '../../runtime/engine/normalize.ts';
import type { Row, Schema } from '../../runtime/schema/types.ts';
import { FORMAT_FN } from './format.ts';
import { choroplethLayers, pointLayers } from './map-spec.ts';
import type { Aggregate, ChartParams } from './params.ts';
import { BIN_END, BIN_START, BOX, COUNT, chartPlan, type Plan } from './plan.ts';

type Json = Record<string, unknown>;

/** A field def for the tooltip channel, which takes neither an axis nor a legend. */
const tip = ({ axis: _a, legend: _l, scale: _s, sort: _o, ...def }: Json): Json => def;

const AGG_KO: Record<Aggregate, string> = {
  count: '건수',
  sum: '합계',
  mean: '평균',
  median: '중앙값',
  min: '최솟값',
  max: '최댓값',
};

/** Vega-Lite reads `.` and `[` in a field name as a path; column names are flat. */
const field = (name: string) => name.replace(/[.[\]\\]/g, '\\$&');

const FONT = "'Nanum Gothic', NanumGothic, 'Noto Sans KR', 'Malgun Gothic', sans-serif";

const CONFIG = {
  customFormatTypes: true,
  font: FONT,
  axis: { labelLimit: 160, titleFontWeight: 'normal' },
  legend: { labelLimit: 160 },
  view: { stroke: null },
};

/** The column's type in Vega-Lite terms; bars put numbers (years, codes) on an ordinal axis. */
function vlType(schema: Schema, name: string, discrete: boolean): string {
  const t = schema.find((c) => c.name === name)?.type ?? 'VARCHAR';
  if (isTemporalType(t)) return 'temporal';
  if (isNumericType(t) && !discrete) return 'quantitative';
  return isNumericType(t) ? 'ordinal' : 'nominal';
}

/**
 * The Vega-Lite spec that draws the chart node's output rows (see `plan.ts` for their columns).
 * `schema` is the node's INPUT schema (for the column types); without `rows` the data is the named
 * source `table`, for callers that insert rows into the view later.
 */
export function chartSpec(params: ChartParams, schema: Schema, rows?: Row[]): TopLevelSpec {
  const plan = chartPlan(params, schema);
  const data: Json = rows ? { values: rows } : { name: 'table' };
  const num = { format: params.numberFormat, formatType: FORMAT_FN };
  // `format` on the field def formats tooltips; axes and legends take their own copy.
  const q = (name: string, title: string): Json => ({
    field: field(name),
    type: 'quantitative',
    title,
    ...num,
    // Counts have no fractions: no 0.5 ticks.
    axis: name === COUNT ? { ...num, tickMinStep: 1 } : num,
    legend: name === COUNT ? { ...num, tickMinStep: 1 } : num,
  });
  const dim = (name: string, discrete = true): Json => ({
    field: field(name),
    type: vlType(schema, name, discrete),
    title: name,
  });
  const base: Json = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(params.title ? { title: params.title } : {}),
    config: CONFIG,
    width: 480,
    height: 300,
  };
  const facet = (): Json =>
    params.facet && plan.shape !== 'boxplot' ? { facet: { ...dim(params.facet), columns: 3 } } : {};
  if (params.facet) Object.assign(base, { width: 240, height: 180 });
  // Built as plain JSON: Vega-Lite's union types cannot follow the per-mark assembly; `spec.test.ts` compiles each mark.
  return { ...base, ...body(plan, params, data, { q, dim, num, facet }, rows) } as unknown as TopLevelSpec;
}

interface Kit {
  q(name: string, title: string): Json;
  dim(name: string, discrete?: boolean): Json;
  num: Json;
  facet(): Json;
}

/** Short codes (KR, CN, 85) stay level; longer names tilt so neighbours do not overlap. */
function tilt(rows: Row[] | undefined, name: string): Json {
  const long = !rows || rows.some((r) => String(r[name] ?? '').length > 4);
  return { labelAngle: long ? -30 : 0 };
}

/** Korean dates on a time axis: `2월 4일` within a year, `2024년 2월` over longer spans. */
function timeAxis(rows: Row[] | undefined, name: string): Json {
  const t = (rows ?? []).map((r) => Date.parse(String(r[name]))).filter(Number.isFinite);
  const days = t.length ? (Math.max(...t) - Math.min(...t)) / 86_400_000 : 0;
  return { format: days > 366 ? '%Y년 %-m월' : '%-m월 %-d일', tickCount: 6, labelOverlap: 'greedy' };
}

function measureTitle(plan: Extract<Plan, { shape: 'group' }>): string {
  const m = plan.measure;
  return m.fn === 'count' ? COUNT : `${m.column} (${AGG_KO[m.fn]})`;
}

function body(plan: Plan, p: ChartParams, data: Json, k: Kit, rows?: Row[]): Json {
  if (plan.shape === 'histogram') {
    const x = { field: field(BIN_START), bin: { binned: true }, type: 'quantitative', title: plan.column, ...k.num };
    const color = p.color ? { color: k.dim(p.color) } : {};
    const enc = { x, x2: { field: field(BIN_END) }, y: k.q(COUNT, COUNT), ...color, ...k.facet() };
    return { data, mark: { type: 'bar', binSpacing: 1 }, encoding: { ...enc, tooltip: [tip(x), tip(enc.y)] } };
  }
  if (plan.shape === 'boxplot') return boxplot(plan, data, k, rows);
  if (plan.shape === 'sample') {
    const [a, b] = plan.columns as [string, string];
    const extra: Json = {
      ...(p.color ? { color: k.dim(p.color) } : {}),
      ...(p.size ? { size: k.q(p.size, p.size) } : {}),
    };
    if (plan.mark === 'map_points') {
      const enc = {
        latitude: { field: field(a), type: 'quantitative' },
        longitude: { field: field(b), type: 'quantitative' },
      };
      return { projection: { type: 'equalEarth' }, layer: pointLayers(data, { ...enc, ...extra }) };
    }
    const enc = { x: { ...k.q(a, a), scale: { zero: false } }, y: { ...k.q(b, b), scale: { zero: false } }, ...extra };
    return { data, mark: { type: 'point', filled: true, opacity: 0.6 }, encoding: { ...enc, ...k.facet() } };
  }
  return grouped(plan, p, data, k, rows);
}

function grouped(plan: Extract<Plan, { shape: 'group' }>, p: ChartParams, data: Json, k: Kit, rows?: Row[]): Json {
  const m = k.q(plan.measure.as, measureTitle(plan));
  const [d0, d1] = plan.dims as [string, string | undefined];
  const tooltip = [...plan.dims.map((d) => tip(k.dim(d))), tip(m)];
  switch (plan.mark) {
    case 'pie':
    case 'donut':
      return {
        data,
        mark: { type: 'arc', ...(plan.mark === 'donut' ? { innerRadius: 70 } : {}), stroke: '#fff' },
        encoding: {
          theta: { ...m, stack: true },
          color: { ...k.dim(d0), sort: { field: field(plan.measure.as), order: 'descending' } },
          order: { field: field(plan.measure.as), sort: 'descending' },
          tooltip,
          ...k.facet(),
        },
      };
    case 'heatmap':
      return {
        data,
        mark: 'rect',
        encoding: {
          x: { ...k.dim(d0), axis: tilt(rows, d0) },
          y: k.dim(d1!),
          color: { ...m, scale: { scheme: 'blues' } },
          tooltip,
          ...k.facet(),
        },
      };
    case 'map_choropleth':
      return { projection: { type: 'equalEarth' }, layer: choroplethLayers(data, field(d0), m, plan.measure.as) };
    case 'line':
    case 'area': {
      const color = p.color ? { color: k.dim(p.color) } : {};
      const x = k.dim(d0, false);
      if (x.type === 'temporal') x.axis = timeAxis(rows, d0);
      const mark = plan.mark === 'line' ? { type: 'line', point: true } : { type: 'area', opacity: 0.8 };
      return { data, mark, encoding: { x, y: m, ...color, tooltip, ...k.facet() } };
    }
    default: {
      const x = k.dim(d0);
      // Categories read best largest first; dates and numbers keep their own order.
      if (x.type === 'nominal') x.sort = '-y';
      x.axis = x.type === 'temporal' ? timeAxis(rows, d0) : tilt(rows, d0);
      const color = p.color ? { color: k.dim(p.color) } : {};
      const offset = plan.mark === 'grouped_bar' && p.color ? { xOffset: k.dim(p.color) } : {};
      const enc = { x, y: m, ...color, ...offset, tooltip, ...k.facet() };
      return { data, mark: { type: 'bar' }, encoding: enc };
    }
  }
}

function boxplot(plan: Extract<Plan, { shape: 'boxplot' }>, data: Json, k: Kit, rows?: Row[]): Json {
  const g = plan.groups[0];
  const x = g ? { x: { ...k.dim(g), axis: tilt(rows, g) } } : {};
  const yq = (name: string) => ({ ...k.q(name, plan.column), scale: { zero: false } });
  const f = (name: string) => ({ field: field(name) });
  const tooltip = [
    ...(plan.groups[0] ? [k.dim(plan.groups[0])] : []),
    ...Object.values(BOX).map((b) => tip(k.q(b, b))),
  ];
  return {
    data,
    encoding: { ...x, tooltip },
    layer: [
      { mark: { type: 'rule' }, encoding: { y: yq(BOX.lo), y2: f(BOX.hi) } },
      {
        mark: { type: 'bar', size: 28, color: '#93c5fd', stroke: '#1d4ed8' },
        encoding: { y: yq(BOX.q1), y2: f(BOX.q3) },
      },
      { mark: { type: 'tick', size: 28, color: '#1e3a8a', thickness: 2 }, encoding: { y: yq(BOX.median) } },
    ],
  };
}
