/**
 * Webhook SSRF (issue 13): a schedule's webhook made the server POST to loopback, link-local and internal
 * addresses (`169.254.169.254`, `localhost:5432`, `[::1]`). Replayed here:
 * - saving such a webhook is refused (422, Korean message), in every spelling of the address;
 * - a webhook stored before the check (or whose DNS changed since) is refused again when it fires;
 * - an admin's allow-list (WEBHOOK_ALLOW_HOSTS: hosts or CIDRs) lets one internal target through;
 * - the connection goes to the address that was checked (a later DNS answer cannot swap it), and a
 *   redirect is not followed.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { messageTexts } from '../../runtime/messages/render.ts';
import { postWebhook, type WebhookPayload } from '../notifications/webhook.ts';
import { checkWebhookTarget, type Resolve, WebhookTargetError } from '../notifications/webhook-target.ts';
import { drivers } from '../test/databases.ts';
import { pipelineDoc } from '../test/fixtures.ts';
import { type Client, type TestServer, testServer } from '../test/harness.ts';

type Json = Record<string, unknown>;

/** The Korean an officer reads for a refused target (undefined: it was not refused). */
async function refusedKo(check: Promise<unknown>): Promise<string | undefined> {
  try {
    await check;
    return undefined;
  } catch (e) {
    if (!(e instanceof WebhookTargetError)) throw e;
    return messageTexts(e.msg).ko;
  }
}

const INTERNAL = [
  'http://127.0.0.1:8787/api/users',
  'http://localhost:5432/',
  'http://[::1]/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://10.20.30.40/hook',
  'http://192.168.0.10/hook',
  'http://172.16.5.5/hook',
  'http://100.64.0.1/hook', // CGNAT
  'http://[::ffff:127.0.0.1]/hook', // IPv4-mapped IPv6
  'http://[::ffff:a9fe:a9fe]/hook', // 169.254.169.254, mapped, in hex
  'http://2130706433/hook', // 127.0.0.1 as one decimal number
  'http://0x7f.1/hook', // 127.0.0.1 in hex shorthand
  'http://0.0.0.0:8787/',
  'http://[fd12:3456::1]/hook', // unique-local IPv6
  'http://[fe80::1]/hook', // link-local IPv6
  'http://224.0.0.1/hook', // multicast
];

const payload: WebhookPayload = {
  kind: 'watch_rows',
  message: 'm',
  runId: 'r1',
  pipelineId: 'p1',
  scheduleId: null,
  nodeId: null,
  status: 'succeeded',
  rows: 1,
  error: null,
  at: '2026-11-24T09:00:00.000Z',
};

/** A local HTTP server that records what reaches it; `answer` decides the response. */
async function hookServer(answer: (req: IncomingMessage) => { status: number; headers?: Record<string, string> }) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    const { status, headers } = answer(req);
    res.writeHead(status, headers).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { hits, port, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('webhook targets', () => {
  it('refuses loopback, link-local, private, CGNAT, unique-local, multicast and unspecified targets in any spelling', async () => {
    for (const url of INTERNAL) {
      expect(await refusedKo(checkWebhookTarget(url, { allowHosts: [] })), url).toMatch(/에는 보낼 수 없습니다/);
    }
  });

  it('refuses a name that resolves to loopback, or to a public and an internal address at once', async () => {
    const attacker: Resolve = async (host) =>
      host === 'hooks.attacker.test'
        ? [{ address: '127.0.0.1', family: 4 }]
        : [
            { address: '93.184.216.34', family: 4 },
            { address: '::1', family: 6 },
          ];
    expect(
      await refusedKo(checkWebhookTarget('https://hooks.attacker.test/x', { allowHosts: [], resolve: attacker })),
    ).toMatch(/이 서버 자신\(루프백\)\(127\.0\.0\.1\)에는 보낼 수 없습니다/);
    expect(
      await refusedKo(checkWebhookTarget('https://two.attacker.test/x', { allowHosts: [], resolve: attacker })),
    ).toMatch(/루프백\)\(::1\)/);
  });

  it('passes a public address and names it as the one to connect to; refuses non-http schemes', async () => {
    const resolve: Resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    const ok = await checkWebhookTarget('https://hooks.example.go.kr/t', { allowHosts: [], resolve });
    expect(ok.address).toEqual({ address: '93.184.216.34', family: 4 });
    for (const url of ['ftp://93.184.216.34/x', 'gopher://127.0.0.1:25/', 'file:///etc/passwd']) {
      expect(await refusedKo(checkWebhookTarget(url, { allowHosts: [] }))).toBe(
        '웹훅 주소는 http:// 또는 https://로 시작해야 합니다',
      );
    }
  });
});

