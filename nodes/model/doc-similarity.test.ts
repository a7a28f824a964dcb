import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBNodeEngine } from '../../runtime/engine/duckdb-node.ts';
import type { Engine } from '../../runtime/engine/engine.ts';
import { renderMessage } from '../../runtime/messages/render.ts';
import { NodeFileAccess } from '../../runtime/sources/node-file-access.ts';
import { doc, resolve, runtimeFor, values } from '../../runtime/testing/harness.ts';
import { extractIdentifiers } from '../../runtime/text/identifiers.ts';
import { nodeDefinitions } from '../index.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await DuckDBNodeEngine.create();
});
afterAll(() => engine.close());

/**
 * Two planted topics written with different endings and spacing, so words rarely repeat exactly: customs value
 * between related parties (V1–V4) and tariff classification (C1–C4). V1 and C3 cite the same business number,
 * V2 a declaration number the declarations table holds.
 */
const DOCS = [
  [
    'V1',
    '원고는 특수관계자인 해외 모회사로부터 물품을 수입하면서 거래가격을 과세가격으로 신고하였다. 수입자 사업자등록번호 123-45-67890.',
  ],
  [
    'V2',
    '특수관계자간 거래가격이 과세가격 결정에 영향을 받았다고 보아 피고는 제2방법으로 과세가격을 다시 정하였다. 신고번호 12345-24-1234567M.',
  ],
  ['V3', '세관장은 특수관계에 있는 판매자와의 거래에서 지급가격이 조정되었다며 과세가격을 경정하고 관세를 부과하였다.'],
  ['V4', '특수관계자 거래의 과세가격 결정방법, 이전가격 보고서와 사후 가격조정 금액의 가산 여부가 쟁점이다.'],
  [
    'C1',
    '이 사건 물품은 관세율표 제8471호의 자동자료처리기계로 분류되어야 한다고 원고는 주장한다. 품목분류 HS 8471.30-1000.',
  ],
  [
    'C2',
    '품목분류 결정에서 피고는 이 물품을 관세율표 제8517호 통신기기로 분류하였고, 관세율표 해석에 관한 통칙 제1호와 제6호를 적용하여 호와 소호를 정하였다.',
  ],
  [
    'C3',
    '관세율표 해석에 관한 통칙에 따라 물품의 본질적 특성으로 호를 결정해야 하는 품목분류 사건. 사업자등록번호 123-45-67890.',
  ],
  [
    'C4',
    '세번 분류 다툼: 부분품인지 완제품인지에 따라 관세율표의 다른 호에 분류되고, 품목분류 사전심사 결과가 있었다.',
  ],
];

const DECL = [
  ['12345-24-1234567M', '1234567890', '8471301000'],
  ['12345-24-7654321U', '9876543210', '8517130000'],
];

async function run(params: Record<string, unknown>, docs: unknown[][] = DOCS, withDecl = false) {
  const nodes = [
    { id: 'docs', type: 'test.values', params: values(['id', 'body'], docs) },
    { id: 'n', type: 'model.doc_similarity', params },
  ];
  const edges: { source: string; target: string; targetPort?: string }[] = [
    { source: 'docs', target: 'n', targetPort: 'docs' },
  ];
  if (withDecl) {
    nodes.splice(1, 0, { id: 'decl', type: 'test.values', params: values(['decl_no', 'biz_no', 'hs10'], DECL) });
    edges.push({ source: 'decl', target: 'n', targetPort: 'declarations' });
  }
  const p = resolve(doc(nodes, edges), nodeDefinitions);
  const runtime = runtimeFor(engine, nodeDefinitions);
  const status = (await runtime.run(p, { targets: ['n'] })).nodes.find((s) => s.nodeId === 'n');
  if (status?.error) return { error: status.error, rows: [] };
  return { error: null, rows: (await runtime.preview(p, 'n', { limit: 1000 })).rows };
}

const topic = (id: unknown) => String(id)[0];

