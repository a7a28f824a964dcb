/**
 * Access rules a hostile officer probed (issue 13, medium findings), replayed against the API:
 * - adding a version to another officer's registered model (the owner's unpinned scoring would use it);
 * - "run now" on another officer's schedule (fires the owner's webhook and notifications), and cancelling
 *   another officer's run;
 * - 30 "run now" in a row, all queued: a per-user limit of queued + running runs answers 429.
 * Rule: model versions, a schedule's "run now" and a run's cancel belong to the owner (or who started the
 * run) and admins; seeing a shared pipeline does not give them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { trainGbdt } from '../../runtime/ml/gbdt.ts';
import { exportOnnx } from '../../runtime/ml/onnx-export.ts';
import { runs } from '../db/schema.ts';
import { drivers, postgresUrl } from '../test/databases.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, ORIGIN, type TestServer, testServer } from '../test/harness.ts';

type Json = Record<string, unknown>;
/** What the officer reads (the studio shows `messages.ko`). */
const ko = (body: Json) => (body.messages as { ko: string }).ko;

if (!postgresUrl) console.warn('access rules: PostgreSQL variant NOT run (set TEST_DATABASE_URL); PGlite runs.');

function smallModel() {
  const a = Float64Array.from({ length: 100 }, (_, i) => i);
  return exportOnnx(
    trainGbdt(
      [a],
      a.map((v) => (v > 50 ? 1 : 0)),
      { rounds: 2 },
    ),
  );
}

describe.each(drivers)('access rules on models, schedules and runs [$name]', (driver) => {
  let server: TestServer;
  let kim: Client;
  let park: Client;
  let admin: Client;
  const modelsDir = mkdtempSync(join(tmpdir(), 'cas-access-models-'));
  const onnx = smallModel();

  beforeAll(async () => {
    vi.stubEnv('RUN_QUEUE_PER_USER', '5');
    server = await testServer(driver, (c) => {
      c.uploads.modelsDir = modelsDir;
    });
    await server.user('kim', { department: 'Seoul' });
    await server.user('park', { department: 'Seoul' }); // same department: she sees kim's shared work
    await server.user('boss', { role: 'admin' });
    kim = await server.signIn('kim');
    park = await server.signIn('park');
    admin = await server.signIn('boss');
  }, 30_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    await server?.database.close();
    rmSync(modelsDir, { recursive: true, force: true });
  });

  const upload = (client: Client, name: string) => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(onnx)], 'model.onnx'));
    form.set('name', name);
    form.set('inputColumns', 'value');
    return server.app.request(`${ORIGIN}/api/models/upload`, {
      method: 'POST',
      body: form,
      headers: { origin: ORIGIN, cookie: client.cookie ?? '', 'x-csrf-token': client.csrf ?? '' },
    });
  };
  const register = (client: Client, name: string) =>
    client.post('/api/models', {
      name,
      kind: 'onnx',
      fingerprint: 'f',
      metrics: {},
      meta: { kind: 'onnx', inputColumns: ['value'] },
      onnxBase64: Buffer.from(onnx).toString('base64'),
    });

  it("refuses a new version of another officer's model (upload and register), allows its owner and admins", async () => {
    expect((await upload(kim, '저가신고-모형')).status).toBe(201);
    for (const attempt of [() => upload(park, '저가신고-모형'), () => register(park, '저가신고-모형')]) {
      const res = await attempt();
      expect(res.status).toBe(403);
      const body = (await res.json()) as Json;
      expect(body.code).toBe('forbidden');
      expect(ko(body)).toMatch(/다른 사용자\(kim\)의 모형이라 새 버전을 올릴 수 없습니다/);
    }
    const list = (await (await kim.get('/api/models')).json()) as { items: Json[] };
    expect(list.items).toEqual([expect.objectContaining({ name: '저가신고-모형', latest: 1 })]);

    expect((await register(kim, '저가신고-모형')).status).toBe(201); // the owner: version 2
    expect((await upload(admin, '저가신고-모형')).status).toBe(201); // an admin: version 3
    expect((await upload(kim, '저가신고-모형')).status).toBe(201); // still the owner's name: version 4
    expect((await upload(park, '박-모형')).status).toBe(201); // a new name is anyone's
  });

  it("refuses 'run now' on another officer's schedule and cancelling her runs; admins may", async () => {
    const pipeline = (await (
      await kim.post('/api/pipelines', { doc: pipelineDoc('부서 공유'), visibility: 'department' })
    ).json()) as Json;
    const schedule = (await (
      await kim.post('/api/schedules', { pipelineId: pipeline.id, cron: '0 9 * * 1' })
    ).json()) as Json;
    expect((await park.get(`/api/schedules/${schedule.id}`)).status).toBe(200); // she may see it

    const refused = await park.post(`/api/schedules/${schedule.id}/run`);
    expect(refused.status).toBe(403);
    expect(ko((await refused.json()) as Json)).toMatch(/예약의 소유자나 관리자만 실행할 수 있습니다/);
    const { db } = server.database;
    expect(
      await db
        .select()
        .from(runs)
        .where(eq(runs.scheduleId, schedule.id as string)),
    ).toHaveLength(0);

    const byAdmin = await admin.post(`/api/schedules/${schedule.id}/run`);
    expect(byAdmin.status).toBe(202);
    const run = (await byAdmin.json()) as Json;
    const cancel = await park.post(`/api/runs/${run.id}/cancel`);
    expect(cancel.status).toBe(403);
    expect(ko((await cancel.json()) as Json)).toMatch(/관리자만 취소할 수 있습니다/);
    expect(await (await kim.post(`/api/runs/${run.id}/cancel`)).json()).toMatchObject({ status: 'cancelled' });
  });

  it('limits queued and running runs per user: the 6th "run now" in a row is 429 with Retry-After', async () => {
    const pipeline = (await (await park.post('/api/pipelines', { doc: pipelineDoc('연속 실행') })).json()) as Json;
    const schedule = (await (
      await park.post('/api/schedules', { pipelineId: pipeline.id, cron: '0 9 * * 1' })
    ).json()) as Json;
    const answers = await Promise.all(Array.from({ length: 8 }, () => park.post(`/api/schedules/${schedule.id}/run`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    const limited = answers.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited.json()) as Json;
    expect(body.code).toBe('rate_limited');
    expect(ko(body)).toBe('대기 중이거나 실행 중인 실행이 이미 5개입니다. 하나가 끝난 뒤 다시 실행하세요');
    // Another officer is not held back by park's queue.
    const own = (await (await kim.post('/api/pipelines', { doc: pipelineDoc('김 실행') })).json()) as Json;
    const kimSchedule = (await (
      await kim.post('/api/schedules', { pipelineId: own.id, cron: '0 9 * * 1' })
    ).json()) as Json;
    expect((await kim.post(`/api/schedules/${kimSchedule.id}/run`)).status).toBe(202);
    // Once one of park's runs ends, she may queue one more.
    const queued = (await Promise.all(answers.filter((r) => r.status === 202).map((r) => r.json()))) as Json[];
    expect((await park.post(`/api/runs/${queued[0]!.id}/cancel`)).status).toBe(200);
    expect((await park.post(`/api/schedules/${schedule.id}/run`)).status).toBe(202);
    expect((await park.post(`/api/schedules/${schedule.id}/run`)).status).toBe(429);
  });
});
