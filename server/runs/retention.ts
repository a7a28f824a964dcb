/**
 * Artifact retention (see `RetentionConfig`): after each run, the schedule's runs beyond the last
 * `keepRuns` with artifacts lose them, and every artifact older than `keepDays` goes. The rows are
 * deleted first (`RETURNING` the files), so two instances pruning at once never fight over a file.
 */
import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { runArtifacts, runs } from '../db/schema.ts';
import type { RetentionConfig } from './config.ts';

const DAY = 86_400_000;

export async function pruneArtifacts(
  db: Db,
  root: string,
  scheduleId: string | null,
  now: Date,
  policy: RetentionConfig,
): Promise<number> {
  const gone: { runId: string; file: string }[] = [];
  const columns = { runId: runArtifacts.runId, file: runArtifacts.file };
  if (scheduleId && policy.keepRuns > 0) {
    const older = await db
      .selectDistinct({ id: runs.id, createdAt: runs.createdAt })
      .from(runs)
      .innerJoin(runArtifacts, eq(runArtifacts.runId, runs.id))
      .where(eq(runs.scheduleId, scheduleId))
      .orderBy(desc(runs.createdAt), desc(runs.id))
      .offset(policy.keepRuns);
    if (older.length > 0) {
      const ids = older.map((r) => r.id);
      gone.push(...(await db.delete(runArtifacts).where(inArray(runArtifacts.runId, ids)).returning(columns)));
    }
  }
  if (policy.keepDays > 0) {
    const cutoff = new Date(now.getTime() - policy.keepDays * DAY);
    gone.push(
      ...(await db
        .delete(runArtifacts)
        .where(and(lt(runArtifacts.createdAt, cutoff)))
        .returning(columns)),
    );
  }
  for (const a of gone) await rm(path.join(root, a.file), { force: true });
  for (const runId of new Set(gone.map((a) => a.runId))) {
    // the folder goes once empty (a chart and a table of one run may be pruned by different passes)
    await rmdir(path.join(root, runId)).catch(() => {});
  }
  return gone.length;
}
