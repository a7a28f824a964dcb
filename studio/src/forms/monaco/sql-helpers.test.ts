import { describe, expect, it } from 'vitest';
import { sqlName, suggestionsFor } from './completion.ts';
import { errorRange } from './error-range.ts';

describe('SQL editor helpers', () => {
  it('underlines the line DuckDB names, or the whole text', () => {
    const text = 'SELECT *\nFROM src\nWHERE x >';
    expect(errorRange(text, 'Parser Error: syntax error at end of input\n\nLINE 3: WHERE x >')).toEqual({
      startLineNumber: 3,
      startColumn: 1,
      endLineNumber: 3,
      endColumn: 10,
    });
    expect(errorRange(text, 'Binder Error: column "y" not found')).toEqual({
      startLineNumber: 1,
      startColumn: 1,
      endLineNumber: 3,
      endColumn: 10,
    });
  });

  it('offers input relations and their columns, quoting names that need it', () => {
    const s = suggestionsFor(
      ['declarations_1'],
      [
        { name: 'origin_country', type: 'VARCHAR' },
        { name: '신고 금액', type: 'BIGINT' },
        { name: 'origin_country', type: 'VARCHAR' },
      ],
    );
    expect(s.map((x) => [x.kind, x.insert])).toEqual([
      ['relation', 'declarations_1'],
      ['column', 'origin_country'],
      ['column', '"신고 금액"'],
    ]);
    expect(sqlName('a"b')).toBe('"a""b"');
  });
});
