import * as aq from 'arquero';
import type { DuckDBNodeEngine } from '../runtime/engine/duckdb-node.ts';

type ColumnData = Record<string, unknown[]>;

/** Loads the columns the pipeline needs into Arquero tables (timed apart from the transformation). */
export async function loadForArquero(engine: DuckDBNodeEngine, declarations: string, companies: string) {
  const decl = await columns(
    engine,
    `SELECT CAST(declaration_date AS VARCHAR) AS declaration_date, declared_value_krw::DOUBLE AS declared_value_krw,
            quantity::DOUBLE AS quantity, importer_id, origin_country, fraud::DOUBLE AS fraud
     FROM read_parquet('${declarations}')`,
  );
  const co = await columns(engine, `SELECT company_id, region FROM read_parquet('${companies}')`);
  return { decl: aq.table(decl), companies: aq.table(co) };
}

async function columns(engine: DuckDBNodeEngine, sql: string): Promise<ColumnData> {
  const r = await engine.query(sql);
  const out: ColumnData = {};
  for (const c of r.columns) out[c.name] = new Array(r.rows.length);
  r.rows.forEach((row, i) => {
    for (const c of r.columns) out[c.name]![i] = row[c.name];
  });
  return out;
}

/** The benchmark pipeline's logic in Arquero (JS, single-threaded). */
export function arqueroPrep(t: { decl: aq.ColumnTable; companies: aq.ColumnTable }) {
  return t.decl
    .filter(
      (d: { declaration_date: string; declared_value_krw: number }) =>
        d.declaration_date >= '2024-01-01' && d.declared_value_krw >= 100000,
    )
    .derive({ unit_krw: (d: { declared_value_krw: number; quantity: number }) => d.declared_value_krw / d.quantity })
    .join_left(t.companies, ['importer_id', 'company_id'])
    .groupby('region', 'origin_country')
    .rollup({
      n: aq.op.count(),
      total_krw: (d: { declared_value_krw: number }) => aq.op.sum(d.declared_value_krw),
      avg_unit_krw: (d: { unit_krw: number }) => aq.op.mean(d.unit_krw),
      importers: (d: { importer_id: string }) => aq.op.distinct(d.importer_id),
      fraud_rate: (d: { fraud: number }) => aq.op.mean(d.fraud),
    })
    .orderby(aq.desc('total_krw'))
    .slice(0, 100);
}
