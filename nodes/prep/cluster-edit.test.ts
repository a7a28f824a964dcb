import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import { createWasmEngineForNode } from '../../runtime/engine/duckdb-wasm-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';

const DECL = values(
  ['id:INTEGER', 'importer', 'day', 'value:DOUBLE'],
  [
    [1, '(주)한빛무역', '2024.01.05', 100],
    [2, '㈜한빛무역', '2024.01.06', 200],
    [3, '한빛무역 주식회사', '2024.01.07', 300],
    [4, '한빛 무역', '2024.02.01', 400],
    [5, 'Hanbit Trading Co., Ltd.', '2024.02.02', 500],
    [6, 'HANBIT TRADING CO LTD', '2024.02.03', 600],
    [7, null, '2024.03.01', 700],
    [8, '바다상사', '2024.03.02', 800],
    [9, '(주)한빛무역', '2024.03.03', 900],
  ],
);

const ACCEPTED = [
  { from: '㈜한빛무역', to: '(주)한빛무역' },
  { from: '한빛무역 주식회사', to: '(주)한빛무역' },
];

let native: Engine;
let wasm: Engine;
beforeAll(async () => {
  [native, wasm] = await Promise.all([DuckDBNodeEngine.create(), createWasmEngineForNode()]);
});
afterAll(async () => {
  await native.close();
  await wasm.close();
});

async function apply(params: Record<string, unknown>, engine = native, data = DECL) {
  const p = resolve(
    doc(
      [
        { id: 'decl', type: 'test.values', params: data },
        { id: 'n', type: 'prep.cluster_edit', params },
      ],
      [['decl', 'n']],
    ),
    nodeDefinitions,
  );
  return (await runtimeFor(engine, nodeDefinitions).preview(p, 'n', { limit: 1000 })).rows;
}

