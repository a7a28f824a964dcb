import { defineNode } from '../../runtime/nodes/define-node.ts';
import { relation, single } from '../_shared/columns.ts';
import { IN, OUT } from '../_shared/ports.ts';
import { chartParams } from './params.ts';
import { chartPlan, planSchema } from './plan.ts';
import { planSql } from './sql.ts';

/**
 * A Vega-Lite chart. The node's output is the small table the chart draws (counts, sums, bins, quartiles,
 * or a capped sample), computed in DuckDB; `spec.ts` turns those rows into the chart.
 */
export const chartVega = defineNode({
  type: 'chart.vega',
  version: 1,
  kind: 'sql',
  smallOutput: true,
  category: 'chart',
  label: { ko: '차트', en: 'Chart' },
  description: {
    ko: '막대, 선, 산점도, 히스토그램, 상자그림, 히트맵, 원, 지도 차트. 집계는 DuckDB에서 계산합니다.',
    en: 'Bar, line, scatter, histogram, box plot, heatmap, pie and map charts, aggregated in DuckDB.',
  },
  inputs: [IN],
  outputs: [OUT],
  params: chartParams,
  outputSchema: ({ inputs, params: p }) => {
    const schema = single(inputs);
    return planSchema(chartPlan(p, schema), schema);
  },
  toSql: ({ inputs, schemas, params: p }) => planSql(chartPlan(p, single(schemas)), relation(inputs)),
});
