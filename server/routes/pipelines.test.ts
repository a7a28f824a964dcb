import { count } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { pipelines, pipelineVersions } from '../db/schema.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, describeDrivers } from '../test/harness.ts';

describeDrivers('pipelines', (server) => {
  let kim: Client; // Seoul
  let lee: Client; // Seoul
  let park: Client; // Busan
  let admin: Client;

  beforeAll(async () => {
    await server().user('kim', { department: 'Seoul' });
    await server().user('lee', { department: 'Seoul' });
    await server().user('park', { department: 'Busan' });
    await server().user('boss', { role: 'admin' });
    kim = await server().signIn('kim');
    lee = await server().signIn('lee');
    park = await server().signIn('park');
    admin = await server().signIn('boss');
  });

  const rows = async () => {
    const db = server().database.db;
    const [p] = await db.select({ n: count() }).from(pipelines);
    const [v] = await db.select({ n: count() }).from(pipelineVersions);
    return { pipelines: p!.n, versions: v!.n };
  };

  const create = async (client: Client, name: string, extra: Record<string, unknown> = {}) => {
    server().advance(1000); // distinct times: listings are newest first
    const res = await client.post('/api/pipelines', { doc: pipelineDoc(name), ...extra });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: string; latestVersion: number };
  };

  it('creates a pipeline as version 1 and reads it back', async () => {
    const res = await kim.post('/api/pipelines', { doc: pipelineDoc('수입 단가'), tags: ['hs', 'hs', '가격'] });
    expect(res.status).toBe(201);
    const p = await res.json();
    expect(p).toMatchObject({
      name: '수입 단가',
      tags: ['hs', '가격'],
      visibility: 'private',
      department: 'Seoul',
      latestVersion: 1,
      owner: { username: 'kim' },
      canEdit: true,
      deletedAt: null,
    });
    expect(p.doc.nodes.map((n: { id: string }) => n.id)).toEqual(['src', 'q', 'out']);
    const read = await kim.get(`/api/pipelines/${p.id}`);
    expect(await read.json()).toEqual(p);
  });

  it('keeps a private pipeline from everyone but its owner and admins', async () => {
    const { id } = await create(kim, 'secret');
    for (const other of [lee, park]) {
      expect((await other.get(`/api/pipelines/${id}`)).status).toBe(404);
      expect((await other.get(`/api/pipelines/${id}/versions`)).status).toBe(404);
      expect((await other.get(`/api/pipelines/${id}/versions/1`)).status).toBe(404);
      expect((await other.get(`/api/pipelines/${id}/diff?from=1`)).status).toBe(404);
      expect((await other.put(`/api/pipelines/${id}`, { doc: pipelineDoc('hijack'), baseVersion: 1 })).status).toBe(
        404,
      );
      expect((await other.patch(`/api/pipelines/${id}`, { visibility: 'public' })).status).toBe(404);
      expect((await other.post(`/api/pipelines/${id}/versions/1/restore`, {})).status).toBe(404);
      expect((await other.delete(`/api/pipelines/${id}`)).status).toBe(404);
      expect((await other.post(`/api/pipelines/${id}/restore`)).status).toBe(404);
      const listed = await (await other.get('/api/pipelines?q=secret')).json();
      expect(listed.items).toEqual([]);
    }
    const asAdmin = await admin.get(`/api/pipelines/${id}`);
    expect(asAdmin.status).toBe(200);
    expect((await asAdmin.json()).canEdit).toBe(true);
    expect((await server().anonymous().get(`/api/pipelines/${id}`)).status).toBe(401);
    const after = await kim.get(`/api/pipelines/${id}`);
    expect((await after.json()).latestVersion).toBe(1);
  });

  it('shares with the owner’s department, read-only', async () => {
    const { id } = await create(kim, 'seoul only', { visibility: 'department' });
    const seen = await lee.get(`/api/pipelines/${id}`);
    expect(seen.status).toBe(200);
    expect((await seen.json()).canEdit).toBe(false);
    expect((await park.get(`/api/pipelines/${id}`)).status).toBe(404);
    const save = await lee.put(`/api/pipelines/${id}`, { doc: pipelineDoc('mine now'), baseVersion: 1 });
    expect(save.status).toBe(403);
    expect((await lee.patch(`/api/pipelines/${id}`, { visibility: 'public' })).status).toBe(403);
    expect((await lee.delete(`/api/pipelines/${id}`)).status).toBe(403);
    expect((await lee.post(`/api/pipelines/${id}/versions/1/restore`, {})).status).toBe(403);
  });

  it('shares with everyone when public, and the owner can take it back', async () => {
    const { id } = await create(park, 'busan public', { visibility: 'public' });
    expect((await kim.get(`/api/pipelines/${id}`)).status).toBe(200);
    const patched = await park.patch(`/api/pipelines/${id}`, { visibility: 'private', tags: ['x'] });
    expect(await patched.json()).toMatchObject({ visibility: 'private', tags: ['x'] });
    expect((await kim.get(`/api/pipelines/${id}`)).status).toBe(404);
  });

  it('refuses department sharing for an owner without a department', async () => {
    const res = await admin.post('/api/pipelines', { doc: pipelineDoc('no dept'), visibility: 'department' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'no_department' });
  });

  it('lists with search, tag and owner filters and pagination', async () => {
    for (let i = 0; i < 5; i++) await create(lee, `paged ${i}`, { tags: ['paging'], visibility: 'public' });
    await create(lee, '100% match_test', { visibility: 'public' });
    const page = await (await kim.get('/api/pipelines?tag=paging&limit=2&offset=2')).json();
    expect(page.total).toBe(5);
    expect(page.items.map((p: { name: string }) => p.name)).toEqual(['paged 2', 'paged 1']);
    expect(page.items[0]).not.toHaveProperty('doc');
    const search = await (await kim.get(`/api/pipelines?q=${encodeURIComponent('100%')}`)).json();
    expect(search.items.map((p: { name: string }) => p.name)).toEqual(['100% match_test']);
    const wildcard = await (await kim.get('/api/pipelines?q=%25')).json();
    expect(wildcard.items.map((p: { name: string }) => p.name)).toEqual(['100% match_test']);
    const byDescription = await (await kim.get('/api/pipelines?q=FILTERED%20BY')).json();
    expect(byDescription.total).toBeGreaterThan(5);
    const mine = await (await kim.get('/api/pipelines?owner=me')).json();
    expect(mine.items.every((p: { owner: { username: string } }) => p.owner.username === 'kim')).toBe(true);
    const leeId = page.items[0].owner.id;
    const theirs = await (await park.get(`/api/pipelines?owner=${leeId}`)).json();
    expect(theirs.items.every((p: { visibility: string }) => p.visibility === 'public')).toBe(true);
    expect((await kim.get('/api/pipelines?limit=1000')).status).toBe(400);
    expect((await kim.get('/api/pipelines?owner=nobody')).status).toBe(400);
  });

  it('soft-deletes into the trash and restores', async () => {
    const { id } = await create(kim, 'to the trash', { visibility: 'public' });
    expect((await kim.delete(`/api/pipelines/${id}`)).status).toBe(204);
    expect((await lee.get(`/api/pipelines/${id}`)).status).toBe(404);
    const list = await (await kim.get('/api/pipelines?q=trash')).json();
    expect(list.total).toBe(0);
    const trash = await (await kim.get('/api/pipelines?deleted=true')).json();
    expect(trash.items.map((p: { id: string }) => p.id)).toContain(id);
    const othersTrash = await (await lee.get('/api/pipelines?deleted=true')).json();
    expect(othersTrash.items.map((p: { id: string }) => p.id)).not.toContain(id);
    const save = await kim.put(`/api/pipelines/${id}`, { doc: pipelineDoc('x'), baseVersion: 1 });
    expect(save.status).toBe(422);
    expect(await save.json()).toMatchObject({ code: 'pipeline_deleted' });
    const restored = await kim.post(`/api/pipelines/${id}/restore`);
    expect(restored.status).toBe(200);
    expect((await restored.json()).deletedAt).toBeNull();
    expect((await lee.get(`/api/pipelines/${id}`)).status).toBe(200);
  });

  it('refuses an invalid pipeline document with 422 and its issues, writing nothing', async () => {
    const before = await rows();
    const doc = pipelineDoc('broken');
    doc.nodes.push({ id: 'bad', type: 'no.such.node', params: { path: 'x', format: 'csv' } });
    doc.edges.push({ source: 'q', target: 'ghost' });
    const res = await kim.post('/api/pipelines', { doc });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('invalid_pipeline');
    expect(body.message).toContain('unknown node type "no.such.node"');
    expect(body.issues.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(['unknown_type', 'unknown_node']),
    );
    const notADoc = await kim.post('/api/pipelines', { doc: { hello: 'world' } });
    expect(notADoc.status).toBe(422);
    expect((await notADoc.json()).message).toContain('format');
    expect(await rows()).toEqual(before);
  });

  it('answers malformed JSON, wrong content types, unknown fields and oversized bodies with 4xx JSON', async () => {
    const before = await rows();
    const malformed = await kim.post('/api/pipelines', '{"doc": {', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'malformed_json', message: expect.any(String) });
    const notJson = await kim.post('/api/pipelines', 'doc=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([403, 415]).toContain(notJson.status);
    const extra = await kim.post('/api/pipelines', { doc: pipelineDoc('x'), owner: 'someone-else' });
    expect(extra.status).toBe(400);
    expect(await extra.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('owner') });
    const badId = await kim.get('/api/pipelines/not-a-uuid');
    expect(badId.status).toBe(400);
    const huge = pipelineDoc('huge');
    huge.description = 'x'.repeat(server().deps.config.bodyLimit + 1);
    const tooBig = await kim.post('/api/pipelines', { doc: huge });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ code: 'payload_too_large' });
    expect(await rows()).toEqual(before);
  });
});
