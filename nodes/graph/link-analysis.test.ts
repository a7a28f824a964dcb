import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import type { ParamError } from '../../runtime/errors.ts';
import { renderMessage } from '../../runtime/messages/render.ts';
import { auc } from '../../runtime/ml/metrics.ts';
import type { Row } from '../../runtime/schema/types.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { nodeDefinitions } from '../index.ts';
import { applyNode } from '../prep/prep-test-kit.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

// I1 is the known violator. I2 shares its broker B1 and seller S1; I3 shares only S1; I4 reaches it through
// I3's broker B2 (I4 → B2 → S1 → I1); I5, B3, S3 form a component of their own.
const DECL = values(
  ['importer', 'broker', 'seller', 'flag'],
  [
    ['I1', 'B1', 'S1', '1'],
    ['I2', 'B1', 'S1', '0'],
    ['I3', 'B2', 'S1', '0'],
    ['I4', 'B2', 'S2', '0'],
    ['I5', 'B3', 'S3', '0'],
  ],
);
const LINKS = { entities: ['importer', 'broker', 'seller'] };

const byName = (rows: Row[]) => new Map(rows.map((r) => [`${r.entity_type}:${r.entity}`, r]));

/** The officer's Korean sentence of a refused setting, and the setting it points at. */
async function refusal(params: Record<string, unknown>, table = DECL): Promise<{ ko: string; param?: string }> {
  try {
    await applyNode(engine, 'graph.link_analysis', params, { table });
  } catch (e) {
    const err = e as ParamError;
    return { ko: err.msg ? renderMessage(err.msg, 'ko') : err.message, param: err.param };
  }
  throw new Error('expected the node to refuse');
}

describe('graph.link_analysis', () => {
  it('components, degrees, evidence paths and the risk order worked out by hand', async () => {
    const rows = byName(
      await applyNode(engine, 'graph.link_analysis', { ...LINKS, seedFlag: 'flag' }, { table: DECL }),
    );
    expect(rows.size).toBe(11);
    const i1 = rows.get('importer:I1')!;
    expect(i1).toMatchObject({ is_seed: true, risk: 100, path_hops: 0, component_size: 8, suspect_rank: null });
    // S1 links to I1, I2, I3 once and to B1 (rows 1 and 2) and B2: degree 5, weight 6.
    expect(rows.get('seller:S1')).toMatchObject({ degree: 5, weighted_degree: 6 });
    expect(rows.get('importer:I4')).toMatchObject({
      path_hops: 3,
      nearest_seed: 'I1',
      evidence_path: 'I4(importer) → B2(broker) → S1(seller) → I1(importer)',
    });
    expect(rows.get('importer:I2')!.path_hops).toBe(2);
    expect(rows.get('importer:I5')).toMatchObject({ component_size: 3, risk: 0, suspect_rank: null, path_hops: null });
    const risk = (k: string) => rows.get(k)!.risk as number;
    expect(risk('importer:I2')).toBeGreaterThan(risk('importer:I3'));
    expect(risk('importer:I3')).toBeGreaterThan(risk('importer:I4'));
    // The separate component is its own community; B3 bridges I5 and S3 no more than they bridge each other.
    expect(rows.get('importer:I5')!.community).toBe(rows.get('seller:S3')!.community);
    expect(rows.get('importer:I5')!.community).not.toBe(rows.get('importer:I1')!.community);
  });

  it('links travellers sharing a phone or a card, and skips a value shared by too many', async () => {
    const trav = values(
      ['traveller', 'phone', 'card', 'flight'],
      [
        ['T1', 'P1', null, 'F1'],
        ['T2', 'P1', 'K1', 'F1'],
        ['T3', null, 'K1', 'F1'],
        ['T4', 'P4', null, 'F1'],
        ['T5', null, null, 'F1'],
      ],
    );
    const params = { entities: ['traveller'], links: ['phone', 'card', 'flight'], maxShared: 4 };
    const edges = await applyNode(engine, 'graph.link_edges', params, { table: trav });
    expect(edges.map((e) => [e.source, e.target, e.weight, e.via])).toEqual([
      ['T1', 'T2', 1, 'phone'],
      ['T2', 'T3', 1, 'card'],
    ]);
    // A flight of five is a link once allowed: ten pairs, T1–T2 now linked by both.
    const wide = await applyNode(engine, 'graph.link_edges', { ...params, maxShared: 5 }, { table: trav });
    expect(wide).toHaveLength(10);
    expect(wide[0]).toMatchObject({ source: 'T1', target: 'T2', weight: 2, links: 2, via: 'flight, phone' });
    const nodes = byName(
      await applyNode(engine, 'graph.link_analysis', { ...params, seedList: 'T3' }, { table: trav }),
    );
    expect(nodes.get('traveller:T1')).toMatchObject({ evidence_path: 'T1 → T2 → T3', suspect_rank: 2 });
    expect(nodes.get('traveller:T4')).toMatchObject({ component_size: 1, path_hops: null });
  });

  it('puts planted rings at the top of the suspects, far above plain PageRank and the base rate', async () => {
    const { table, members } = plantedRings();
    const rows = await applyNode(
      engine,
      'graph.link_analysis',
      { entities: ['importer', 'broker', 'seller'], seedFlag: 'known' },
      { table },
    );
    const suspects = rows.filter((r) => r.entity_type === 'importer' && !r.is_seed);
    const truth = suspects.map((r) => (members.has(r.entity as string) ? 1 : 0));
    const precisionAt = (score: (r: Row) => number) =>
      [...suspects.keys()]
        .sort((a, b) => score(suspects[b]!) - score(suspects[a]!))
        .slice(0, members.size)
        .filter((i) => truth[i] === 1).length / members.size;
    const ppr = precisionAt((r) => r.risk as number);
    const centrality = precisionAt((r) => r.pagerank as number);
    const baseRate = members.size / suspects.length;
    expect(ppr).toBeGreaterThanOrEqual(0.75);
    expect(ppr).toBeGreaterThan(centrality + 0.4);
    expect(ppr).toBeGreaterThan(5 * baseRate);
    expect(
      auc(
        suspects.map((r) => r.risk as number),
        truth,
      ),
    ).toBeGreaterThan(0.9);
  });

  it('says in Korean which setting to fix: no link, an unknown violator, a mixed flag column, a text weight', async () => {
    const lonely = values(
      ['importer', 'seller'],
      [
        ['I1', null],
        ['I2', null],
      ],
    );
    const none = await refusal({ entities: ['importer', 'seller'] }, lonely);
    expect(none.ko).toContain('연결이 하나도 만들어지지 않습니다');
    expect(none.ko).toContain('‹개체 열›');

    const missing = await refusal({ ...LINKS, seedList: 'I1, I9' });
    expect(missing).toMatchObject({ param: 'seedList' });
    expect(missing.ko).toContain('‹알려진 위반자 목록 (선택)›의 "I9"는 연결망에 없습니다');

    const mixed = values(
      ['importer', 'seller', 'flag'],
      [
        ['I1', 'S1', '1'],
        ['I2', 'S1', '위반'],
      ],
    );
    const flag = await refusal({ entities: ['importer', 'seller'], seedFlag: 'flag' }, mixed);
    expect(flag).toMatchObject({ param: 'seedFlag' });
    expect(flag.ko).toContain(
      '‹알려진 위반 표시 열 (선택)›의 "flag" 열에 위반 여부로 읽을 수 없는 값 "위반"이 있습니다',
    );

    const weight = await refusal({ ...LINKS, weight: 'seller' });
    expect(weight.ko).toContain('‹연결 가중치 열 (선택, 숫자)›에 고른 "seller"');
    expect(weight.ko).toContain('숫자 열을 고르세요');

    const one = await refusal({ entities: ['importer'] });
    expect(one.ko).toContain('‹공유 속성 열 (선택)›');
  });
});