describe('a webhook when it fires', () => {
  const logged: string[] = [];
  const options = (allowHosts: string[], resolve?: Resolve) => ({
    timeoutMs: 2000,
    log: (m: string) => logged.push(m),
    allowHosts,
    ...(resolve ? { resolve } : {}),
  });

  it('is refused for an internal target unless allow-listed (by address, CIDR or name)', async () => {
    const hook = await hookServer(() => ({ status: 204 }));
    try {
      const url = `http://127.0.0.1:${hook.port}/hook`;
      expect(await postWebhook(url, payload, options([]))).toBe(false);
      expect(hook.hits).toEqual([]);
      expect(logged.at(-1)).toMatch(/loopback/);
      expect(await postWebhook(url, payload, options(['127.0.0.1']))).toBe(true);
      expect(await postWebhook(url, payload, options(['10.0.0.0/8', '127.0.0.0/8']))).toBe(true);
      expect(await postWebhook(`http://localhost:${hook.port}/hook`, payload, options(['localhost']))).toBe(true);
      expect(hook.hits).toEqual(['POST /hook', 'POST /hook', 'POST /hook']);
    } finally {
      await hook.close();
    }
  });

  it('connects to the address it checked, whatever the name resolves to later', async () => {
    const hook = await hookServer(() => ({ status: 200 }));
    try {
      // `pinned.test` exists in no DNS: only the checked answer can have reached the server.
      let answers = 0;
      const rebinding: Resolve = async () => {
        answers++;
        return [{ address: '127.0.0.1', family: 4 }];
      };
      const url = `http://pinned.test:${hook.port}/p`;
      expect(await postWebhook(url, payload, options(['127.0.0.0/8'], rebinding))).toBe(true);
      expect(answers).toBe(1);
      expect(hook.hits).toEqual(['POST /p']);
    } finally {
      await hook.close();
    }
  });

  it('does not follow a redirect', async () => {
    const inside = await hookServer(() => ({ status: 204 }));
    const outside = await hookServer(() => ({
      status: 302,
      headers: { location: `http://127.0.0.1:${inside.port}/metadata` },
    }));
    try {
      const url = `http://127.0.0.1:${outside.port}/hook`;
      expect(await postWebhook(url, payload, options([`127.0.0.1`]))).toBe(false);
      expect(outside.hits).toEqual(['POST /hook']);
      expect(inside.hits).toEqual([]);
      expect(logged.at(-1)).toMatch(/HTTP 302/);
    } finally {
      await inside.close();
      await outside.close();
    }
  });
});

describe('saving a schedule with an internal webhook [pglite]', () => {
  let server: TestServer;
  let kim: Client;
  let pipelineId: string;

  beforeAll(async () => {
    server = await testServer(drivers[0]!);
    await server.user('kim');
    kim = await server.signIn('kim');
    pipelineId = ((await (await kim.post('/api/pipelines', { doc: pipelineDoc('웹훅') })).json()) as Json).id as string;
  }, 30_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await server?.database.close();
  });

  it('is refused (422, Korean) on create and on change', async () => {
    for (const webhookUrl of INTERNAL) {
      const res = await kim.post('/api/schedules', { pipelineId, cron: '0 9 * * 1', webhookUrl });
      expect(res.status, webhookUrl).toBe(422);
      const body = (await res.json()) as Json;
      expect(body.code).toBe('webhook_refused');
      expect((body.messages as { ko: string }).ko, webhookUrl).toMatch(/에는 보낼 수 없습니다/);
    }
    const created = await kim.post('/api/schedules', { pipelineId, cron: '0 9 * * 1' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as Json;
    const patched = await kim.patch(`/api/schedules/${id}`, { webhookUrl: 'http://169.254.169.254/latest/' });
    expect(patched.status).toBe(422);
    expect(((await (await kim.get(`/api/schedules/${id}`)).json()) as Json).webhookUrl).toBeNull();
  });

  it('accepts an internal target an admin allow-listed', async () => {
    vi.stubEnv('WEBHOOK_ALLOW_HOSTS', 'hooks.customs.local, 10.20.0.0/16');
    const ok = await kim.post('/api/schedules', {
      pipelineId,
      cron: '0 9 * * 1',
      webhookUrl: 'http://10.20.30.40/hook',
    });
    expect(ok.status).toBe(201);
    const named = await kim.post('/api/schedules', {
      pipelineId,
      cron: '0 9 * * 1',
      webhookUrl: 'https://hooks.customs.local/risk',
    });
    expect(named.status).toBe(201);
    const other = await kim.post('/api/schedules', { pipelineId, cron: '0 9 * * 1', webhookUrl: 'http://10.21.0.1/' });
    expect(other.status).toBe(422);
  });
});
