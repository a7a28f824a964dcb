import { describe, expect, it } from 'vitest';
import type { ColumnFacts } from './facts-sql.ts';
import { rankSuggestions } from './rank.ts';

const facts = (over: Partial<ColumnFacts>): ColumnFacts => ({
  column: 'c',
  type: 'VARCHAR',
  rows: 100,
  nulls: 0,
  missing: 0,
  distinct: 50,
  spaces: 0,
  numeric: 0,
  integers: 0,
  commas: 0,
  leadingZero: 0,
  dates: 0,
  delimiters: [],
  ...over,
});

describe('rankSuggestions', () => {
  it('offers parse-as-date at 80 % and not below', () => {
    expect(rankSuggestions({ facts: facts({ dates: 80 }) })[0]).toMatchObject({
      id: 'parse-date',
      type: 'prep.parse_date',
      params: { column: 'c', mode: 'auto' },
    });
    expect(rankSuggestions({ facts: facts({ dates: 79 }) }).map((s) => s.id)).not.toContain('parse-date');
  });

  it('converts numeric text, with infer_types when thousands commas appear, and keeps codes with leading zeros', () => {
    expect(rankSuggestions({ facts: facts({ numeric: 95, integers: 95 }) })[0]).toMatchObject({
      type: 'prep.cast',
      params: { columns: { c: 'BIGINT' } },
    });
    expect(rankSuggestions({ facts: facts({ numeric: 95, integers: 90, commas: 3 }) })[0]).toMatchObject({
      type: 'prep.infer_types',
      params: { columns: { c: 'DOUBLE' } },
    });
    expect(rankSuggestions({ facts: facts({ numeric: 95, integers: 95, leadingZero: 10 }) })).toEqual([]);
  });

  it('splits by the delimiter most values contain', () => {
    const s = rankSuggestions({
      facts: facts({
        delimiters: [
          { delimiter: '/', values: 90, maxParts: 3 },
          { delimiter: '-', values: 70, maxParts: 2 },
          { delimiter: ',', values: 10, maxParts: 2 },
        ],
      }),
    });
    expect(s[0]).toMatchObject({
      id: 'split:/',
      label: { ko: '‘/’로 나누기', en: 'Split by ‘/’' },
      params: { column: 'c', by: 'delimiter', delimiter: '/', into: 'columns', count: 3 },
    });
    expect(s.map((x) => x.id)).not.toContain('split:-');
    expect(rankSuggestions({ facts: facts({ delimiters: [{ delimiter: '/', values: 50, maxParts: 2 }] }) })).toEqual(
      [],
    );
  });

  it('ranks dedupe, clusters, trim and fill by how many rows they touch', () => {
    const s = rankSuggestions(
      {
        facts: facts({ spaces: 5, nulls: 10, missing: 10 }),
        duplicateRows: 12,
        clusters: [
          {
            suggested: '(주)한빛무역',
            values: [
              { value: '(주)한빛무역', count: 30 },
              { value: '㈜한빛무역', count: 10 },
              { value: '한빛무역 주식회사', count: 5 },
            ],
          },
          { suggested: 'solo', values: [{ value: 'solo', count: 3 }] },
        ],
        clusterMethod: 'company',
      },
      10,
    );
    expect(s.map((x) => x.id)).toEqual(['cluster', 'dedupe', 'trim', 'fill']);
    expect(s[0]).toMatchObject({
      type: 'prep.cluster_edit',
      params: {
        column: 'c',
        method: 'company',
        mapping: [
          { from: '㈜한빛무역', to: '(주)한빛무역' },
          { from: '한빛무역 주식회사', to: '(주)한빛무역' },
        ],
      },
    });
    expect(s[1]).toMatchObject({
      label: { ko: '중복 12행 제거', en: 'Remove 12 duplicate rows' },
      type: 'prep.dedupe',
    });
    expect(s[2]).toMatchObject({ params: { columns: { c: ['trim', 'collapse_spaces'] } } });
    expect(s[3]).toMatchObject({ params: { columns: { c: { strategy: 'mode' } } } });
  });

  it('offers keep / exclude for picked values and caps the list', () => {
    const s = rankSuggestions({ facts: facts({ type: 'INTEGER' }), values: ['KR'] });
    expect(s.map((x) => x.id)).toEqual(['keep-values', 'drop-values']);
    expect(s[0]!.params).toEqual({ rules: [{ column: 'c', op: 'in', value: ['KR'] }], combine: 'and' });
    const many = rankSuggestions(
      { facts: facts({ spaces: 5, nulls: 3, dates: 90 }), duplicateRows: 2, values: ['x'] },
      3,
    );
    expect(many).toHaveLength(3);
  });
});
