/** Global search: 초성 and partial words, every kind, and never an item the user may not open. */
import { beforeAll, expect, it } from 'vitest';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, describeDrivers } from '../test/harness.ts';
import { chosung, fold, matches } from './korean.ts';

type Hit = { kind: string; id: string; title: string };

it('folds and takes initial consonants like the SQL functions', () => {
  expect(chosung(fold('수입 신고 2024'))).toBe('ㅅㅇㅅㄱ2024');
  expect(chosung('까치')).toBe('ㄲㅊ');
  expect(matches('ㅅㅇㅅㄱ', '수입신고 분석')).toBe(true);
  expect(matches('ㅅㅇㅅㄱ', '수출신고 분석')).toBe(false);
  expect(matches('수입 신', '수입신고')).toBe(true);
});

describeDrivers('global search', (ctx) => {
  let kim: Client; // 통관
  let lee: Client; // 심사
  let admin: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const s = ctx();
    await s.user('kim', { department: '통관' });
    await s.user('lee', { department: '심사' });
    await s.user('boss', { role: 'admin' });
    [kim, lee, admin] = (await Promise.all(['kim', 'lee', 'boss'].map((u) => s.signIn(u)))) as [Client, Client, Client];
    const save = async (c: Client, name: string, visibility?: string) => {
      const res = await c.post('/api/pipelines', { doc: pipelineDoc(name) });
      const id = ((await res.json()) as { id: string }).id;
      if (visibility) await c.patch(`/api/pipelines/${id}`, { visibility });
      return id;
    };
    ids.kimPrivate = await save(kim, '수입신고 저가 분석');
    ids.kimDept = await save(kim, '수입신고 부서 공유', 'department');
    ids.kimPublic = await save(kim, '수입신고 전체 공개', 'public');
    ids.leePrivate = await save(lee, '수입신고 심사 비공개');
    ids.export = await save(lee, '수출신고 현황', 'public');
    const dash = await kim.post('/api/dashboards', { title: '수입신고 대시보드', visibility: 'private' });
    ids.dash = ((await dash.json()) as { id: string }).id;
    const req = await lee.post('/api/requests', { title: '수입신고 분석 의뢰' });
    ids.request = ((await req.json()) as { id: string }).id;
  });

  const search = async (c: Client, q: string) => {
    const res = await c.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Hit[] }).items;
  };
  const idsOf = (hits: Hit[], kind: string) =>
    hits
      .filter((h) => h.kind === kind)
      .map((h) => h.id)
      .sort();

  it('finds 수입신고 by its initial consonants and by a partial word, not 수출신고', async () => {
    const expected = [ids.kimPrivate, ids.kimDept, ids.kimPublic].sort();
    expect(idsOf(await search(kim, 'ㅅㅇㅅㄱ'), 'pipeline')).toEqual(expected);
    expect(idsOf(await search(kim, '수입신'), 'pipeline')).toEqual(expected);
    expect(idsOf(await search(kim, '수입 신고'), 'pipeline')).toEqual(expected);
    expect(idsOf(await search(kim, 'ㅅㅊㅅㄱ'), 'pipeline')).toEqual([ids.export]);
    expect(idsOf(await search(kim, 'ㅅㅇㅅㄱ'), 'dashboard')).toEqual([ids.dash]);
  });

  it('never returns another department’s or another person’s private items', async () => {
    const hits = await search(lee, 'ㅅㅇㅅㄱ');
    // lee (심사) sees kim's public pipeline and his own, not kim's private or 통관-shared ones, nor kim's dashboard
    expect(idsOf(hits, 'pipeline')).toEqual([ids.kimPublic, ids.leePrivate].sort());
    expect(idsOf(hits, 'dashboard')).toEqual([]);
    expect(idsOf(hits, 'request')).toEqual([ids.request]);
    expect(idsOf(await search(kim, 'ㅅㅇㅅㄱ'), 'request')).toEqual([]);
    expect(idsOf(await search(admin, 'ㅅㅇㅅㄱ'), 'pipeline')).toHaveLength(4);
  });

  it('treats % and _ literally and finds node types by their Korean name', async () => {
    // "%" finds nothing of the saved items (a node's description may say "k%")
    expect((await search(kim, '%')).filter((h) => h.kind !== 'node')).toEqual([]);
    const nodes = (await search(kim, 'SQL')).filter((h) => h.kind === 'node');
    expect(nodes.map((n) => n.id)).toContain('sql');
  });

  it('counts submitted searches in the popular searches', async () => {
    await kim.get(`/api/search?q=${encodeURIComponent('수입신고')}&record=true`);
    await lee.get(`/api/search?q=${encodeURIComponent('수입신고')}&record=true`);
    await lee.get(`/api/search?q=${encodeURIComponent('수입')}`); // type-ahead: not counted
    const res = await kim.get('/api/templates/searches/popular');
    const popular = (await res.json()) as { items: { term: string; count: number }[] };
    expect(popular.items).toEqual([expect.objectContaining({ term: '수입신고', count: 2 })]);
  });
});
