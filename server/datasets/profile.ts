/**
 * Reads an uploaded file exactly as a pipeline's `source.file` node would (same encoding detection, same
 * handling of ragged CSV lines, same warnings), with DuckDB native, and profiles every column.
 */

import { sourceFile } from '../../nodes/source/file.ts';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Warning } from '../../runtime/nodes/define-node.ts';
import type { Column } from '../../runtime/schema/types.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { ident } from '../../runtime/sql/quote.ts';
import type { DatasetFormat } from '../db/schema.ts';
import { ApiError } from '../errors.ts';

export interface ColumnProfile {
  name: string;
  type: string;
  nullPercent: number;
  distinctApprox: number;
  min: string | null;
  max: string | null;
  top: { value: string; count: number }[];
}

export interface DatasetProfile {
  rows: number;
  columns: Column[];
  profile: ColumnProfile[];
  warnings: Warning[];
}

/** Columns past this many get no top values (one GROUP BY each). */
const TOP_VALUE_COLUMNS = 60;
const TOP_VALUES = 5;

export async function profileFile(dir: string, file: string, format: DatasetFormat): Promise<DatasetProfile> {
  const engine = await DuckDBNodeEngine.create({ threads: 2 });
  const files = new NodeFileAccess({ baseDir: dir, engine });
  try {
    const loaded = await sourceFile
      .load({ nodeId: 'dataset', params: { path: file, format }, engine, files, tableName: 'dataset' })
      .catch((e: unknown) => {
        const why = e instanceof Error ? e.message : String(e);
        throw new ApiError(422, 'unreadable_dataset', `the file could not be read as ${format}: ${why}`);
      });
    const profile = await profileRelation(engine, loaded.relation);
    const rows = Number((await engine.query(`SELECT count(*) AS n FROM ${loaded.relation}`)).rows[0]?.n ?? 0);
    return { rows, columns: loaded.schema, profile, warnings: loaded.warnings ?? [] };
  } finally {
    await files.close();
    await engine.close();
  }
}

async function profileRelation(engine: DuckDBNodeEngine, relation: string): Promise<ColumnProfile[]> {
  const summary = await engine.query(`SELECT * FROM (SUMMARIZE ${relation})`);
  const out: ColumnProfile[] = [];
  for (const [i, row] of summary.rows.entries()) {
    const name = String(row.column_name);
    const top =
      i < TOP_VALUE_COLUMNS
        ? await engine.query(
            `SELECT CAST(${ident(name)} AS VARCHAR) AS v, count(*) AS n FROM ${relation} WHERE ${ident(name)} IS NOT NULL ` +
              `GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP_VALUES}`,
          )
        : { rows: [] };
    out.push({
      name,
      type: String(row.column_type),
      nullPercent: Number(row.null_percentage ?? 0),
      distinctApprox: Number(row.approx_unique ?? 0),
      min: row.min === null || row.min === undefined ? null : String(row.min),
      max: row.max === null || row.max === undefined ? null : String(row.max),
      top: top.rows.map((r) => ({ value: String(r.v), count: Number(r.n) })),
    });
  }
  return out;
}
