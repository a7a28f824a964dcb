import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import type { NodeError } from '../../runtime/errors.ts';
import { renderMessage } from '../../runtime/messages/render.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { edgesRelationOf } from '../graph/_edges-table.ts';
import { nodeDefinitions } from '../index.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

// decl: an import declaration (declaration no., importer, HS, one null of four in hs10); calls: an arrival table
// (port_code, arrival_time); memo: a table of nothing the stages know (reference).
const DECL = values(
  ['declaration_id', 'importer_id', 'hs10', 'declared_value_krw:DOUBLE', '비고'],
  [
    ['D1', 'C1', '0101', 10, 'a'],
    ['D2', 'C1', '0102', 20, null],
    ['D3', 'C2', null, 30, null],
    ['D4', 'C3', '0101', 40, null],
  ],
);
const CALLS = values(
  ['call_id', 'port_code', 'arrival_time'],
  [
    ['P1', 'KRPUS', '2026-01-01'],
    ['P2', 'KRINC', '2026-01-02'],
  ],
);
const MEMO = values(['memo_text'], [['x']]);
// The dictionary's entry names and code lists (KCS style): 신고번호 matches no header of its own; the alias list does.
const DICT = values(
  ['항목명', '표준코드명'],
  [
    ['신고일자', ''],
    ['신고번호', ''],
    ['과세가격', 'declared_value_krw'],
  ],
);

async function run(params: Record<string, unknown>) {
  const p = resolve(
    doc(
      [
        { id: 'decl', type: 'test.values', params: DECL },
        { id: 'calls', type: 'test.values', params: CALLS },
        { id: 'memo', type: 'test.values', params: MEMO },
        { id: 'dict', type: 'test.values', params: DICT },
        { id: 'map', type: 'model.data_map', params: { codeList: '표준코드명', ...params } },
      ],
      [
        { source: 'decl', target: 'map' },
        { source: 'calls', target: 'map' },
        { source: 'memo', target: 'map' },
        { source: 'dict', target: 'map', targetPort: 'dictionary' },
      ],
    ),
    nodeDefinitions,
  );
  const runtime = runtimeFor(engine, nodeDefinitions);
  const result = await runtime.run(p, { targets: ['map'] });
  const status = result.nodes.find((s) => s.nodeId === 'map');
  if (status?.error) throw status.error;
  return { rows: (await runtime.preview(p, 'map', { limit: 200 })).rows, relation: result.relations.get('map')! };
}

describe('model.data_map', () => {
  it('catalogues each column with its stage, null share, dictionary entry and join key', async () => {
    const { rows } = await run({ output: 'catalogue', kcsAliases: false });
    const of = (d: string, c: string) => rows.find((r) => r.dataset === d && r.column_name === c)!;
    expect(of('decl', 'hs10')).toMatchObject({
      stage: '수입신고 · Import declaration',
      rows: 4,
      null_percent: 25,
      join_key: 'HS',
      field_name: null,
    });
    expect(of('decl', 'declared_value_krw')).toMatchObject({ field_name: '과세가격', code_list: 'declared_value_krw' });
    expect(of('decl', 'declaration_id')).toMatchObject({ join_key: '신고번호', field_no: null });
    expect(of('calls', 'port_code').stage).toBe('입항 · Arrival');
    expect(of('memo', 'memo_text').stage).toBe('기준정보·기타 · Reference and other');
  });

  it('applies the KCS known headers by the KCS positions only', async () => {
    const { rows } = await run({ output: 'catalogue', kcsAliases: true });
    // The known headers go by the KCS file's positions: here entry 2 is 신고번호, but KCS entry 2 is 신고세관 (Office
    // ID), so declaration_id (KCS entry 8) stays undescribed — which is why the setting is for the KCS file only.
    expect(rows.find((r) => r.column_name === 'declaration_id')!.field_no).toBeNull();
    expect(rows.find((r) => r.column_name === 'declared_value_krw')!.field_no).toBe(3);
  });

  it('gives coverage and Korean search success worked out by hand', async () => {
    const { rows } = await run({ output: 'summary', kcsAliases: false });
    // 3 datasets, 2 in a stage; 9 columns, 1 described (declared_value_krw); 1 dataset with join keys (decl);
    // found in Korean: declared_value_krw (dictionary), declaration_id, importer_id, hs10 (join keys), 비고 (Hangul) = 5.
    expect(rows.map((r) => [r.found, r.total, r.percent])).toEqual([
      [2, 3, 66.7],
      [1, 9, 11.1],
      [1, 3, 33.3],
      [5, 9, 55.6],
    ]);
  });

  it('draws stages, datasets and join keys as a network with its links beside it', async () => {
    const { rows, relation } = await run({ output: 'network' });
    expect(rows.map((r) => `${r.entity_type}:${r.entity}`).sort()).toEqual(
      [
        'dataset:calls',
        'dataset:decl',
        'dataset:memo',
        'join_key:HS',
        'join_key:신고번호',
        'join_key:통관고유부호',
        'stage:기준정보·기타 · Reference and other',
        'stage:수입신고 · Import declaration',
        'stage:입항 · Arrival',
      ].sort(),
    );
    const links = (await engine.query(`SELECT * FROM ${edgesRelationOf(relation)}`)).rows;
    expect(links.find((l) => l.via === '통관 흐름 · clearance flow')).toMatchObject({
      source: '입항 · Arrival',
      target: '수입신고 · Import declaration',
    });
  });

  it('refuses a stage set for a dataset that is not connected, in Korean', async () => {
    const err = (await run({ output: 'links', stages: { travellers: 'inspection' } }).catch((e) => e)) as NodeError;
    expect(renderMessage(err.msg!, 'ko')).toContain('travellers');
    expect(renderMessage(err.msg!, 'ko')).toContain('decl, calls, memo');
  });
});
