import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { createWasmEngineForNode } from '../../runtime/engine/duckdb-wasm-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';

const DECL = values(
  ['id:INTEGER', 'importer', 'hs6'],
  [
    [1, '(주)한빛무역', '851712'],
    [2, '한빗무역', '851712'],
    [3, 'Hanbit Trading Co., Ltd.', '010121'],
    [4, '바다상사', '030389'],
    [5, '초록물산', '220300'],
  ],
);
const REGISTRY = values(
  ['code', 'company', 'hs6'],
  [
    ['K1', '한빛무역', '851712'],
    ['K2', 'HANBIT TRADING', '010121'],
    ['K3', '바다 상사(유)', '030389'],
    ['K4', '한빛물산', '851712'],
  ],
);

let native: Engine;
let wasm: Engine;
beforeAll(async () => {
  [native, wasm] = await Promise.all([DuckDBNodeEngine.create(), createWasmEngineForNode()]);
});
afterAll(async () => {
  await native.close();
  await wasm.close();
});

async function join(params: Record<string, unknown>, engine = native, left = DECL, right = REGISTRY) {
  const p = resolve(
    doc(
      [
        { id: 'decl', type: 'test.values', params: left },
        { id: 'registry', type: 'test.values', params: right },
        { id: 'n', type: 'prep.fuzzy_join', params },
      ],
      [
        { source: 'decl', target: 'n', targetPort: 'left' },
        { source: 'registry', target: 'n', targetPort: 'right' },
      ],
    ),
    nodeDefinitions,
  );
  return (await runtimeFor(engine, nodeDefinitions).preview(p, 'n', { limit: 1000 })).rows;
}

const pairs = (rows: Record<string, unknown>[]) => rows.map((r) => [r.id, r.code, r.match_score]);

