import type ExcelJS from 'exceljs';

/** exceljs is large: load it only when a workbook is actually read or written. */
const loadExcel = async () => (await import('exceljs')).default;

import type { Engine } from '../../runtime/engine/engine.ts';
import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import type { Column, Value } from '../../runtime/schema/types.ts';

/** An Excel sheet has 1,048,576 rows; the header takes one. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;

/**
 * All rows of `input` as one XLSX sheet named `data`: a header row of column names, then values with
 * their types kept: numbers as numbers, text as text (codes keep leading zeros), booleans, DATE and
 * TIMESTAMP as Excel dates (`yyyy-mm-dd`, `yyyy-mm-dd hh:mm:ss`, in UTC); integers beyond 2^53 as text,
 * lists and structs as JSON text.
 */
export async function xlsxBytes(
  engine: Engine,
  input: string,
  signal?: AbortSignal,
): Promise<{ bytes: Uint8Array; rows: number }> {
  const options = signal ? { signal } : {};
  const count = Number((await engine.query(`SELECT count(*) AS n FROM ${input}`, options)).rows[0]?.n ?? 0);
  if (count > XLSX_MAX_DATA_ROWS) {
    throw new ParamError(
      `${count.toLocaleString('en-US')} rows do not fit in an Excel sheet (at most ${XLSX_MAX_DATA_ROWS.toLocaleString('en-US')} below the header). Write csv or parquet instead, or filter or aggregate first.`,
      'format',
      msg('node.xlsx_too_many_rows', {
        count: count.toLocaleString('en-US'),
        max: XLSX_MAX_DATA_ROWS.toLocaleString('en-US'),
      }),
    );
  }
  const result = await engine.query(`SELECT * FROM ${input}`, options);
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet('data');
  sheet.addRow(result.columns.map((c) => c.name));
  sheet.getRow(1).font = { bold: true };
  const kinds = result.columns.map(kindOf);
  for (const row of result.rows) {
    sheet.addRow(result.columns.map((c, i) => cell(row[c.name] ?? null, kinds[i]!)));
  }
  kinds.forEach((kind, i) => {
    if (kind === 'other') return;
    const fmt = kind === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
    sheet.getColumn(i + 1).eachCell((c, rowNumber) => {
      if (rowNumber > 1) c.numFmt = fmt;
    });
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), rows: result.rows.length };
}

type Kind = 'date' | 'timestamp' | 'other';

function kindOf(column: Column): Kind {
  const t = column.type.toUpperCase();
  if (t === 'DATE') return 'date';
  if (t === 'TIMESTAMP' || t === 'TIMESTAMP_S' || t === 'TIMESTAMP_MS' || t === 'TIMESTAMP_NS') return 'timestamp';
  return 'other';
}

function cell(value: Value, kind: Kind): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind !== 'other' && typeof value === 'string') return toDate(value) ?? value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** `2024-01-05` or `2024-01-05 10:20:30[.123456]` (DuckDB's text) as a UTC Date; undefined if not that shape. */
function toDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?)?$/.exec(text);
  if (!m) return undefined;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms));
}
