/**
 * Alert webhooks: one JSON POST with a time limit; a failure is logged, never fatal to the run. The target
 * is checked again when it fires (its DNS may have changed since it was saved) and the connection goes
 * to the checked address; redirects are not followed (a 3xx is a failure).
 */
import http from 'node:http';
import https from 'node:https';
import { checkWebhookTarget, pinnedLookup, type TargetPolicy } from './webhook-target.ts';

export interface WebhookPayload {
  kind: string;
  message: string;
  runId: string;
  pipelineId: string;
  scheduleId: string | null;
  nodeId: string | null;
  status: string;
  rows: number | null;
  error: string | null;
  at: string;
}

/** Resolves true when the endpoint answered 2xx; false (logged) on anything else, timeouts included. */
export async function postWebhook(
  url: string,
  payload: WebhookPayload,
  options: { timeoutMs: number; log: (message: string) => void } & TargetPolicy,
): Promise<boolean> {
  // the origin only: a webhook's path or query often carries its token, which no log may hold
  const where = URL.canParse(url) ? new URL(url).origin : 'an invalid URL';
  try {
    const target = await checkWebhookTarget(url, options);
    const status = await post(target, JSON.stringify(payload), options.timeoutMs);
    if (status >= 200 && status < 300) return true;
    options.log(`webhook ${where}: HTTP ${status} for run ${payload.runId}`);
  } catch (e) {
    options.log(`webhook ${where}: ${(e as Error).message} for run ${payload.runId}`);
  }
  return false;
}

function post(target: Awaited<ReturnType<typeof checkWebhookTarget>>, body: string, timeoutMs: number) {
  const { url } = target;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'customs-analysis-studio',
        },
        ...(target.address ? { lookup: pinnedLookup(target.address) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
        agent: false, // a fresh connection: a pooled socket could lead to an address checked for another URL
      },
      (res) => {
        res.resume(); // the answer's body is not read
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
