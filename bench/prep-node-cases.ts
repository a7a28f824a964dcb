/**
 * One representative configuration per prep, SQL and chart node type over the generated declarations, for
 * the per-node benchmarks (`--suite nodes`, `--suite limit`). `before` nodes prepare an input the node needs
 * (e.g. dates written as text).
 */
export interface NodeCase {
  type: string;
  /** The row's name in the results when one type has several configurations (default: the type). */
  label?: string;
  params: Record<string, unknown>;
  before?: { type: string; params: Record<string, unknown> }[];
  /** Second input, from the companies table, on this port. */
  companiesOn?: string;
  /** The declarations' port when there is a second input (default `left`). */
  mainPort?: string;
}

const dateText = {
  type: 'prep.derive',
  params: { column: 'day_text', expression: "strftime(declaration_date, '%Y.%m.%d')" },
};

export const NODE_CASES: NodeCase[] = [
  {
    type: 'prep.select',
    params: { columns: [{ name: 'declaration_id' }, { name: 'hs6', as: 'hs' }, { name: 'declared_value_krw' }] },
  },
  {
    type: 'prep.filter',
    params: {
      rules: [
        { column: 'origin_country', op: 'in', value: ['CN', 'VN'] },
        { column: 'declared_value_krw', op: '>=', value: 1000000 },
      ],
    },
  },
  { type: 'prep.derive', params: { column: 'unit_krw', expression: 'declared_value_krw / nullif(quantity, 0)' } },
  { type: 'prep.cast', params: { columns: { hs6: 'INTEGER', tax_rate: 'DECIMAL(6,2)' } } },
  {
    type: 'prep.aggregate',
    params: {
      groupBy: ['hs6'],
      measures: [
        { fn: 'count', as: 'n' },
        { fn: 'median', column: 'unit_price_usd', as: 'm' },
        { fn: 'sum', column: 'duty_krw', as: 'duty' },
      ],
    },
  },
  {
    type: 'prep.join',
    params: { how: 'left', on: [{ left: 'importer_id', right: 'company_id' }] },
    companiesOn: 'right',
  },
  { type: 'prep.sort', params: { by: [{ column: 'declared_value_krw', desc: true }], limit: 1000 } },
  { type: 'prep.dedupe', params: { columns: ['importer_id', 'hs6'] } },
  { type: 'prep.fill', params: { columns: { fraud: { value: 0 }, revenue_recovered_krw: { strategy: 'median' } } } },
  {
    type: 'prep.split_column',
    params: { column: 'declaration_id', by: 'delimiter', delimiter: '-', into: 'columns', count: 3 },
  },
  { type: 'prep.merge_columns', params: { columns: ['origin_country', 'hs6'], separator: '/', as: 'origin_hs' } },
  { type: 'prep.find_replace', params: { columns: ['item_name_ko'], find: '\\(.*\\)', replace: '', match: 'regex' } },
  { type: 'prep.text_normalize', params: { columns: { item_name_en: ['trim', 'collapse_spaces', 'lower'] } } },
  { type: 'prep.extract', params: { column: 'declaration_id', mode: 'number', numbers: 'first', as: 'broker_no' } },
  { type: 'prep.parse_date', params: { column: 'day_text', mode: 'auto', as: 'parsed' }, before: [dateText] },
  { type: 'prep.date_parts', params: { column: 'declaration_date', parts: ['year', 'quarter', 'month', 'weekday'] } },
  {
    type: 'prep.value_map',
    params: {
      column: 'origin_country',
      mapping: [
        { from: 'CN', to: '중국' },
        { from: 'VN', to: '베트남' },
        { from: 'US', to: '미국' },
      ],
      unmapped: 'keep',
      as: 'origin_ko',
    },
  },
  { type: 'prep.bin', params: { column: 'declared_value_krw', method: 'quantile', bins: 5 } },
  { type: 'prep.scale', params: { columns: ['unit_price_usd'], method: 'zscore', into: 'new', groupBy: ['hs6'] } },
  {
    type: 'prep.scale',
    label: 'prep.scale (keepOrder: false)',
    params: { columns: ['unit_price_usd'], method: 'zscore', into: 'new', groupBy: ['hs6'], keepOrder: false },
  },
  {
    type: 'prep.pivot',
    params: {
      index: ['hs6'],
      namesFrom: 'transport_mode',
      valuesFrom: 'declared_value_krw',
      fn: 'sum',
      values: ['SEA', 'AIR', 'EXPRESS'],
    },
  },
  { type: 'prep.unpivot', params: { columns: ['duty_krw', 'declared_value_krw'], nameAs: 'measure', valueAs: 'krw' } },
  {
    type: 'prep.window',
    params: {
      partitionBy: ['importer_id'],
      orderBy: [{ column: 'declaration_date' }],
      calcs: [
        { fn: 'cumsum', column: 'declared_value_krw', as: 'running' },
        { fn: 'lag', column: 'declared_value_krw', offset: 1, as: 'previous' },
      ],
    },
  },
  {
    type: 'prep.window',
    label: 'prep.window (keepOrder: false)',
    params: {
      partitionBy: ['importer_id'],
      orderBy: [{ column: 'declaration_date' }],
      calcs: [
        { fn: 'cumsum', column: 'declared_value_krw', as: 'running' },
        { fn: 'lag', column: 'declared_value_krw', offset: 1, as: 'previous' },
      ],
      keepOrder: false,
    },
  },
  { type: 'prep.sample', params: { method: 'random', fraction: 0.1, seed: 42 } },
  { type: 'prep.top_n', params: { groupBy: ['hs6'], orderBy: [{ column: 'declared_value_krw' }], n: 3 } },
  { type: 'prep.infer_types', params: { columns: { hs10: 'BIGINT' } } },
  {
    type: 'prep.validate',
    params: {
      rules: [
        { rule: 'required', column: 'importer_id' },
        { rule: 'hs_code', column: 'hs10', digits: '10' },
        { rule: 'country', column: 'origin_country' },
        { rule: 'currency', column: 'currency' },
      ],
    },
  },
  { type: 'prep.union', params: {}, companiesOn: 'in', mainPort: 'in' },
  {
    type: 'sql',
    params: {
      query:
        'SELECT origin_country, count(*) AS n, sum(declared_value_krw) AS value FROM input WHERE fraud = 1 GROUP BY origin_country',
    },
  },
  { type: 'chart.vega', params: { mark: 'bar', x: 'origin_country', y: 'declared_value_krw' } },
];
