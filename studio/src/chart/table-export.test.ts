import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import type { ResultTable } from '../../../runtime/schema/types.ts';
import { toCsv, toParquet, toXlsx } from './table-export.ts';

const TABLE: ResultTable = {
  columns: [
    { name: '원산지', type: 'VARCHAR' },
    { name: '금액', type: 'BIGINT' },
    { name: '중량', type: 'DOUBLE' },
    { name: '신고일', type: 'DATE' },
  ],
  rows: [
    { 원산지: 'CN', 금액: 18_000_000, 중량: 1.5, 신고일: '2024-01-05' },
    { 원산지: '한국, "서울"', 금액: null, 중량: 2, 신고일: null },
  ],
};

describe('table export', () => {
  it('writes CSV with a BOM, quoting commas and quotes', () => {
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(toCsv(TABLE));
    expect(csv).toBe('\uFEFF원산지,금액,중량,신고일\r\nCN,18000000,1.5,2024-01-05\r\n"한국, ""서울""",,2,\r\n');
  });

  it('writes an XLSX sheet with numbers as numbers', async () => {
    const book = new ExcelJS.Workbook();
    // exceljs types say Buffer; JSZip takes any Uint8Array
    await book.xlsx.load((await toXlsx(TABLE, '결과')) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('결과')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '원산지', '금액', '중량', '신고일']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'CN', 18_000_000, 1.5, '2024-01-05']);
    expect(sheet.getRow(3).getCell(1).value).toBe('한국, "서울"');
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
  });

  it('writes Parquet that hyparquet reads back', async () => {
    const bytes = await toParquet(TABLE);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await parquetReadObjects({ file })).toEqual([
      { 원산지: 'CN', 금액: 18_000_000n, 중량: 1.5, 신고일: '2024-01-05' },
      { 원산지: '한국, "서울"', 금액: null, 중량: 2, 신고일: null },
    ]);
  });
});
