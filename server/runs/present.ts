import type { RunArtifactRow, RunRow } from '../db/schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toRunJson = (r: RunRow) => ({
  id: r.id,
  pipelineId: r.pipelineId,
  scheduleId: r.scheduleId,
  version: r.version,
  params: r.params as Record<string, unknown>,
  status: r.status,
  attempt: r.attempt,
  maxAttempts: r.maxAttempts,
  trigger: r.trigger,
  runAfter: r.runAfter.toISOString(),
  scheduledFor: iso(r.scheduledFor),
  startedAt: iso(r.startedAt),
  finishedAt: iso(r.finishedAt),
  durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
  log: r.log as unknown[],
  error: r.error,
  errorNodeId: r.errorNodeId,
  retryOf: r.retryOf,
  cancelRequested: r.cancelRequested,
  createdAt: r.createdAt.toISOString(),
});

export const toArtifactJson = (a: RunArtifactRow) => ({
  nodeId: a.nodeId,
  nodeType: a.nodeType,
  format: a.format,
  rows: a.rows,
  bytes: a.bytes,
  columns: a.schema as { name: string; type: string }[],
  createdAt: a.createdAt.toISOString(),
});
