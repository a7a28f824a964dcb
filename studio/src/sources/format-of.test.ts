import { describe, expect, it } from 'vitest';
import { baseName, formatOf } from './format-of.ts';

describe('file formats', () => {
  it('maps extensions to source.file formats', () => {
    expect(formatOf('declarations.CSV')).toEqual({ format: 'csv' });
    expect(formatOf('a.tsv')).toEqual({ format: 'csv', options: { delimiter: '\\t' } });
    expect(formatOf('a.parquet')?.format).toBe('parquet');
    expect(formatOf('a.ndjson')?.format).toBe('json');
    expect(formatOf('수입.xlsx')?.format).toBe('xlsx');
    expect(formatOf('a.xls')).toBeUndefined();
    expect(formatOf('README')).toBeUndefined();
    expect(baseName('수입신고.2024.csv')).toBe('수입신고.2024');
  });
});
