import { isNumericType } from '../../runtime/engine/normalize.ts';
import { ParamError } from '../../runtime/errors.ts';
import { optionLabel } from '../../runtime/messages/option-labels.ts';
import { fieldLabel } from '../../runtime/messages/params.ts';
import { msg } from '../../runtime/messages/render.ts';
import type { Schema } from '../../runtime/schema/types.ts';
import { requireColumn, UNKNOWN } from '../_shared/columns.ts';
import { type Aggregate, type ChartParams, chartParams, type Mark } from './params.ts';

/** Rows kept for scatter plots and point maps: enough to see the shape, small enough to draw. */
export const SAMPLE_CAP = 5000;

export const COUNT = '건수';
export const BIN_START = '구간 시작';
export const BIN_END = '구간 끝';
export const BOX = { lo: '아래 수염', q1: 'Q1', median: '중앙값', q3: 'Q3', hi: '위 수염' } as const;

export interface Measure {
  fn: Aggregate;
  column?: string;
  /** The output column: the value column's own name, or `건수` for a count. */
  as: string;
}

/** What the chart needs from the data, with the defaults filled in: the SQL and the spec both read it. */
export type Plan =
  | { shape: 'group'; mark: Mark; dims: string[]; measure: Measure; topN?: { dim: string; n: number } }
  | { shape: 'sample'; mark: Mark; columns: string[]; notNull: string[] }
  | { shape: 'histogram'; column: string; groups: string[]; bins: number }
  | { shape: 'boxplot'; column: string; groups: string[] };

const isNum = (schema: Schema, name: string) => {
  const t = schema.find((c) => c.name === name)?.type ?? UNKNOWN;
  return t === UNKNOWN || isNumericType(t);
};

function need(schema: Schema, p: ChartParams, key: 'x' | 'y' | 'color' | 'country' | 'lat' | 'lon'): string {
  const name = p[key];
  if (!name) {
    const mark = optionLabel('chart.vega', ['mark'], p.mark) ?? { ko: p.mark, en: p.mark };
    const shelf = fieldLabel(chartParams, [key]);
    const said = msg('param.chart_needs_column', { mark, shelf, markName: p.mark, shelfName: key });
    throw new ParamError(`the "${p.mark}" chart needs a column on "${key}"`, key, said);
  }
  requireColumn(schema, name, key);
  return name;
}

function numeric(schema: Schema, name: string, key: string): string {
  if (!isNum(schema, name)) {
    const shelf = fieldLabel(chartParams, [key]);
    throw new ParamError(
      `"${name}" is not a number column`,
      key,
      msg('node.chart_not_number', { column: name, shelf }),
    );
  }
  return name;
}

/** Present optional shelves, checked against the input. */
function opt(schema: Schema, p: ChartParams, keys: ('color' | 'size' | 'facet' | 'x')[]): string[] {
  return keys.flatMap((k) => {
    const name = p[k];
    if (!name) return [];
    requireColumn(schema, name, k);
    return [name];
  });
}

function measureOf(schema: Schema, p: ChartParams, valueKey: 'y' | 'color'): Measure {
  const column = p[valueKey];
  if (!column) {
    if (p.aggregate && p.aggregate !== 'count') {
      throw new ParamError(
        `"${p.aggregate}" needs a value column on "${valueKey}"`,
        valueKey,
        msg('node.chart_aggregate_needs_value', {
          fn: optionLabel('chart.vega', ['aggregate'], p.aggregate) ?? { ko: p.aggregate, en: p.aggregate },
          shelf: fieldLabel(chartParams, [valueKey]),
        }),
      );
    }
    return { fn: 'count', as: COUNT };
  }
  requireColumn(schema, column, valueKey);
  const fn = p.aggregate ?? (isNum(schema, column) ? 'sum' : 'count');
  if (fn === 'count') return { fn, column, as: COUNT };
  return { fn, column: numeric(schema, column, valueKey), as: column };
}

