/**
 * Alerts after a run: an in-app notification (and the schedule's webhook, if any) when a run fails for
 * good (no attempt left), and when the schedule's watched node has rows after a successful run (risk
 * watch-list). Who is told: the schedule's owner, else who started the run, else the pipeline's owner.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type NotificationKind, notifications, pipelines, type RunRow, schedules } from '../db/schema.ts';
import type { RunOutcome } from '../runs/queue.ts';
import { postWebhook } from './webhook.ts';

export interface AlertOptions {
  now: () => Date;
  log: (message: string) => void;
  webhookTimeoutMs: number;
  /** Internal hosts or CIDRs webhooks may reach (WEBHOOK_ALLOW_HOSTS); none by default. */
  webhookAllowHosts?: readonly string[];
}

/** Rows of a node in this run: its stored artifact, else its log line. */
export function rowsOf(outcome: RunOutcome, nodeId: string): number | null {
  const artifact = outcome.artifacts?.find((a) => a.nodeId === nodeId);
  if (artifact) return artifact.rows;
  const line = (outcome.log as { nodeId?: string; rows?: number | null }[]).find((l) => l.nodeId === nodeId);
  return line?.rows ?? null;
}

export async function alertAfterRun(
  db: Db,
  run: RunRow,
  outcome: RunOutcome,
  retry: RunRow | undefined,
  options: AlertOptions,
): Promise<number> {
  const [schedule] = run.scheduleId ? await db.select().from(schedules).where(eq(schedules.id, run.scheduleId)) : [];
  const [pipeline] = await db.select().from(pipelines).where(eq(pipelines.id, run.pipelineId));
  if (!pipeline) return 0;
  const name = schedule?.name || pipeline.name;
  const alerts: { kind: NotificationKind; nodeId: string | null; rows: number | null; message: string }[] = [];
  const failed = outcome.status === 'failed' || outcome.status === 'timed_out';
  if (failed && !retry && (schedule?.alertOnFailure ?? true)) {
    const message = `"${name}" ${outcome.status === 'timed_out' ? 'timed out' : 'failed'}: ${outcome.error ?? ''}`;
    alerts.push({ kind: 'run_failed', nodeId: outcome.errorNodeId ?? null, rows: null, message });
  }
  if (outcome.status === 'succeeded' && schedule?.watchNodeId) {
    const rows = rowsOf(outcome, schedule.watchNodeId);
    if (rows !== null && rows > 0) {
      const message = `"${name}": node "${schedule.watchNodeId}" has ${rows} row(s)`;
      alerts.push({ kind: 'watch_rows', nodeId: schedule.watchNodeId, rows, message });
    }
  }
  const userId = schedule?.ownerId ?? run.requestedBy ?? pipeline.ownerId;
  for (const a of alerts) {
    const at = options.now();
    await db.insert(notifications).values({
      userId,
      kind: a.kind,
      runId: run.id,
      pipelineId: run.pipelineId,
      scheduleId: run.scheduleId,
      nodeId: a.nodeId,
      message: a.message,
      data: { name, status: outcome.status, rows: a.rows, error: outcome.error ?? null },
      createdAt: at,
    });
    if (schedule?.webhookUrl) {
      await postWebhook(
        schedule.webhookUrl,
        {
          kind: a.kind,
          message: a.message,
          runId: run.id,
          pipelineId: run.pipelineId,
          scheduleId: run.scheduleId,
          nodeId: a.nodeId,
          status: outcome.status,
          rows: a.rows,
          error: outcome.error ?? null,
          at: at.toISOString(),
        },
        { timeoutMs: options.webhookTimeoutMs, log: options.log, allowHosts: options.webhookAllowHosts ?? [] },
      );
    }
  }
  return alerts.length;
}
