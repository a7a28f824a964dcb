import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../../runtime/engine/engine.ts';
import { clusterValues, findClusters } from './find-clusters.ts';

/** Importer names as officers find them in declarations, with how many declarations carry each spelling. */
const NAMES: [string, number][] = [
  ['(주)한빛무역', 5],
  ['㈜한빛무역', 3],
  ['한빛무역 주식회사', 2],
  ['한빛 무역', 2],
  ['Hanbit Trading Co., Ltd.', 4],
  ['HANBIT TRADING CO LTD', 1],
  ['바다상사', 6],
  ['바다 상사', 1],
  ['바다상사(유)', 1],
  ['초록물산', 2],
  ['초록물샨', 1],
  ['Hanbit Muyeok', 1],
];

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
  const rows = NAMES.flatMap(([name, n]) => Array.from({ length: n }, () => name));
  await engine.createTable('decl', [{ name: 'importer', type: 'VARCHAR' }], [[...rows, null, null]]);
});
afterAll(() => engine.close());

const values = (c: { values: { value: string }[] }) => c.values.map((v) => v.value);

describe('findClusters', () => {
  it('company: Korean legal forms and spacing, and English legal forms', async () => {
    const clusters = await findClusters(engine, '"decl"', 'importer', { method: 'company' });
    expect(clusters).toEqual([
      {
        // 4 spellings, 5 + 3 + 2 + 2 = 12 rows; most frequent first, ties (2 and 2) longest first
        values: [
          { value: '(주)한빛무역', count: 5 },
          { value: '㈜한빛무역', count: 3 },
          { value: '한빛무역 주식회사', count: 2 },
          { value: '한빛 무역', count: 2 },
        ],
        suggested: '(주)한빛무역',
        size: 4,
        rows: 12,
        key: '한빛무역',
      },
      {
        values: [
          { value: '바다상사', count: 6 },
          { value: '바다상사(유)', count: 1 },
          { value: '바다 상사', count: 1 },
        ],
        suggested: '바다상사',
        size: 3,
        rows: 8,
        key: '바다상사',
      },
      {
        values: [
          { value: 'Hanbit Trading Co., Ltd.', count: 4 },
          { value: 'HANBIT TRADING CO LTD', count: 1 },
        ],
        suggested: 'Hanbit Trading Co., Ltd.',
        size: 2,
        rows: 5,
        key: 'hanbittrading',
      },
    ]);
  });

  it('fingerprint keeps the legal forms apart but meets case, punctuation and word order', async () => {
    const clusters = await findClusters(engine, '"decl"', 'importer', { method: 'fingerprint' });
    // (주)한빛무역 and ㈜한빛무역 both lose their parentheses: 주한빛무역 (8 rows); "co hanbit ltd trading" (5 rows);
    // 한빛무역 주식회사 keeps its own key "주식회사 한빛무역"
    expect(clusters.map(values)).toEqual([
      ['(주)한빛무역', '㈜한빛무역'],
      ['Hanbit Trading Co., Ltd.', 'HANBIT TRADING CO LTD'],
    ]);
  });

  it('romanized: Hangul and its romanization meet', async () => {
    const clusters = await findClusters(engine, '"decl"', 'importer', { method: 'romanized' });
    expect(clusters[0]).toMatchObject({ key: 'hanbitmuyeok', size: 5, rows: 13, suggested: '(주)한빛무역' });
    expect(values(clusters[0]!)).toContain('Hanbit Muyeok');
  });

  it('chosung joins the typo 초록물샨 with 초록물산 (and every name with the same initials)', async () => {
    const clusters = await findClusters(engine, '"decl"', 'importer', { method: 'chosung' });
    const chorok = clusters.find((c) => c.key === 'ㅊㄹㅁㅅ');
    expect(chorok && values(chorok)).toEqual(['초록물산', '초록물샨']);
  });

  it('jamo and ngram keys ignore spacing only', async () => {
    const jamo = await findClusters(engine, '"decl"', 'importer', { method: 'jamo' });
    // 주한빛무역 (8 rows), 바다상사 (7 rows), hanbittradingcoltd (5 rows); 한빛 무역 is alone as 한빛무역
    expect(jamo.map(values)).toEqual([
      ['(주)한빛무역', '㈜한빛무역'],
      ['바다상사', '바다 상사'],
      ['Hanbit Trading Co., Ltd.', 'HANBIT TRADING CO LTD'],
    ]);
    const ngram = await findClusters(engine, '"decl"', 'importer', { method: 'ngram', ngram: 2 });
    expect(ngram.map(values)).toEqual(jamo.map(values));
  });

  it('edit_distance links spellings within k jamo edits, transitively', async () => {
    const one = await findClusters(engine, '"decl"', 'importer', { method: 'edit_distance' });
    // Equal jamo keys are at distance 0 (the first three, as for the jamo key); 물산 → 물샨: ㅏ → ㅑ is one jamo edit.
    // 주한빛무역 → 한빛무역 is two (ㅈ, ㅜ), so it waits for k = 2.
    expect(one.map(values)).toEqual([
      ['(주)한빛무역', '㈜한빛무역'],
      ['바다상사', '바다 상사'],
      ['Hanbit Trading Co., Ltd.', 'HANBIT TRADING CO LTD'],
      ['초록물산', '초록물샨'],
    ]);
    // k = 2: 바다상사 → 바다상사유 adds ㅇ, ㅠ; 주한빛무역 → 한빛무역 drops ㅈ, ㅜ (and 한빛 무역 is 한빛무역)
    const two = await findClusters(engine, '"decl"', 'importer', { method: 'edit_distance', maxDistance: 2 });
    expect(two.find((c) => c.suggested === '바다상사')?.size).toBe(3);
    expect(values(two[0]!)).toEqual(['(주)한빛무역', '㈜한빛무역', '한빛 무역']);
  });

  it('breaks ties by length, then text', () => {
    const clusters = clusterValues(
      [
        { value: 'ab', count: 2 },
        { value: 'A B', count: 2 },
        { value: 'A-B', count: 2 },
      ],
      { method: 'fingerprint' },
    );
    // fingerprints: ab, a b, ab → only 'ab' and 'A-B' share a key; both count 2, 'A-B' is longer
    expect(clusters).toEqual([
      {
        values: [
          { value: 'A-B', count: 2 },
          { value: 'ab', count: 2 },
        ],
        suggested: 'A-B',
        size: 2,
        rows: 4,
        key: 'ab',
      },
    ]);
  });

  it('counts a million rows in one query', async () => {
    await engine.exec(
      `CREATE TABLE big AS SELECT CASE i % 3 WHEN 0 THEN '(주)상사' || (i % 5000) WHEN 1 THEN '㈜상사' || (i % 5000) ELSE '상사 ' || (i % 5000) END AS name FROM range(1000000) r(i)`,
    );
    const started = performance.now();
    const clusters = await findClusters(engine, '"big"', 'name', { method: 'company' });
    // 5,000 companies, each written 3 ways over 200 rows
    expect(clusters).toHaveLength(5000);
    expect(clusters.every((c) => c.size === 3 && c.rows === 200)).toBe(true);
    expect(performance.now() - started).toBeLessThan(10000);
  });
});