function unique(names: string[], measure?: string): string[] {
  const all = measure ? [...names, measure] : names;
  const dup = all.find((n, i) => all.indexOf(n) !== i);
  if (dup)
    throw new ParamError(
      `"${dup}" is on two shelves of the chart`,
      undefined,
      msg('node.chart_shelf_twice', { column: dup }),
    );
  return names;
}

export function chartPlan(p: ChartParams, schema: Schema): Plan {
  const top = (dim: string | undefined) => (p.topN && dim ? { topN: { dim, n: p.topN } } : {});
  switch (p.mark) {
    case 'bar':
    case 'grouped_bar':
    case 'stacked_bar':
    case 'line':
    case 'area': {
      const x = need(schema, p, 'x');
      const measure = measureOf(schema, p, 'y');
      const dims = unique([x, ...opt(schema, p, ['color', 'facet'])], measure.as);
      const ranked = p.mark === 'line' || p.mark === 'area' ? p.color : x;
      return { shape: 'group', mark: p.mark, dims, measure, ...top(ranked) };
    }
    case 'pie':
    case 'donut': {
      const category = p.color ? need(schema, p, 'color') : need(schema, p, 'x');
      const measure = measureOf(schema, p, 'y');
      const dims = unique([category, ...opt(schema, p, ['facet'])], measure.as);
      return { shape: 'group', mark: p.mark, dims, measure, ...top(category) };
    }
    case 'heatmap': {
      const measure = measureOf(schema, p, 'color');
      const dims = unique([need(schema, p, 'x'), need(schema, p, 'y'), ...opt(schema, p, ['facet'])], measure.as);
      return { shape: 'group', mark: p.mark, dims, measure };
    }
    case 'map_choropleth': {
      const measure = measureOf(schema, p, 'y');
      const country = need(schema, p, 'country');
      return { shape: 'group', mark: p.mark, dims: unique([country], measure.as), measure, ...top(country) };
    }
    case 'scatter': {
      const xy = [numeric(schema, need(schema, p, 'x'), 'x'), numeric(schema, need(schema, p, 'y'), 'y')];
      const columns = unique([...xy, ...opt(schema, p, ['color', 'size', 'facet'])]);
      return { shape: 'sample', mark: p.mark, columns, notNull: xy };
    }
    case 'map_points': {
      const ll = [numeric(schema, need(schema, p, 'lat'), 'lat'), numeric(schema, need(schema, p, 'lon'), 'lon')];
      const columns = unique([...ll, ...opt(schema, p, ['color', 'size'])]);
      return { shape: 'sample', mark: p.mark, columns, notNull: ll };
    }
    case 'histogram': {
      const column = numeric(schema, need(schema, p, 'x'), 'x');
      return { shape: 'histogram', column, groups: unique(opt(schema, p, ['color', 'facet'])), bins: p.bins };
    }
    case 'boxplot': {
      const column = numeric(schema, need(schema, p, 'y'), 'y');
      return { shape: 'boxplot', column, groups: unique(opt(schema, p, ['x'])) };
    }
  }
}

/** Output columns of a plan: what the aggregated (or sampled) result holds. */
export function planSchema(plan: Plan, schema: Schema): Schema {
  const col = (name: string) => schema.find((c) => c.name === name) ?? { name, type: UNKNOWN };
  const dbl = (name: string) => ({ name, type: 'DOUBLE' });
  switch (plan.shape) {
    case 'group':
      return [
        ...plan.dims.map(col),
        { name: plan.measure.as, type: plan.measure.fn === 'count' ? 'BIGINT' : 'DOUBLE' },
      ];
    case 'sample':
      return plan.columns.map(col);
    case 'histogram':
      return [...plan.groups.map(col), dbl(BIN_START), dbl(BIN_END), { name: COUNT, type: 'BIGINT' }];
    case 'boxplot':
      return [...plan.groups.map(col), ...Object.values(BOX).map(dbl), { name: COUNT, type: 'BIGINT' }];
  }
}