describe('prep.cluster_edit', () => {
  it('replays the accepted replacements and leaves other values alone, in input order', async () => {
    const rows = await apply({ column: 'importer', method: 'company', mapping: ACCEPTED });
    expect(rows.map((r) => [r.id, r.importer])).toEqual([
      [1, '(주)한빛무역'],
      [2, '(주)한빛무역'],
      [3, '(주)한빛무역'],
      [4, '한빛 무역'], // not in the list
      [5, 'Hanbit Trading Co., Ltd.'],
      [6, 'HANBIT TRADING CO LTD'],
      [7, null],
      [8, '바다상사'],
      [9, '(주)한빛무역'],
    ]);
    expect(rows[0]).toEqual({ id: 1, importer: '(주)한빛무역', day: '2024.01.05', value: 100 });
  });

  it('applyKeys also maps new values whose key matches an accepted cluster', async () => {
    const rows = await apply({ column: 'importer', method: 'company', mapping: ACCEPTED, applyKeys: true });
    // 한빛 무역 has the company key 한빛무역, like the accepted cluster; the English names have hanbittrading
    expect(rows.map((r) => r.importer)).toEqual([
      '(주)한빛무역',
      '(주)한빛무역',
      '(주)한빛무역',
      '(주)한빛무역',
      'Hanbit Trading Co., Ltd.',
      'HANBIT TRADING CO LTD',
      null,
      '바다상사',
      '(주)한빛무역',
    ]);
  });

  it('applyKeys with the romanized key reaches the romanized spelling', async () => {
    const data = values(['importer'], [['Hanbit Muyeok'], ['HANBIT MUYEOK CO., LTD.'], ['한빛물산']]);
    const rows = await apply(
      { column: 'importer', method: 'romanized', mapping: [{ from: '㈜한빛무역', to: '한빛무역' }], applyKeys: true },
      native,
      data,
    );
    // hanbitmuyeok ≠ hanbitmulsan
    expect(rows.map((r) => r.importer)).toEqual(['한빛무역', '한빛무역', '한빛물산']);
  });

  it('quotes values that hold quotes and SQL text', async () => {
    const data = values(['importer'], [["O'Brien Co."], ['a") AS "__m"; --'], ["O'BRIEN CO LTD"]]);
    const mapping = [
      { from: "O'Brien Co.", to: "O'Brien" },
      { from: 'a") AS "__m"; --', to: '정상' },
    ];
    // company key of O'BRIEN CO LTD is obrien, like O'Brien Co. and O'Brien
    for (const applyKeys of [false, true]) {
      const rows = await apply({ column: 'importer', method: 'company', mapping, applyKeys }, native, data);
      expect(rows.map((r) => r.importer)).toEqual(["O'Brien", '정상', applyKeys ? "O'Brien" : "O'BRIEN CO LTD"]);
    }
  });

  it('applyKeys leaves a key alone when two clusters claim it with different values', async () => {
    const rows = await apply({
      column: 'importer',
      method: 'company',
      applyKeys: true,
      mapping: [
        { from: '(주)한빛무역', to: '한빛무역' },
        { from: '㈜한빛무역', to: 'HANBIT' },
      ],
    });
    // exact replacements still apply; 한빛무역 주식회사 and 한빛 무역 have the disputed key 한빛무역
    expect(rows.slice(0, 4).map((r) => r.importer)).toEqual(['한빛무역', 'HANBIT', '한빛무역 주식회사', '한빛 무역']);
  });

  it('writes into a new column, or copies the column when the list is empty', async () => {
    const rows = await apply({ column: 'importer', mapping: ACCEPTED, as: 'importer_clean' });
    expect(rows[1]).toEqual({
      id: 2,
      importer: '㈜한빛무역',
      day: '2024.01.06',
      value: 200,
      importer_clean: '(주)한빛무역',
    });
    const copy = await apply({ column: 'importer', as: 'importer_clean' });
    expect(copy[1]?.importer_clean).toBe('㈜한빛무역');
    const replaced = await apply({ column: 'importer', mapping: ACCEPTED, as: 'day' });
    expect(replaced[1]).toEqual({ id: 2, importer: '㈜한빛무역', day: '(주)한빛무역', value: 200 });
    const same = await apply({ column: 'importer' });
    expect(same).toHaveLength(9);
    expect(same[1]?.importer).toBe('㈜한빛무역');
  });

  it('accepts a mapping repeated identically, and runs on DuckDB-WASM', async () => {
    const params = { column: 'importer', method: 'chosung', mapping: [...ACCEPTED, ACCEPTED[0]], applyKeys: true };
    const onWasm = await apply(params, wasm);
    expect(onWasm).toEqual(await apply(params, native));
    // 초성 ㅎㅂㅁㅇ: every Korean spelling of 한빛무역 takes the accepted value
    expect(onWasm.slice(0, 4).map((r) => r.importer)).toEqual(Array(4).fill('(주)한빛무역'));
  });

  it('names the param at fault', async () => {
    await expect(apply({ column: 'importer_name' })).rejects.toMatchObject({
      param: 'column',
      message: expect.stringContaining('column "importer_name" is not in the input'),
    });
    await expect(apply({ column: 'value' })).rejects.toMatchObject({
      param: 'column',
      message: expect.stringContaining('is DOUBLE; cluster and edit works on text'),
    });
    await expect(
      apply({
        column: 'importer',
        mapping: [
          { from: '㈜한빛무역', to: 'A' },
          { from: '㈜한빛무역', to: 'B' },
        ],
      }),
    ).rejects.toMatchObject({ param: 'mapping.1.from', message: '"㈜한빛무역" is mapped twice: to "A" and to "B"' });
    await expect(
      apply({ column: 'importer', method: 'edit_distance', applyKeys: true, mapping: ACCEPTED }),
    ).rejects.toMatchObject({
      param: 'applyKeys',
    });
    await expect(apply({ column: 'importer', method: 'soundex' })).rejects.toThrow(/invalid_param n Invalid option/);
    await expect(apply({ column: 'importer', mapping: [{ from: 'a', to: 'b', note: 'x' }] })).rejects.toThrow(
      /unknown_param/,
    );
  });
});
