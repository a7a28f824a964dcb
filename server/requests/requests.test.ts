/** The analysis-request workflow through the API: each step by its owner, refusals for the wrong person or step. */
import { beforeAll, expect, it } from 'vitest';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, describeDrivers } from '../test/harness.ts';

type Json = Record<string, unknown>;
type Detail = Json & { id: string; state: string; actions: string[]; history: { action: string; comment: string }[] };

describeDrivers('analysis requests', (ctx) => {
  let kim: Client; // officer, 통관 (the requester)
  let lee: Client; // reviewer, 통관
  let choi: Client; // reviewer, 심사 (another department)
  let park: Client; // officer, 통관 (the analyst)
  let han: Client; // officer, 통관 (not involved)
  let parkId: string;
  let pipelineId: string;

  beforeAll(async () => {
    const s = ctx();
    await s.user('kim', { department: '통관' });
    await s.user('lee', { role: 'reviewer', department: '통관' });
    await s.user('choi', { role: 'reviewer', department: '심사' });
    parkId = (await s.user('park', { department: '통관' })).id;
    await s.user('han', { department: '통관' });
    [kim, lee, choi, park, han] = (await Promise.all(
      ['kim', 'lee', 'choi', 'park', 'han'].map((u) => s.signIn(u)),
    )) as [Client, Client, Client, Client, Client];
    const res = await park.post('/api/pipelines', { doc: pipelineDoc('수입신고 위험 분석') });
    pipelineId = ((await res.json()) as Json).id as string;
  });

  const file = async () => {
    const res = await kim.post('/api/requests', {
      title: '수입신고 저가신고 분석',
      purpose: '저가신고 의심 업체 선별',
      content: '최근 1년 수입신고 중 단가가 낮은 업체',
      dataWanted: '수입신고 내역',
      dueDate: '2026-12-31',
      attachments: [{ kind: 'link', url: 'https://example.org/spec', label: '요청 명세' }],
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Detail;
  };
  const act = (c: Client, id: string, body: Json) => c.post(`/api/requests/${id}/actions`, body);
  const korean = async (res: Response) => ((await res.json()) as { messages: { ko: string } }).messages.ko;

  it('goes 신청 → 승인 → 업무국 협조 → 분석 진행 → 분석완료, each step by its owner, with history and notifications', async () => {
    const r = await file();
    expect(r.state).toBe('submitted');
    expect(r.actions).toEqual(['cancel']); // the requester may only cancel
    // the department's reviewer was told
    const bell = (await (await lee.get('/api/notifications')).json()) as { items: { kind: string; data: Json }[] };
    expect(bell.items.some((n) => n.kind === 'request' && n.data.requestId === r.id)).toBe(true);

    let res = await act(lee, r.id, { action: 'approve', comment: '타당함' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Detail).state).toBe('approved');
    res = await act(lee, r.id, { action: 'cooperate', department: '정보협력국' });
    expect(((await res.json()) as Detail).state).toBe('cooperation');
    res = await act(lee, r.id, { action: 'assign', analystId: parkId });
    const assigned = (await res.json()) as Detail;
    expect(assigned.state).toBe('in_analysis');
    expect((assigned.analyst as Json).id).toBe(parkId);
    // the analyst now sees it among their assignments, and may complete it
    const mine = (await (await park.get('/api/requests?scope=assigned')).json()) as { items: Detail[] };
    expect(mine.items.map((i) => i.id)).toEqual([r.id]);
    expect(mine.items[0]!.actions).toEqual(['complete']);
    res = await act(park, r.id, { action: 'complete', result: { kind: 'pipeline', id: pipelineId } });
    const done = (await res.json()) as Detail;
    expect(done.state).toBe('completed');
    expect(done.result).toEqual({ kind: 'pipeline', id: pipelineId });
    expect(done.history.map((h) => h.action)).toEqual(['submit', 'approve', 'cooperate', 'assign', 'complete']);
    expect(done.history[1]!.comment).toBe('타당함');
    const told = (await (await kim.get('/api/notifications')).json()) as { items: { data: Json }[] };
    expect(told.items.map((n) => n.data.action)).toContain('complete');
  });

  it('refuses the wrong person with 403 and a step out of order with 409, in Korean', async () => {
    const r = await file();
    // an officer cannot approve, even the requester
    let res = await act(kim, r.id, { action: 'approve' });
    expect(res.status).toBe(403);
    expect(await korean(res)).toBe('‹승인›은 검토자나 관리자만 할 수 있습니다');
    // another department's reviewer does not even see it
    res = await act(choi, r.id, { action: 'approve' });
    expect(res.status).toBe(404);
    // completing a request nobody approved
    res = await act(lee, r.id, { action: 'complete', result: { kind: 'pipeline', id: pipelineId } });
    expect(res.status).toBe(409);
    expect(await korean(res)).toBe(
      '이 의뢰는 지금 ‹신청› 단계라 ‹분석완료›를 할 수 없습니다. ‹분석완료›는 ‹분석 진행› 단계에서만 할 수 있습니다',
    );
    // a reviewer cannot cancel someone else's request
    res = await act(lee, r.id, { action: 'cancel' });
    expect(res.status).toBe(403);
    // rejecting needs a reason
    res = await act(lee, r.id, { action: 'reject' });
    expect(res.status).toBe(422);
    res = await act(lee, r.id, { action: 'reject', comment: '자료 부족' });
    expect(((await res.json()) as Detail).state).toBe('rejected');
    // nothing moves a rejected request
    res = await act(kim, r.id, { action: 'cancel' });
    expect(res.status).toBe(409);
  });

  it('lets only the assigned analyst complete, and only with a result they can see', async () => {
    const r = await file();
    await act(lee, r.id, { action: 'approve' });
    await act(lee, r.id, { action: 'assign', analystId: parkId });
    const res = await act(han, r.id, { action: 'complete', result: { kind: 'pipeline', id: pipelineId } });
    expect(res.status).toBe(404); // han is not involved: the request is not shown to him
    const byKim = await act(kim, r.id, { action: 'complete', result: { kind: 'pipeline', id: pipelineId } });
    expect(byKim.status).toBe(403);
    expect(await korean(byKim)).toBe('‹분석완료›는 지정된 분석 담당자나 관리자만 할 수 있습니다');
    const hidden = await act(park, r.id, { action: 'complete', result: { kind: 'dashboard', id: pipelineId } });
    expect(hidden.status).toBe(422);
    const cancelled = await act(kim, r.id, { action: 'cancel', comment: '다른 방법으로 해결' });
    expect(((await cancelled.json()) as Detail).state).toBe('cancelled');
  });

  it('shows a request to its requester, its department’s reviewers and its analyst only', async () => {
    const r = await file();
    expect((await kim.get(`/api/requests/${r.id}`)).status).toBe(200);
    expect((await lee.get(`/api/requests/${r.id}`)).status).toBe(200);
    expect((await han.get(`/api/requests/${r.id}`)).status).toBe(404);
    expect((await choi.get(`/api/requests/${r.id}`)).status).toBe(404);
    const review = (await (await choi.get('/api/requests?scope=review')).json()) as { items: Detail[] };
    expect(review.items).toEqual([]);
    const comment = await han.post(`/api/requests/${r.id}/comments`, { comment: '저도 궁금합니다' });
    expect(comment.status).toBe(404);
  });

  it('stores attached files under the dataset limit and hands them only to people who may see the request', async () => {
    const r = await file();
    const bytes = new TextEncoder().encode('품명,수량\n볼트,10\n');
    const name = { 'x-filename': encodeURIComponent('의뢰 명세서.csv') };
    const res = await kim.post(`/api/requests/${r.id}/files`, bytes, name);
    expect(res.status).toBe(201);
    const attached = ((await res.json()) as { attachments: Json[] }).attachments.find((a) => a.kind === 'file')!;
    expect(attached).toMatchObject({ name: '의뢰 명세서.csv', size: bytes.length });
    expect(attached.storedName).toBeUndefined(); // the name on disk stays on the server
    const url = `/api/requests/${r.id}/files/${attached.fileId}`;
    for (const c of [kim, lee]) {
      const got = await c.get(url);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-disposition')).toContain('attachment');
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    }
    // the attack: someone who may not see the request guesses or is sent the link, or slips a file in
    for (const c of [han, choi]) {
      expect((await c.get(url)).status).toBe(404);
      expect((await c.post(`/api/requests/${r.id}/files`, bytes, name)).status).toBe(404);
    }
    expect((await kim.get(`/api/requests/${r.id}/files/${r.id}`)).status).toBe(404); // not one of its files
    const limits = ctx().deps.config.uploads;
    const max = limits.datasetMaxBytes;
    limits.datasetMaxBytes = 8;
    try {
      expect((await kim.post(`/api/requests/${r.id}/files`, bytes, name)).status).toBe(413);
    } finally {
      limits.datasetMaxBytes = max;
    }
  });
});
