import type { Column } from '../schema/types.ts';
import { ident, typeName } from '../sql/quote.ts';
import type { Engine } from './engine.ts';
import { isNumericType } from './normalize.ts';

export type Carrier = 'DOUBLE' | 'BOOLEAN' | 'VARCHAR';

/**
 * Loads column-major JS data into a typed table in two steps that both engines share: append into a
 * staging table whose columns use only JS-native carriers (DOUBLE, BOOLEAN, VARCHAR), then let DuckDB
 * cast to the wanted types, so dates, decimals and timestamps are parsed by DuckDB itself.
 */
export async function createTableViaStaging(
  engine: Engine,
  name: string,
  columns: Column[],
  data: unknown[][],
  append: (staging: string, carriers: Carrier[]) => Promise<void>,
): Promise<void> {
  const carriers = columns.map((c, i) => carrierFor(c.type, data[i] ?? []));
  const staging = `__staging_${Math.random().toString(36).slice(2, 10)}`;
  const stagingCols = columns.map((c, i) => `${ident(c.name)} ${carriers[i]}`).join(', ');
  await engine.exec(`CREATE TEMP TABLE ${ident(staging)} (${stagingCols})`);
  try {
    await append(staging, carriers);
    const casts = columns.map((c) => `CAST(${ident(c.name)} AS ${typeName(c.type)}) AS ${ident(c.name)}`).join(', ');
    await engine.exec(`CREATE OR REPLACE TABLE ${ident(name)} AS SELECT ${casts || '*'} FROM ${ident(staging)}`);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(staging)}`);
  }
}

function carrierFor(type: string, values: unknown[]): Carrier {
  const t = type.toUpperCase();
  if (t === 'BOOLEAN') return 'BOOLEAN';
  if (isNumericType(t) && values.every((v) => v === null || v === undefined || typeof v === 'number')) return 'DOUBLE';
  return 'VARCHAR';
}
