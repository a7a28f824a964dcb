import { beforeAll, expect, it } from 'vitest';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, describeDrivers } from '../test/harness.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const svg = (inner: string) => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`);

describeDrivers('templates', (server) => {
  let kim: Client; // officer, Seoul
  let lee: Client; // officer, Seoul
  let park: Client; // officer, Busan
  let rev: Client; // reviewer
  let admin: Client;
  let pipelineId: string;

  beforeAll(async () => {
    await server().user('kim', { department: 'Seoul' });
    await server().user('lee', { department: 'Seoul' });
    await server().user('park', { department: 'Busan' });
    await server().user('rev', { role: 'reviewer' });
    await server().user('boss', { role: 'admin' });
    kim = await server().signIn('kim');
    lee = await server().signIn('lee');
    park = await server().signIn('park');
    rev = await server().signIn('rev');
    admin = await server().signIn('boss');
    const res = await kim.post('/api/pipelines', { doc: pipelineDoc('단가 비교') });
    pipelineId = (await res.json()).id;
  });

  const publish = async (extra: Record<string, unknown> = {}) => {
    const res = await kim.post('/api/templates', {
      pipelineId,
      title: '수입 단가 이상 탐지',
      description: 'HS6별 단가 비교',
      tags: ['가격', 'hs'],
      category: 'import_price',
      ...extra,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return res.json();
  };

  it('publishes a pipeline version as a draft only its owner and admins see', async () => {
    const t = await publish();
    expect(t).toMatchObject({ status: 'draft', pipelineVersion: 1, category: 'import_price', excellent: false });
    expect(t.parameters).toEqual([{ name: 'min_value', type: 'number', default: 1000 }]);
    for (const other of [lee, park, rev]) {
      expect((await other.get(`/api/templates/${t.id}`)).status).toBe(404);
      expect((await other.post(`/api/templates/${t.id}/use`, {})).status).toBe(404);
      expect((await other.get(`/api/templates/${t.id}/comments`)).status).toBe(404);
      expect((await other.patch(`/api/templates/${t.id}`, { status: 'published' })).status).toBe(404);
      expect((await (await other.get('/api/templates?mine=false')).json()).items).toEqual([]);
    }
    expect((await admin.get(`/api/templates/${t.id}`)).status).toBe(200);
    const mine = await (await kim.get('/api/templates?mine=true')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([t.id]);
    const published = await kim.patch(`/api/templates/${t.id}`, { status: 'published' });
    expect((await published.json()).publishedAt).not.toBeNull();
    expect((await lee.get(`/api/templates/${t.id}`)).status).toBe(200);
    expect((await lee.patch(`/api/templates/${t.id}`, { title: 'mine now' })).status).toBe(403);
    expect((await lee.delete(`/api/templates/${t.id}`)).status).toBe(403);
  });

  it('refuses to publish a pipeline you cannot change, and bad input', async () => {
    expect((await lee.post('/api/templates', { pipelineId, title: 'stolen' })).status).toBe(404);
    expect((await kim.post('/api/templates', { pipelineId, title: 'x', category: 'astrology' })).status).toBe(400);
    expect((await kim.post('/api/templates', { pipelineId, title: 'x', version: 9 })).status).toBe(404);
    const malformed = await kim.post('/api/templates', '{"pipelineId":');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).code).toBe('malformed_json');
  });

  it('uses a template with typed parameter values, filling defaults and counting the use', async () => {
    const t = await publish({ status: 'published' });
    const bad = await lee.post(`/api/templates/${t.id}/use`, { parameters: { min_value: 'lots' } });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      code: 'invalid_parameters',
      message: expect.stringMatching(/min_value/),
      messages: { ko: '매개변수 ‹min_value›의 값이 숫자가 아닙니다: "lots"' },
    });
    expect((await lee.post(`/api/templates/${t.id}/use`, { parameters: { min_value: true } })).status).toBe(422);
    expect((await lee.post(`/api/templates/${t.id}/use`, { parameters: { nope: 1 } })).status).toBe(422);
    const used = await lee.post(`/api/templates/${t.id}/use`, { name: '내 분석', parameters: { min_value: '5000' } });
    expect(used.status).toBe(201);
    const u = await used.json();
    expect(u).toMatchObject({ name: '내 분석', parameters: { min_value: 5000 } });
    const copy = await (await lee.get(`/api/pipelines/${u.pipelineId}`)).json();
    expect(copy).toMatchObject({ owner: { username: 'lee' }, visibility: 'private', tags: ['가격', 'hs'] });
    expect(copy.doc.parameters).toEqual([{ name: 'min_value', type: 'number', default: 5000 }]);
    const plain = await (await park.post(`/api/templates/${t.id}/use`, {})).json();
    expect(plain.parameters).toEqual({ min_value: 1000 });
    expect((await park.post(`/api/templates/${t.id}/copy`, {})).status).toBe(201);
    expect((await (await kim.get(`/api/templates/${t.id}`)).json()).useCount).toBe(2);
  });

  it('opens a template as a document to edit without saving anything, counting the use', async () => {
    const t = await publish({ status: 'published' });
    const before = (await (await lee.get('/api/pipelines')).json()).items.length;
    expect((await lee.post(`/api/templates/${t.id}/open`, { parameters: { min_value: 'lots' } })).status).toBe(422);
    const opened = await lee.post(`/api/templates/${t.id}/open`, { name: '내 분석', parameters: { min_value: 7 } });
    expect(opened.status).toBe(200);
    const o = await opened.json();
    expect(o.doc).toMatchObject({ name: '내 분석', parameters: [{ name: 'min_value', type: 'number', default: 7 }] });
    expect((await (await lee.get('/api/pipelines')).json()).items.length).toBe(before);
    expect((await (await kim.get(`/api/templates/${t.id}`)).json()).useCount).toBe(1);
  });

  it('keeps one rating per user, updatable; not for the owner', async () => {
    const t = await publish({ status: 'published' });
    expect(await (await lee.put(`/api/templates/${t.id}/rating`, { stars: 4 })).json()).toEqual({
      mine: 4,
      average: 4,
      count: 1,
    });
    expect(await (await lee.put(`/api/templates/${t.id}/rating`, { stars: 2 })).json()).toEqual({
      mine: 2,
      average: 2,
      count: 1,
    });
    expect(await (await park.put(`/api/templates/${t.id}/rating`, { stars: 5 })).json()).toMatchObject({
      average: 3.5,
      count: 2,
    });
    expect((await kim.put(`/api/templates/${t.id}/rating`, { stars: 5 })).status).toBe(403);
    expect((await park.put(`/api/templates/${t.id}/rating`, { stars: 6 })).status).toBe(400);
    expect((await park.put(`/api/templates/${t.id}/rating`, { stars: 2.5 })).status).toBe(400);
    const detail = await (await lee.get(`/api/templates/${t.id}`)).json();
    expect(detail).toMatchObject({ myRating: 2, rating: { average: 3.5, count: 2 } });
  });

  it('lets authors delete their comments and admins any', async () => {
    const t = await publish({ status: 'published' });
    const a = await (await lee.post(`/api/templates/${t.id}/comments`, { body: '잘 쓰고 있습니다' })).json();
    const b = await (await park.post(`/api/templates/${t.id}/comments`, { body: '좋아요' })).json();
    expect((await park.delete(`/api/templates/${t.id}/comments/${a.id}`)).status).toBe(403);
    expect((await lee.delete(`/api/templates/${t.id}/comments/${a.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/templates/${t.id}/comments/${b.id}`)).status).toBe(204);
    expect((await lee.post(`/api/templates/${t.id}/comments`, { body: '   ' })).status).toBe(400);
    expect((await (await lee.get(`/api/templates/${t.id}/comments`)).json()).items).toEqual([]);
  });

  it('lets only reviewers and admins mark excellent cases', async () => {
    const t = await publish({ status: 'published', category: 'tax_risk' });
    expect((await lee.put(`/api/templates/${t.id}/excellent`, { excellent: true })).status).toBe(403);
    expect((await kim.put(`/api/templates/${t.id}/excellent`, { excellent: true })).status).toBe(403);
    const marked = await rev.put(`/api/templates/${t.id}/excellent`, { excellent: true });
    expect((await marked.json()).excellent).toBe(true);
    const listed = await (await park.get('/api/templates?excellent=true&category=tax_risk')).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([t.id]);
    expect((await (await admin.put(`/api/templates/${t.id}/excellent`, { excellent: false })).json()).excellent).toBe(
      false,
    );
  });

  it('takes PNG and safe SVG previews, size-limited, served inert', async () => {
    const t = await publish({ status: 'published' });
    const put = (c: Client, body: Uint8Array, type: string) =>
      c.put(`/api/templates/${t.id}/preview`, body, { 'content-type': type });
    expect((await put(lee, PNG, 'image/png')).status).toBe(403);
    expect((await put(kim, svg('<script>alert(1)</script>'), 'image/svg+xml')).status).toBe(422);
    expect((await put(kim, svg('<rect onload="x()"/>'), 'image/svg+xml')).status).toBe(422);
    expect((await put(kim, svg('<image href="http://evil/x.png"/>'), 'image/svg+xml')).status).toBe(422);
    expect((await put(kim, new TextEncoder().encode('GIF89a'), 'image/png')).status).toBe(422);
    expect((await put(kim, PNG, 'image/gif')).status).toBe(415);
    expect((await put(kim, new Uint8Array(600 * 1024).fill(1), 'image/png')).status).toBe(413);
    expect((await put(kim, svg('<rect width="10" height="10"/>'), 'image/svg+xml')).status).toBe(204);
    const got = await park.get(`/api/templates/${t.id}/preview`);
    expect(got.headers.get('content-type')).toBe('image/svg+xml');
    expect(got.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await (await park.get(`/api/templates/${t.id}`)).json()).hasPreview).toBe(true);
  });

  it('searches title, description and tags, and filters by tag', async () => {
    const found = await (await park.get(`/api/templates?q=${encodeURIComponent('단가 이상')}`)).json();
    expect(found.items.length).toBeGreaterThan(0);
    const byTag = await (await park.get('/api/templates?q=HS')).json();
    expect(byTag.total).toBe(found.total);
    expect((await (await park.get('/api/templates?tag=nothing')).json()).items).toEqual([]);
  });
});
