/**
 * Artifact downloads: the stored Parquet as is, or converted on the fly. CSV is DuckDB's own
 * `COPY … (FORMAT csv)` into a temporary file that is streamed and then removed; XLSX goes through
 * exceljs's streaming writer one DuckDB chunk at a time, so neither holds the whole table in memory.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import type { Column } from '../../runtime/schema/types.ts';
import { ident, stringLiteral } from '../../runtime/sql/quote.ts';

export const EXPORT_FORMATS = ['parquet', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat | 'svg', string> = {
  parquet: 'application/vnd.apache.parquet',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml',
};

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;

async function withDuckDb<T>(run: (conn: Awaited<ReturnType<DuckDBInstance['connect']>>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '512MB' });
  try {
    return await run(await instance.connect());
  } finally {
    instance.closeSync();
  }
}

/** Streams `file` (a stored Parquet artifact) in the wanted format. */
export async function exportArtifact(file: string, format: ExportFormat, columns: Column[]): Promise<Readable> {
  if (format === 'parquet') return createReadStream(file);
  if (format === 'csv') return csvStream(file);
  return xlsxStream(file, columns);
}

async function csvStream(file: string): Promise<Readable> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cas-export-'));
  const out = path.join(dir, 'out.csv');
  try {
    await withDuckDb((conn) =>
      conn.run(
        `COPY (SELECT * FROM read_parquet(${stringLiteral(file)})) TO ${stringLiteral(out)} (FORMAT csv, HEADER)`,
      ),
    );
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const stream = createReadStream(out);
  stream.once('close', () => void rm(dir, { recursive: true, force: true }));
  return stream;
}

/** Numbers stay numbers in Excel; everything else (dates included) arrives as DuckDB's text. */
function xlsxStream(file: string, columns: Column[]): Readable {
  const out = new PassThrough();
  const select = columns.map((c) => {
    if (NUMERIC.test(c.type)) return `CAST(${ident(c.name)} AS DOUBLE)`;
    return c.type === 'BOOLEAN' ? ident(c.name) : `CAST(${ident(c.name)} AS VARCHAR)`;
  });
  const sql = `SELECT ${select.join(', ') || '*'} FROM read_parquet(${stringLiteral(file)})`;
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('result');
    sheet.addRow(columns.map((c) => c.name)).commit();
    await withDuckDb(async (conn) => {
      const result = await conn.stream(sql);
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        for (const row of chunk.getRows()) sheet.addRow(row.map(cell)).commit();
      }
    });
    sheet.commit();
    await workbook.commit();
  };
  write().catch((e: unknown) => out.destroy(e as Error));
  return out;
}

function cell(value: unknown): ExcelJS.CellValue {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return value;
  return String(value);
}
