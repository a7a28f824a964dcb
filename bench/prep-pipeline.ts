/**
 * The 8-node prep pipeline of the runtime benchmark, and the same logic written once as hand SQL
 * and once with Arquero, so all three can be compared on the same generated declarations.
 */
export function prepPipeline(declarations: string, companies: string, limit = 100) {
  return {
    format: 'customs-studio/pipeline',
    version: 1,
    name: 'bench: value by region and origin',
    nodes: [
      { id: 'decl', type: 'source.file', params: { path: declarations, format: 'parquet' } },
      { id: 'companies', type: 'source.file', params: { path: companies, format: 'parquet' } },
      {
        id: 'recent',
        type: 'prep.filter',
        params: { where: "declaration_date >= DATE '2024-01-01' AND declared_value_krw >= 100000" },
      },
      { id: 'unit', type: 'prep.derive', params: { column: 'unit_krw', expression: 'declared_value_krw / quantity' } },
      { id: 'typed', type: 'prep.cast', params: { columns: { fraud: 'DOUBLE' } } },
      { id: 'with_co', type: 'prep.join', params: { how: 'left', on: [{ left: 'importer_id', right: 'company_id' }] } },
      {
        id: 'by_region',
        type: 'prep.aggregate',
        params: {
          groupBy: ['region', 'origin_country'],
          measures: [
            { fn: 'count', as: 'n' },
            { fn: 'sum', column: 'declared_value_krw', as: 'total_krw' },
            { fn: 'avg', column: 'unit_krw', as: 'avg_unit_krw' },
            { fn: 'count_distinct', column: 'importer_id', as: 'importers' },
            { fn: 'avg', column: 'fraud', as: 'fraud_rate' },
          ],
        },
      },
      { id: 'top', type: 'prep.sort', params: { by: [{ column: 'total_krw', desc: true }], limit } },
    ],
    edges: [
      { source: 'decl', target: 'recent' },
      { source: 'recent', target: 'unit' },
      { source: 'unit', target: 'typed' },
      { source: 'typed', target: 'with_co', targetPort: 'left' },
      { source: 'companies', target: 'with_co', targetPort: 'right' },
      { source: 'with_co', target: 'by_region' },
      { source: 'by_region', target: 'top' },
    ],
  };
}

export function handSql(declarations: string, companies: string): string {
  return `CREATE OR REPLACE TABLE hand_result AS
SELECT c.region, d.origin_country, count(*) AS n, sum(d.declared_value_krw) AS total_krw,
       avg(d.declared_value_krw / d.quantity) AS avg_unit_krw, count(DISTINCT d.importer_id) AS importers,
       avg(TRY_CAST(d.fraud AS DOUBLE)) AS fraud_rate
FROM read_parquet('${declarations}') AS d
LEFT JOIN read_parquet('${companies}') AS c ON d.importer_id = c.company_id
WHERE d.declaration_date >= DATE '2024-01-01' AND d.declared_value_krw >= 100000
GROUP BY ALL
ORDER BY total_krw DESC
LIMIT 100`;
}
