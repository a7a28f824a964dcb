import { describe, expect, it } from 'vitest';
import { sqlName, suggestionsFor } from './completion.ts';
import { errorRange } from './error-range.ts';

describe('SQL editor helpers', () => {
  it("underlines the word DuckDB points at in the officer's text (not the wrapper's line), or the whole text", () => {
    // Real DuckDB texts for the SQL node, whose wrapper puts the officer's first line on LINE 3.
    const text = 'SELECT hs_code, amout\nFROM input\nWHERE amount > 1';
    const unknown =
      'Binder Error: Referenced column "amout" not found in FROM clause!\nCandidate bindings: "amount"\n\n' +
      'LINE 3: SELECT hs_code, amout\n                        ^';
    expect(errorRange(text, unknown)).toEqual({ startLineNumber: 1, startColumn: 17, endLineNumber: 1, endColumn: 22 });
    const unfinished = 'SELECT *\nFROM src\nWHERE x >';
    expect(errorRange(unfinished, 'Parser Error: syntax error at or near ")"\n\nLINE 6: )\n        ^')).toEqual({
      startLineNumber: 3,
      startColumn: 9,
      endLineNumber: 3,
      endColumn: 10,
    });
    const text2 = 'SELECT *\nFROM src\nWHERE x >';
    expect(errorRange(text2, 'Binder Error: column "y" not found')).toEqual({
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
