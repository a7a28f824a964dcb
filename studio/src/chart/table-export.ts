import type { BasicType } from 'hyparquet-writer';
import { isIntegerType, isNumericType } from '../../../runtime/engine/normalize.ts';
import type { Column, ResultTable, Value } from '../../../runtime/schema/types.ts';

export type TableFormat = 'csv' | 'xlsx' | 'parquet';

export const MIME: Record<TableFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
};

const text = (v: Value): string => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function csvCell(v: Value): string {
  const s = text(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 BOM, so Excel opens Korean text correctly. */
export function toCsv(t: ResultTable): Uint8Array {
  const lines = [t.columns.map((c) => csvCell(c.name)).join(',')];
  for (const row of t.rows) lines.push(t.columns.map((c) => csvCell(row[c.name] ?? null)).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** One worksheet; numbers stay numbers, everything else is written as its text. */
export async function toXlsx(t: ResultTable, sheetName = 'data'): Promise<Uint8Array> {
  const Excel = (await import('exceljs')).default;
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, '_') || 'data');
  sheet.addRow(t.columns.map((c) => c.name));
  for (const row of t.rows) {
    sheet.addRow(t.columns.map((c) => cellOf(row[c.name] ?? null, c)));
  }
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function cellOf(v: Value, c: Column): string | number | boolean | null {
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return v;
  // Integers past 2^53 come back as strings: keep every digit rather than round them.
  if (isNumericType(c.type) && typeof v === 'string' && !isIntegerType(c.type)) return Number(v);
  return text(v);
}

/** Parquet type of a DuckDB column; dates and times travel as DuckDB's text (no parquet logical type). */
function parquetType(c: Column): BasicType {
  if (c.type === 'BOOLEAN') return 'BOOLEAN';
  if (['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT'].includes(c.type)) return 'INT32';
  if (c.type === 'BIGINT') return 'INT64';
  if (isNumericType(c.type) && !isIntegerType(c.type)) return 'DOUBLE';
  return 'STRING';
}

/** Parquet (snappy) written in JS by hyparquet-writer: DuckDB-WASM has no parquet writer without extensions. */
export async function toParquet(t: ResultTable): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const columnData = t.columns.map((c) => {
    const type = parquetType(c);
    const data = t.rows.map((r) => {
      const v = r[c.name] ?? null;
      if (v === null) return null;
      if (type === 'INT64') return BigInt(v as number | string);
      if (type === 'INT32' || type === 'DOUBLE') return Number(v);
      if (type === 'BOOLEAN') return v;
      return text(v);
    });
    return { name: c.name, data, type };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}

export async function encodeTable(t: ResultTable, format: TableFormat, name: string): Promise<Uint8Array> {
  if (format === 'csv') return toCsv(t);
  return format === 'xlsx' ? toXlsx(t, name) : toParquet(t);
}
