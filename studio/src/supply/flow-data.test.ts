import { describe, expect, it } from 'vitest';
import { flowsOf, mapArcs, placeName, sankeyInput } from './flow-data.ts';

// origin → departure: CN→CN 100, CN→SG 30 (20 of them FTA claims shipped from SG), 기타→기타 10;
// departure → importer: CN→A 100, SG→A 30, 기타→B 10.
// Rows come by weight across stage pairs, so a later stage pair may come first.
const FLOWS = flowsOf([
  { source_stage: 'importer', source: 'A', target_stage: 'hs', target: '85', weight: 130, row_count: 30 },
  { source_stage: 'departure', source: 'CN', target_stage: 'importer', target: 'A', weight: 100, row_count: 5 },
  { source_stage: 'origin', source: 'CN', target_stage: 'departure', target: 'CN', weight: 100, row_count: 5 },
  {
    source_stage: 'origin',
    source: 'CN',
    target_stage: 'departure',
    target: 'SG',
    weight: 30,
    row_count: 25,
    flagged_rows: 20,
  },
  { source_stage: 'origin', source: '기타', target_stage: 'departure', target: '기타', weight: 10, row_count: 1 },
  { source_stage: 'departure', source: 'SG', target_stage: 'importer', target: 'A', weight: 30, row_count: 25 },
  { source_stage: 'departure', source: '기타', target_stage: 'importer', target: 'B', weight: 10, row_count: 1 },
]);

describe('supply-chain view data', () => {
  it('Sankey nodes are per stage (CN as origin and CN as departure are two), columns in chain order', () => {
    const s = sankeyInput(FLOWS);
    expect(s.stages).toEqual(['origin', 'departure', 'importer', 'hs']);
    expect(s.nodes.map((n) => `${n.column}:${n.name}`).sort()).toEqual(
      ['0:CN', '0:기타', '1:CN', '1:SG', '1:기타', '2:A', '2:B', '3:85'].sort(),
    );
  });

  it('map arcs: third-country legs, every departure into Korea, lumped values counted as not drawn', () => {
    const { arcs, total, lumped } = mapArcs(FLOWS, '기타');
    expect(arcs).toEqual([
      { from: 'CN', to: 'KR', kind: 'korea', weight: 100, rows: 5, flaggedRows: 0 },
      { from: 'SG', to: 'KR', kind: 'korea', weight: 30, rows: 25, flaggedRows: 20 },
      { from: 'CN', to: 'SG', kind: 'via', weight: 30, rows: 25, flaggedRows: 20 },
    ]);
    expect([total, lumped]).toEqual([140, 10]);
  });

  it('names countries in the officer’s language and leaves other values alone', () => {
    expect(placeName('CN', 'origin', 'ko')).toBe('중국');
    expect(placeName('CN', 'departure', 'en')).toBe('China');
    expect(placeName('C000123', 'importer', 'ko')).toBe('C000123');
    expect(placeName('85', 'hs', 'ko')).toBe('HS 85');
  });
});