/**
 * 70 ordinary importers with one of 6 brokers and random sellers, and two rings: a flagged violator and 4
 * accomplices who share one of the ordinary brokers (so the broker alone gives nothing away) and 2 sellers
 * nobody else uses. A seeded generator keeps it identical run to run.
 */
function plantedRings() {
  let state = 7;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = (n: number) => Math.floor(rand() * n);
  const rows: unknown[][] = [];
  for (let i = 0; i < 70; i++) {
    const broker = `B${pick(6)}`;
    for (let k = 0; k < 4; k++) rows.push([`N${i}`, broker, `S${pick(50)}`, 0]);
  }
  const members = new Set<string>();
  for (const ring of ['A', 'B']) {
    const broker = `B${pick(6)}`;
    for (let m = 0; m < 5; m++) {
      const importer = m === 0 ? `${ring}seed` : `${ring}${m}`;
      if (m > 0) members.add(importer);
      for (let k = 0; k < 3; k++) rows.push([importer, broker, `R${ring}${k % 2}`, m === 0 ? 1 : 0]);
      // Accomplices also trade normally, as the generator's ring members do.
      rows.push([importer, broker, `S${pick(50)}`, 0]);
    }
  }
  return { table: values(['importer', 'broker', 'seller', 'known:INTEGER'], rows), members };
}

describe('graph.link_analysis in the result cache', () => {
  it('drops its edges table with its result: on an edit, on a failed run and when the cache is cleared', async () => {
    // An engine of its own: the tests above made tables of the same content keys.
    const engine = await DuckDBNodeEngine.create();
    const edgeTables = async () =>
      (await engine.query(`SELECT table_name FROM duckdb_tables() ORDER BY 1`)).rows
        .map((r) => String(r.table_name))
        .filter((t) => t.endsWith('_edges'));
    const pipeline = (seedFlag?: string, entities = LINKS.entities) =>
      resolve(
        doc(
          [
            { id: 'decl', type: 'test.values', params: DECL },
            { id: 'links', type: 'graph.link_analysis', params: { entities, ...(seedFlag ? { seedFlag } : {}) } },
          ],
          [['decl', 'links']],
        ),
        nodeDefinitions,
      );
    const runtime = runtimeFor(engine, nodeDefinitions);
    const first = await runtime.run(pipeline());
    expect(first.ok).toBe(true);
    const [firstEdges] = await edgeTables();
    expect(firstEdges).toBe(`${first.relations.get('links')!.slice(1, -1)}_edges`);
    // an edit (a seed column) gives the node a new result: the old result's edges table goes with the old result
    expect((await runtime.run(pipeline('flag'))).ok).toBe(true);
    const now = await edgeTables();
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(firstEdges);
    // a run that fails after making its edges table (one importer column links nobody) leaves none behind; the
    // node's key changed, so the previous result went too (the runtime's rule for every node)
    expect((await runtime.run(pipeline(undefined, ['importer']))).ok).toBe(false);
    expect(await edgeTables()).toEqual([]);
    expect((await runtime.run(pipeline('flag'))).ok).toBe(true);
    expect(await edgeTables()).toHaveLength(1);
    await runtime.clear();
    expect(await edgeTables()).toEqual([]);
    await engine.close();
  });
});
