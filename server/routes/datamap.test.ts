/** The data map: stages guessed from columns and set by the owner, join keys, dictionary, lineage only as far as seen. */
import { beforeAll, expect, it } from 'vitest';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, describeDrivers } from '../test/harness.ts';

type Json = Record<string, unknown>;
interface Entry {
  id: string;
  stage: string;
  stageGuessed: boolean;
  rows: number;
  nullPercent: number;
  canEdit: boolean;
  joinKeys: { key: string; columns: string[] }[];
  columns: { name: string; nullPercent: number; field: number | null }[];
  lineage: {
    pipelines: { id: string; name: string }[];
    schedules: { id: string; pipelineId: string }[];
    dashboards: { id: string; title: string }[];
  };
}

// 4 rows; value is empty in one → 25 % nulls in that column, 25 / 5 = 5 % over the five columns
const CSV = `declaration_id,importer_id,hs10,value,inspected
D1,C1,0303540000,100,true
D2,C2,8542311000,,false
D3,C1,0303540000,300,true
D4,C3,8542311000,400,false
`;

describeDrivers('data map', (server) => {
  let kim: Client;
  let lee: Client;
  let datasetId: string;
  let publicPipeline: Json;
  let leePrivate: Json;
  let leeSchedule: Json;
  let kimSchedule: Json;
  let board: Json;

  const map = async (c: Client) => {
    const res = await c.get('/api/datamap');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Entry[]; dictionary: Json[] };
    return { ...body, text: JSON.stringify(body), entry: body.items.find((d) => d.id === datasetId)! };
  };

  beforeAll(async () => {
    await server().user('kim', { department: '통관' });
    await server().user('lee', { department: '심사' });
    [kim, lee] = [await server().signIn('kim'), await server().signIn('lee')];
    const up = await kim.post('/api/datasets?visibility=public', new TextEncoder().encode(CSV), {
      'x-filename': 'decl.csv',
    });
    expect(up.status, await up.clone().text()).toBe(201);
    datasetId = ((await up.json()) as Json).id as string;
    const reading = (name: string) => {
      const doc = pipelineDoc(name);
      doc.nodes[0]!.params = { datasetId, format: 'csv' } as never;
      return doc;
    };
    const create = async (c: Client, name: string, visibility: string) => {
      const res = await c.post('/api/pipelines', { doc: reading(name), visibility });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as Json;
    };
    publicPipeline = await create(kim, '통관 공개 분석', 'public');
    leePrivate = await create(lee, '심사국 비공개 분석', 'private');
    const schedule = async (c: Client, pipelineId: unknown) =>
      (await (await c.post('/api/schedules', { pipelineId, cron: '0 6 * * 1' })).json()) as Json;
    kimSchedule = await schedule(kim, publicPipeline.id);
    leeSchedule = await schedule(lee, leePrivate.id);
    const item = (pipelineId: unknown) => ({
      id: 't',
      kind: 'table',
      pipelineId,
      nodeId: 'out',
      x: 0,
      y: 0,
      w: 6,
      h: 4,
    });
    const res = await kim.post('/api/dashboards', {
      title: '통관 현황판',
      visibility: 'public',
      layout: [item(publicPipeline.id)],
    });
    expect(res.status, await res.clone().text()).toBe(201);
    board = (await res.json()) as Json;
    // lee's own board over the private pipeline: kim must not see it either
    await lee.post('/api/dashboards', { title: '심사 비공개 현황판', layout: [item(leePrivate.id)] });
  });

  it("shows a dataset's profile, join keys, dictionary fields and a stage guessed from its columns", async () => {
    const { entry, dictionary } = await map(kim);
    expect(entry).toMatchObject({
      stage: 'import_declaration',
      stageGuessed: true,
      rows: 4,
      nullPercent: 5,
      canEdit: true,
    });
    expect(entry.joinKeys).toEqual([
      { key: 'declaration_no', columns: ['declaration_id'] },
      { key: 'importer_code', columns: ['importer_id'] },
      { key: 'hs', columns: ['hs10'] },
    ]);
    expect(entry.columns.find((c) => c.name === 'value')?.nullPercent).toBe(25);
    // dictionary entry 8 is 신고번호, 9 수입자 통관고유부호, 12 HS부호 (the KCS 항목정의서)
    expect(entry.columns.map((c) => c.field)).toEqual([8, 9, 12, null, null]);
    expect(dictionary).toHaveLength(19);
    expect(dictionary[8]).toMatchObject({ no: 9, name: '수입자 통관고유부호' });
  });

  it("lineage shows only what the viewer may see: another department's private pipeline is left out", async () => {
    const forKim = await map(kim);
    expect(forKim.entry.lineage.pipelines).toEqual([{ id: publicPipeline.id, name: '통관 공개 분석' }]);
    expect(forKim.entry.lineage.schedules.map((s) => s.id)).toEqual([kimSchedule.id]);
    expect(forKim.entry.lineage.dashboards.map((d) => d.title)).toEqual(['통관 현황판']);
    // not listed, not counted, not named anywhere in the answer
    for (const secret of [leePrivate.id, '심사국 비공개 분석', leeSchedule.id, '심사 비공개 현황판']) {
      expect(forKim.text).not.toContain(secret as string);
    }
    const forLee = await map(lee);
    expect(forLee.entry.lineage.pipelines.map((p) => p.name).sort()).toEqual(['심사국 비공개 분석', '통관 공개 분석']);
    expect(forLee.entry.lineage.schedules.map((s) => s.id).sort()).toEqual([kimSchedule.id, leeSchedule.id].sort());
    expect(forLee.entry.lineage.dashboards.map((d) => d.id)).toContain(board.id);
  });

  it('the owner sets the stage (others may not); clearing it goes back to the guess', async () => {
    expect((await lee.patch(`/api/datamap/datasets/${datasetId}`, { stage: 'release' })).status).toBe(403);
    expect((await kim.patch(`/api/datamap/datasets/${datasetId}`, { stage: 'nowhere' })).status).toBe(400);
    const set = await kim.patch(`/api/datamap/datasets/${datasetId}`, { stage: 'inspection', refresh: '매일 06시' });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ stage: 'inspection', stageGuessed: false, refresh: '매일 06시' });
    expect((await map(lee)).entry).toMatchObject({ stage: 'inspection', canEdit: false });
    const cleared = (await (await kim.patch(`/api/datamap/datasets/${datasetId}`, { stage: null })).json()) as Json;
    expect(cleared).toMatchObject({ stage: 'import_declaration', stageGuessed: true, refresh: '매일 06시' });
  });
});