describe('prep.fuzzy_join', () => {
  it('jaro-winkler on company names: best match per left row, blocked by first character', async () => {
    const rows = await join({ keys: [{ left: 'importer', right: 'company', normalize: 'company' }], threshold: 0.8 });
    // 1: 한빛무역 = 한빛무역 → 1 (K4 한빛물산: 2 of 4 match, jaro (½ + ½ + 1)/3 = 0.667, no boost under 0.7).
    // 2: 한빗무역 vs 한빛무역: 3 of 4 match, no transposition: jaro = (¾ + ¾ + 1)/3 = 0.8333; one shared first
    //    letter: + 1 × 0.1 × (1 − 0.8333) = 0.85. 3: hanbittrading = hanbittrading. 4: 바다상사 = 바다상사.
    // 5: 초록물산 has no right row starting with 초.
    expect(pairs(rows)).toEqual([
      [1, 'K1', 1],
      [2, 'K1', expect.closeTo(0.85, 12)],
      [3, 'K2', 1],
      [4, 'K3', 1],
    ]);
    // a score equal to the threshold is kept, whatever floating point makes of 0.8333… + 0.01666…
    const atThreshold = await join({
      keys: [{ left: 'importer', right: 'company', normalize: 'company' }],
      threshold: 0.85,
    });
    expect(pairs(atThreshold).map((p) => p[0])).toEqual([1, 2, 3, 4]);
    // clashing right names get _right, the score comes last
    expect(Object.keys(rows[0]!)).toEqual(['id', 'importer', 'hs6', 'code', 'company', 'hs6_right', 'match_score']);
    expect(rows[0]).toMatchObject({
      importer: '(주)한빛무역',
      company: '한빛무역',
      hs6: '851712',
      hs6_right: '851712',
    });
  });

  it('levenshtein similarity over characters, every pair above the threshold, left join', async () => {
    const rows = await join({
      how: 'left',
      bestOnly: false,
      blocking: 'none',
      threshold: 0.25,
      keys: [{ left: 'importer', right: 'company', method: 'levenshtein' }],
    });
    // basic normalization: 주한빛무역, 한빗무역, hanbittradingcoltd, 바다상사, 초록물산 vs 한빛무역, hanbittrading,
    // 바다상사유, 한빛물산. Similarity = 1 − edits / longer length:
    // 1–K1: 1 − 1/5 = 0.8 (drop 주) · 1–K4: 1 − 3/5 = 0.4 (drop 주, 무→물, 역→산)
    // 2–K1: 1 − 1/4 = 0.75 · 2–K4: 1 − 3/4 = 0.25 · 3–K2: 1 − 5/18 (drop coltd) · 4–K3: 1 − 1/5 = 0.8
    // 5–K4: 1 − 2/4 = 0.5 (초→한, 록→빛). Rows by left row, then score.
    expect(pairs(rows)).toEqual([
      [1, 'K1', 0.8],
      [1, 'K4', 0.4],
      [2, 'K1', 0.75],
      [2, 'K4', 0.25],
      [3, 'K2', expect.closeTo(13 / 18, 12)],
      [4, 'K3', 0.8],
      [5, 'K4', 0.5],
    ]);
  });

  it('weighted jaccard on bigrams, blocked by an exact HS6 key', async () => {
    const params = {
      threshold: 0.3,
      keys: [
        { left: 'hs6', right: 'hs6', method: 'exact' },
        { left: 'importer', right: 'company', method: 'jaccard', normalize: 'company', weight: 3 },
      ],
    };
    // Score = (1 × exact + 3 × jaccard) / 4, compared only within the same HS6.
    // 1–K1: 한빛무역 = 한빛무역 → (1 + 3)/4 = 1 · 1–K4: {한빛 빛무 무역} vs {한빛 빛물 물산}: 1 shared of 5 → (1 + 0.6)/4 = 0.4
    // 2–K1: {한빗 빗무 무역} vs {한빛 빛무 무역}: 1 of 5 → 0.4 · 2–K4: 0 of 6 → 0.25 (under 0.3)
    // 3–K2 and 4–K3: equal keys → 1. 5: no registry row with HS6 220300.
    expect(pairs(await join({ ...params, bestOnly: false }))).toEqual([
      [1, 'K1', 1],
      [1, 'K4', 0.4],
      [2, 'K1', 0.4],
      [3, 'K2', 1],
      [4, 'K3', 1],
    ]);
    expect(pairs(await join(params))).toEqual([
      [1, 'K1', 1],
      [2, 'K1', 0.4],
      [3, 'K2', 1],
      [4, 'K3', 1],
    ]);
  });

  it('agrees with DuckDB jaro_winkler_similarity on ASCII, where bytes are characters', async () => {
    const left = values(
      ['id:INTEGER', 'name'],
      [
        [1, 'MARTHA'],
        [2, 'DIXON'],
        [3, 'JELLYFISH'],
      ],
    );
    const right = values(
      ['code', 'name'],
      [
        ['R1', 'MARHTA'],
        ['R2', 'DICKSONX'],
        ['R3', 'SMELLYFISH'],
      ],
    );
    const rows = await join(
      { blocking: 'none', threshold: 0, bestOnly: false, keys: [{ left: 'name', right: 'name', normalize: 'none' }] },
      native,
      left,
      right,
    );
    const direct = await native.query(
      `SELECT l.i AS id, r.c AS code, jaro_winkler_similarity(l.n, r.n) AS s FROM (VALUES (1, 'MARTHA'), (2, 'DIXON'), (3, 'JELLYFISH')) l(i, n), (VALUES ('R1', 'MARHTA'), ('R2', 'DICKSONX'), ('R3', 'SMELLYFISH')) r(c, n) ORDER BY id, s DESC, code`,
    );
    expect(pairs(rows)).toEqual(direct.rows.map((r) => [r.id, r.code, r.s]));
    // the textbook values: MARTHA/MARHTA 0.9611, DIXON/DICKSONX 0.8133
    expect(rows.find((r) => r.id === 1 && r.code === 'R1')?.match_score).toBeCloseTo(0.9611, 4);
    expect(rows.find((r) => r.id === 2 && r.code === 'R2')?.match_score).toBeCloseTo(0.8133, 4);
  });

  it('keeps the earlier right row on a tie, and scores empty keys 0', async () => {
    const left = values(
      ['id:INTEGER', 'name'],
      [
        [1, '한빛'],
        [2, '(주)'],
      ],
    );
    const right = values(
      ['code', 'name'],
      [
        ['R1', '한빗'],
        ['R2', '한빗'],
        ['R3', '㈜'],
      ],
    );
    const rows = await join(
      { how: 'left', threshold: 0, blocking: 'none', keys: [{ left: 'name', right: 'name', normalize: 'company' }] },
      native,
      left,
      right,
    );
    // 한빛/한빗: jaro (½ + ½ + 1)/3 = 0.667, no boost; (주) and ㈜ normalize to '' and score 0 against anything
    expect(pairs(rows)).toEqual([
      [1, 'R1', expect.closeTo(2 / 3, 12)],
      [2, 'R1', 0],
    ]);
  });

  it('gives the same rows on DuckDB-WASM', async () => {
    const params = {
      how: 'left',
      blocking: 'first_char',
      threshold: 0.5,
      keys: [
        { left: 'importer', right: 'company', normalize: 'company' },
        { left: 'importer', right: 'company', method: 'levenshtein', weight: 2 },
        { left: 'importer', right: 'company', method: 'jaccard', normalize: 'none', weight: 0.5 },
      ],
    };
    const onWasm = await join(params, wasm);
    expect(onWasm).toEqual(await join(params, native));
    expect(onWasm).toHaveLength(5);
  });

  it('names the param at fault', async () => {
    await expect(join({ keys: [{ left: 'importer_name', right: 'company' }] })).rejects.toMatchObject({
      param: 'keys.0.left',
      message: expect.stringContaining('column "importer_name" is not in the input'),
    });
    await expect(join({ keys: [{ left: 'importer', right: 'name' }] })).rejects.toMatchObject({
      param: 'keys.0.right',
    });
    await expect(
      join({ keys: [{ left: 'importer', right: 'company' }], scoreColumn: 'hs6_right' }),
    ).rejects.toMatchObject({
      param: 'scoreColumn',
      message: expect.stringContaining('already has a column "hs6_right"'),
    });
    await expect(join({ keys: [] })).rejects.toThrow(/add at least one pair of key columns/);
    await expect(join({ keys: [{ left: 'importer', right: 'company', weight: 0 }] })).rejects.toThrow(/invalid_param/);
    await expect(join({ keys: [{ left: 'importer', right: 'company' }], threshold: 1.5 })).rejects.toThrow(
      /invalid_param/,
    );
  });
});
