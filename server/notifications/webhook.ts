/** Alert webhooks: one JSON POST with a time limit; a failure is logged, never fatal to the run. */

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
  options: { timeoutMs: number; log: (message: string) => void },
): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'customs-analysis-studio' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'manual',
    });
    await res.body?.cancel();
    if (res.ok) return true;
    options.log(`webhook ${url}: HTTP ${res.status} for run ${payload.runId}`);
  } catch (e) {
    options.log(`webhook ${url}: ${(e as Error).message} for run ${payload.runId}`);
  }
  return false;
}