/** Runs the node on `rows` (id, text) and cancels it once the documents are indexed (progress 0.4). */
async function cancelledAtIndexed(rows: unknown[][], params: Record<string, unknown>) {
  const p = resolve(
    doc(
      [
        { id: 'docs', type: 'test.values', params: values(['id', 'text'], rows) },
        { id: 'n', type: 'model.doc_similarity', params: { id: 'id', text: ['text'], ...params } },
      ],
      [{ source: 'docs', target: 'n', targetPort: 'docs' }],
    ),
    nodeDefinitions,
  );
  const abort = new AbortController();
  let abortedAt = 0;
  const result = await runtimeFor(engine, nodeDefinitions).run(p, {
    targets: ['n'],
    signal: abort.signal,
    onEvent: (e) => {
      if (e.type === 'node-progress' && e.nodeId === 'n' && e.fraction >= 0.4 && !abortedAt) {
        abortedAt = performance.now();
        abort.abort();
      }
    },
  });
  expect(abortedAt).toBeGreaterThan(0);
  return { state: result.nodes.find((s) => s.nodeId === 'n')?.state, afterAbort: performance.now() - abortedAt };
}

describe('model.doc_similarity', () => {
  it('finds same-topic documents first: the nearest neighbour of every document shares its planted topic (random: 3 of 7)', async () => {
    const { rows, error } = await run({ id: 'id', text: ['body'], k: 2 });
    expect(error).toBeNull();
    expect(rows).toHaveLength(16);
    const same = (rank: number) =>
      rows.filter((r) => r.rank === rank && topic(r.doc_id) === topic(r.similar_id)).map((r) => r.doc_id);
    expect(same(1)).toHaveLength(8);
    // Top 2: 12 of 16 (the second neighbour of V1 and C3 is their shared 사업자등록번호, of V2 and C2 a 결정/피고 text).
    expect(same(1).length + same(2).length).toBeGreaterThanOrEqual(12);
    // The phrases shown as the reason come from the text (particles stripped by the n-gram cut, not invented).
    const v2 = rows.find((r) => r.doc_id === 'V2' && r.rank === 1)!;
    expect(String(v2.shared_terms)).toMatch(/과세가격|특수관계/);
  });

  it('clusters the two topics apart with their keywords', async () => {
    const { rows } = await run({ id: 'id', text: ['body'], output: 'clusters', clusters: 2 });
    const byCluster = new Map<unknown, Set<string>>();
    for (const r of rows) byCluster.set(r.cluster, (byCluster.get(r.cluster) ?? new Set()).add(topic(r.doc_id)!));
    expect([...byCluster.values()].map((s) => s.size)).toEqual([1, 1]);
    const keywords = rows.map((r) => String(r.cluster_keywords)).join(' ');
    expect(keywords).toMatch(/과세가격/);
    expect(keywords).toMatch(/관세율표/);
  });

  it('extracts identifiers and links documents to each other and to declarations', async () => {
    const { rows } = await run(
      { id: 'id', text: ['body'], output: 'entities', declMatch: ['decl_no', 'biz_no', 'hs10'], declId: 'decl_no' },
      DOCS,
      true,
    );
    const biz = rows.filter((r) => r.kind === '사업자등록번호');
    expect(biz.map((r) => [r.doc_id, r.value, r.other_docs, r.declarations])).toEqual([
      ['V1', '1234567890', 1, 1],
      ['C3', '1234567890', 1, 1],
    ]);
    expect(rows.find((r) => r.kind === '신고번호')).toMatchObject({
      doc_id: 'V2',
      declaration_ids: '12345-24-1234567M',
    });
    // 제8471호 (a heading) reaches the declaration of HS 8471301000 by its first four digits.
    expect(rows.find((r) => r.doc_id === 'C1' && r.value === '8471')).toMatchObject({ declarations: 1 });
    const edges = await run({ id: 'id', text: ['body'], output: 'edges', minScore: 0.99 });
    expect(edges.rows.map((r) => [r.source, r.target, r.link, r.shared])).toEqual([
      ['V1', 'C3', '같은 식별자', '사업자등록번호 1234567890'],
    ]);
  });

  it('stops between documents when the run is cancelled', async () => {
    // 2,000 documents sharing one vocabulary: every pair is similar; after indexing, ≈ 1.3 s of neighbour search and
    // shared phrases on this machine, which a cancel must cut short
    const words = '관세 수입 신고 물품 품목 분류 세번 원산지 과세 가격 신고인 세관 처분 취소 판결 청구 이유 증거'.split(
      ' ',
    );
    const rows = Array.from({ length: 2000 }, (_, i) => [
      `d${i}`,
      Array.from({ length: 200 }, (_, j) => words[(i * 7 + j * j) % words.length]).join(' '),
    ]);
    // the documents are read and indexed by 0.4: the neighbour search follows
    const { state, afterAbort } = await cancelledAtIndexed(rows, { output: 'neighbours' });
    expect(state).toBe('cancelled');
    expect(afterAbort).toBeLessThan(1_000);
  });

  it('stops the clustering when the run is cancelled', async () => {
    // 800 documents of 100 words from 4,000 made-up words, 100 clusters: ≈ 3 s of k-means on this machine, which
    // used to run to its end after a cancel
    let seed = 5;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const syllable = () => String.fromCharCode(0xac00 + Math.floor(rand() * 2000));
    const words = Array.from({ length: 4000 }, () => syllable() + syllable() + (rand() < 0.5 ? syllable() : ''));
    const rows = Array.from({ length: 800 }, (_, i) => [
      `d${i}`,
      Array.from({ length: 100 }, () => words[Math.floor(rand() * words.length)]).join(' '),
    ]);
    // the documents are read and indexed by 0.4: the clustering follows
    const { state, afterAbort } = await cancelledAtIndexed(rows, { output: 'clusters', clusters: 100 });
    expect(state).toBe('cancelled');
    expect(afterAbort).toBeLessThan(1_000);
  });

  it('identifier patterns: masked numbers and article numbers are not identifiers', () => {
    const ids = extractIdentifiers('사업자 000-22-00000, 관세법 제1918조, 제0710.22-0000호, B/L No. MAEU123456789');
    expect(ids.map((i) => [i.kind, i.value])).toEqual([
      ['hs_code', '0710220000'],
      ['bl_no', 'MAEU123456789'],
    ]);
  });

  it('searches with a question; says empty and numbers-only text in Korean; long mixed-script text runs', async () => {
    const found = await run({ id: 'id', text: ['body'], output: 'search', query: '특수관계자 거래가격', k: 3 });
    expect(found.rows.map((r) => topic(r.doc_id))).toEqual(['V', 'V', 'V']);
    const empty = await run({ id: 'id', text: ['body'] }, [
      ['a', ''],
      ['b', null],
    ]);
    expect(renderMessage(empty.error!.msg!, 'ko')).toBe(
      '‹본문 열›의 "body" 열에 글이 없습니다. 글이 들어 있는 열을 고르세요',
    );
    const numbers = await run({ id: 'id', text: ['body'] }, [
      ['a', '123 456'],
      ['b', '7-8-9'],
    ]);
    expect(renderMessage(numbers.error!.msg!, 'ko')).toContain('숫자·기호만 있어');
    const long = 'Polyethylene 폴리에틸렌 glycol グリコール 聚乙二醇 '.repeat(4000);
    const mixed = await run({ id: 'id', text: ['body'] }, [...DOCS, ['M', long]]);
    expect(mixed.error).toBeNull();
  });

  it('reads Korean text from a CP949 file (the shipped declarations sample) and searches it', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const p = resolve(
      doc(
        [
          {
            id: 'f',
            type: 'source.file',
            params: { path: 'templates/data/declarations-cp949.csv', format: 'csv' },
          },
          {
            id: 'n',
            type: 'model.doc_similarity',
            params: { id: 'declaration_id', text: ['item_name_ko'], output: 'search', query: '냉동 새우', k: 7 },
          },
        ],
        [{ source: 'f', target: 'n', targetPort: 'docs' }],
      ),
      nodeDefinitions,
    );
    const runtime = runtimeFor(engine, nodeDefinitions, new NodeFileAccess({ baseDir: root, engine }));
    const status = (await runtime.run(p, { targets: ['n'] })).nodes.find((s) => s.nodeId === 'n');
    expect(status?.error).toBeUndefined();
    const rows = (await runtime.preview(p, 'n', { limit: 10 })).rows;
    // `iconv -f cp949 … | cut -d, -f9`: 7 of the 200 item names are 냉동 새우(기타).
    expect(rows).toHaveLength(7);
    for (const r of rows) expect(r.snippet).toBe('냉동 새우(기타)');
  });
});
