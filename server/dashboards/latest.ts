import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type RunArtifactRow, type RunRow, runArtifacts, runs } from '../db/schema.ts';

export interface LatestArtifact {
  run: RunRow;
  artifact: RunArtifactRow;
}

/**
 * The node's table from the newest succeeded scheduled run that still stores it ("refreshed from the latest
 * scheduled run"): runs started by hand from the canvas have no schedule and are not dashboard material.
 * A run whose artifacts were pruned falls back to the next newest that kept them.
 */
export async function latestArtifact(db: Db, pipelineId: string, nodeId: string): Promise<LatestArtifact | undefined> {
  const [row] = await db
    .select({ run: runs, artifact: runArtifacts })
    .from(runArtifacts)
    .innerJoin(runs, eq(runs.id, runArtifacts.runId))
    .where(
      and(
        eq(runs.pipelineId, pipelineId),
        eq(runs.status, 'succeeded'),
        isNotNull(runs.scheduleId),
        eq(runArtifacts.nodeId, nodeId),
        eq(runArtifacts.format, 'parquet'),
      ),
    )
    .orderBy(sql`${runs.finishedAt} desc nulls last`, desc(runs.createdAt))
    .limit(1);
  return row;
}
