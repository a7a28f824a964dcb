import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { pipelineVersions } from '../db/schema.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, describeDrivers } from '../test/harness.ts';

describeDrivers('pipeline versions', (server) => {
  let kim: Client;
  let kimTab2: Client;
  let admin: Client;

  beforeAll(async () => {
    await server().user('kim', { department: 'Seoul' });
    await server().user('boss', { role: 'admin' });
    kim = await server().signIn('kim');
    kimTab2 = await server().signIn('kim');
    admin = await server().signIn('boss');
  });

  const newPipeline = async (name: string) => {
    const res = await kim.post('/api/pipelines', { doc: pipelineDoc(name), message: 'first draft' });
    return (await res.json()).id as string;
  };
  const versionsOf = async (id: string) =>
    server().database.db.select().from(pipelineVersions).where(eq(pipelineVersions.pipelineId, id));

  it('makes a version per save, with number, author, time and message', async () => {
    const id = await newPipeline('versioned');
    server().advance(60_000);
    const v2 = await kim.put(`/api/pipelines/${id}`, {
      doc: pipelineDoc('versioned', { query: 'select * from src' }),
      baseVersion: 1,
      message: 'drop the threshold',
    });
    expect(v2.status).toBe(200);
    expect((await v2.json()).latestVersion).toBe(2);
    server().advance(60_000);
    const v3 = await admin.put(`/api/pipelines/${id}`, { doc: pipelineDoc('renamed'), baseVersion: 2 });
    expect(v3.status).toBe(200);
    expect((await v3.json()).name).toBe('renamed');
    const list = await (await kim.get(`/api/pipelines/${id}/versions`)).json();
    expect(list.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(list[2]).toMatchObject({ message: 'first draft', author: { username: 'kim' }, restoredFrom: null });
    expect(list[1]).toMatchObject({ message: 'drop the threshold', author: { username: 'kim' } });
    expect(list[0]).toMatchObject({ message: '', author: { username: 'boss' } });
    expect(Date.parse(list[0].createdAt) - Date.parse(list[1].createdAt)).toBe(60_000);
    const one = await (await kim.get(`/api/pipelines/${id}/versions/2`)).json();
    expect(one.doc.nodes[1].params.query).toBe('select * from src');
    expect((await kim.get(`/api/pipelines/${id}/versions/9`)).status).toBe(404);
  });

  it('diffs two versions: params that changed, nodes and edges added and removed', async () => {
    const id = await newPipeline('diffed');
    const doc = pipelineDoc('diffed', { path: 'data/other.csv' });
    doc.nodes = doc.nodes.filter((n) => n.id !== 'out');
    doc.nodes.push({ id: 'extra', type: 'sql', params: { query: 'select 1' } });
    doc.edges = [{ source: 'src', target: 'q' }];
    expect((await kim.put(`/api/pipelines/${id}`, { doc, baseVersion: 1 })).status).toBe(200);
    const diff = await (await kim.get(`/api/pipelines/${id}/diff?from=1&to=2`)).json();
    expect(diff).toMatchObject({ from: 1, to: 2, same: false });
    expect(diff.nodes.added).toEqual([{ id: 'extra', type: 'sql' }]);
    expect(diff.nodes.removed).toEqual([{ id: 'out', type: 'output.file' }]);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'src',
        type: 'source.file',
        fields: [],
        params: [{ path: 'path', before: 'data/decl.csv', after: 'data/other.csv' }],
      },
    ]);
    expect(diff.edges.removed).toEqual([{ source: 'q', sourcePort: 'out', target: 'out', targetPort: 'in' }]);
    const latest = await (await kim.get(`/api/pipelines/${id}/diff?from=1`)).json();
    expect(latest.to).toBe(2);
    expect((await kim.get(`/api/pipelines/${id}/diff?from=1&to=7`)).status).toBe(404);
    expect((await kim.get(`/api/pipelines/${id}/diff`)).status).toBe(400);
  });

  it('restores an old version as a new one, keeping the history', async () => {
    const id = await newPipeline('restorable');
    await kim.put(`/api/pipelines/${id}`, { doc: pipelineDoc('restorable v2'), baseVersion: 1 });
    const res = await kim.post(`/api/pipelines/${id}/versions/1/restore`, { baseVersion: 2 });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ version: 3, restoredFrom: 1, message: 'restored version 1' });
    const p = await (await kim.get(`/api/pipelines/${id}`)).json();
    expect(p).toMatchObject({ latestVersion: 3, name: 'restorable' });
    const diff = await (await kim.get(`/api/pipelines/${id}/diff?from=1&to=3`)).json();
    expect(diff.same).toBe(true);
    const stale = await kim.post(`/api/pipelines/${id}/versions/2/restore`, { baseVersion: 2 });
    expect(stale.status).toBe(409);
    const noBody = await kim.post(`/api/pipelines/${id}/versions/2/restore`);
    expect(noBody.status).toBe(201);
    expect((await versionsOf(id)).length).toBe(4);
  });

  it('answers a stale save with 409, both versions, and writes nothing', async () => {
    const id = await newPipeline('contested');
    await kim.put(`/api/pipelines/${id}`, {
      doc: pipelineDoc('contested', { query: 'select 2 from src' }),
      baseVersion: 1,
    });
    const mine = pipelineDoc('contested', { query: 'select 3 from src' });
    const res = await kimTab2.put(`/api/pipelines/${id}`, { doc: mine, baseVersion: 1, message: 'tab 2' });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body).toMatchObject({ code: 'conflict', yours: { baseVersion: 1 }, latest: { version: 2 } });
    expect(body.message).toContain('version 2');
    expect(body.yours.doc.nodes[1].params.query).toBe('select 3 from src');
    expect(body.latest.doc.nodes[1].params.query).toBe('select 2 from src');
    expect((await versionsOf(id)).length).toBe(2);
  });

  it('lets exactly one of two concurrent saves from the same base win; no version is lost', async () => {
    const id = await newPipeline('race');
    for (let round = 1; round <= 5; round++) {
      const a = kim.put(`/api/pipelines/${id}`, { doc: pipelineDoc(`race a${round}`), baseVersion: round });
      const b = kimTab2.put(`/api/pipelines/${id}`, { doc: pipelineDoc(`race b${round}`), baseVersion: round });
      const statuses = (await Promise.all([a, b])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
    }
    const versions = (await versionsOf(id)).map((v) => v.version).sort((x, y) => x - y);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await (await kim.get(`/api/pipelines/${id}`)).json()).latestVersion).toBe(6);
  });

  it('keeps many concurrent saves consistent: one winner per base, versions contiguous', async () => {
    const id = await newPipeline('stampede');
    const saves = Array.from({ length: 8 }, (_, i) =>
      (i % 2 ? kim : kimTab2).put(`/api/pipelines/${id}`, { doc: pipelineDoc(`s${i}`), baseVersion: 1 }),
    );
    const statuses = (await Promise.all(saves)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    expect((await versionsOf(id)).map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('refuses an invalid document on save with 422, leaving the latest version as it was', async () => {
    const id = await newPipeline('guarded');
    const doc = pipelineDoc('guarded');
    (doc.nodes[0]!.params as Record<string, unknown>).format = 'docx';
    const res = await kim.put(`/api/pipelines/${id}`, { doc, baseVersion: 1 });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.issues[0]).toMatchObject({ code: 'invalid_param', nodeId: 'src', param: 'format' });
    expect((await versionsOf(id)).length).toBe(1);
    const missingBase = await kim.put(`/api/pipelines/${id}`, { doc: pipelineDoc('guarded') });
    expect(missingBase.status).toBe(400);
    expect((await missingBase.json()).message).toContain('baseVersion');
  });
});
