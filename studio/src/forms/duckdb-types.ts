/** The DuckDB types a cast or a type picker offers. */
export const DUCKDB_TYPES = [
  'VARCHAR',
  'BIGINT',
  'INTEGER',
  'DOUBLE',
  'DECIMAL(18,2)',
  'BOOLEAN',
  'DATE',
  'TIMESTAMP',
  'TIME',
  'SMALLINT',
  'HUGEINT',
  'FLOAT',
];
