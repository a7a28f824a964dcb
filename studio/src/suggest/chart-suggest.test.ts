import { describe, expect, it } from 'vitest';
import type { ColumnProfile, Profile } from '../inspect/profile.ts';
import { chartSuggestions } from './chart-suggest.ts';

const col = (c: Partial<ColumnProfile> & Pick<ColumnProfile, 'name' | 'type'>): ColumnProfile => ({
  nulls: 0,
  nullShare: 0,
  ...c,
});
const profile = (columns: ColumnProfile[]): Profile => ({ rows: 100, columns, ms: 1 });

describe('chartSuggestions', () => {
  it('offers a map, a line, bars, a scatter and a histogram for a customs table, best first', () => {
    const s = chartSuggestions(
      profile([
        col({ name: '신고번호', type: 'VARCHAR', distinct: 100, unique: true }),
        col({
          name: '원산지',
          type: 'VARCHAR',
          distinct: 3,
          top: [
            { value: 'CN', share: 0.6 },
            { value: 'US', share: 0.4 },
          ],
        }),
        col({ name: '수입자', type: 'VARCHAR', distinct: 12 }),
        col({ name: '신고일', type: 'DATE', distinct: 40 }),
        col({ name: '중량', type: 'DOUBLE', distinct: 80 }),
        col({ name: '과세금액', type: 'BIGINT', distinct: 90 }),
      ]),
      5,
    );
    expect(s.map((x) => x.id)).toEqual(['map', 'line', 'bar', 'scatter', 'histogram']);
    // the money column is the measure, with 만/억 labels; the id column is never a category
    expect(s[0]!.params).toEqual({ mark: 'map_choropleth', country: '원산지', y: '과세금액', numberFormat: 'man_eok' });
    expect(s[2]!.params).toEqual({ mark: 'bar', x: '수입자', y: '과세금액', numberFormat: 'man_eok' });
    expect(s[3]!.params).toEqual({ mark: 'scatter', x: '중량', y: '과세금액', color: '수입자' });
    expect(s.every((x) => x.type === 'chart.vega')).toBe(true);
  });

  it('falls back to counts without a number column and skips high-cardinality text', () => {
    const s = chartSuggestions(
      profile([
        col({ name: 'hs', type: 'VARCHAR', distinct: 5000 }),
        col({
          name: 'status',
          type: 'VARCHAR',
          distinct: 2,
          top: [
            { value: 'OK', share: 0.7 },
            { value: 'NG', share: 0.3 },
          ],
        }),
      ]),
    );
    // OK/NG are two-letter codes, but two values in a column not named like a country make no map
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ id: 'bar', params: { mark: 'bar', x: 'status' }, label: { ko: 'status별 건수' } });
  });
});
