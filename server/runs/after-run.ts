/** What the runner does once a run's end is recorded: artifact retention, then alerts. */
import type { Db } from '../db/client.ts';
import type { RunRow } from '../db/schema.ts';
import { type AlertOptions, alertAfterRun } from '../notifications/alerts.ts';
import type { RunnerConfig } from './config.ts';
import type { RunOutcome } from './queue.ts';
import { pruneArtifacts } from './retention.ts';

export function afterRunHook(
  db: Db,
  config: Pick<RunnerConfig, 'artifactsDir' | 'retention' | 'webhookTimeoutMs'> &
    Partial<Pick<RunnerConfig, 'webhookAllowHosts'>>,
  options: Omit<AlertOptions, 'webhookTimeoutMs' | 'webhookAllowHosts'>,
) {
  return async (run: RunRow, outcome: RunOutcome, retry: RunRow | undefined): Promise<void> => {
    await pruneArtifacts(db, config.artifactsDir, run.scheduleId, options.now(), config.retention);
    await alertAfterRun(db, run, outcome, retry, {
      ...options,
      webhookTimeoutMs: config.webhookTimeoutMs,
      webhookAllowHosts: config.webhookAllowHosts,
    });
  };
}
