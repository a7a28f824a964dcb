import type ExcelJS from 'exceljs';

/** exceljs is large: load it only when a workbook is actually read or written. */
const loadExcel = async () => (await import('exceljs')).default;

import { ParamError } from '../../runtime/errors.ts';
import { msg } from '../../runtime/messages/render.ts';
import { inferColumns, type TypedColumns, uniqueNames } from './infer-columns.ts';
import { checkXlsx, XLSX_LIMITS, XlsxLimitError, type XlsxLimits } from './xlsx-limits.ts';

/**
 * One worksheet of an XLSX workbook as typed columns: `sheet` is a name or a 1-based position (default
 * the first sheet); the first non-empty row holds the column names; empty rows are skipped. Formula
 * cells give their cached result, rich text its plain text, error cells (`#N/A`) a missing value.
 * The zip is checked against `limits` (unpacked size, packing ratio, cells, shared strings) before exceljs
 * unpacks anything: a 100 KB file must not cost gigabytes and minutes (`XlsxLimitError`).
 */
export async function readXlsx(
  bytes: Uint8Array,
  sheet: string | number | undefined,
  display: string,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<TypedColumns> {
  await checkXlsx(bytes, limits).catch((e: unknown) => {
    if (!(e instanceof XlsxLimitError)) throw e;
    throw new XlsxLimitError(e.limit, `"${display}": ${e.ko}`, `"${display}": ${e.en}`);
  });
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    // exceljs types say Buffer, but it hands the bytes straight to JSZip, which takes any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    // exceljs messages may quote the file's XML: keep the start only.
    const detail = (e instanceof Error ? e.message : String(e)).slice(0, 300);
    throw new ParamError(
      `Cannot read "${display}" as XLSX: ${detail}`,
      'path',
      msg('node.cannot_read_file', { file: display, format: 'XLSX', detail }),
    );
  }
  const worksheet = pickSheet(workbook, sheet, display);
  const rows: unknown[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellValue(cell.value);
    });
    if (values.some((v) => v !== null && v !== undefined && v !== '')) rows.push(values);
  });
  const [header = [], ...body] = rows;
  const width = Math.max(header.length, ...body.map((r) => r.length));
  const names = uniqueNames(Array.from({ length: width }, (_, i) => header[i]));
  const columns = names.map((_, c) => body.map((r) => r[c] ?? null));
  return inferColumns(names, columns);
}

function pickSheet(workbook: ExcelJS.Workbook, sheet: string | number | undefined, display: string): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const found =
    sheet === undefined ? sheets[0] : typeof sheet === 'number' ? sheets[sheet - 1] : workbook.getWorksheet(sheet);
  if (found) return found;
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  if (sheets.length === 0)
    throw new ParamError(`"${display}" has no worksheets.`, 'path', msg('node.xlsx_no_sheets', { file: display }));
  throw new ParamError(
    `Sheet ${typeof sheet === 'number' ? `number ${sheet}` : `"${sheet}"`} is not in "${display}"; it has ${names}.`,
    'options.sheet',
    msg('node.xlsx_sheet_missing', {
      file: display,
      sheet: typeof sheet === 'number' ? msg('node.xlsx_sheet_number', { n: sheet }) : `"${sheet}"`,
      sheets: names,
    }),
  );
}

/** A cell's value as a plain JS value: number, string, boolean, Date or null. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return null;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : result;
  }
  if ('text' in value) {
    const text = (value as ExcelJS.CellHyperlinkValue).text;
    return typeof text === 'string' ? text : cellValue(text as ExcelJS.CellValue);
  }
  return String(value);
}
