import type { Engine } from '../engine/engine.ts';
import { NodeError } from '../errors.ts';
import { fusedQuery, type PlannedNode } from '../plan/fused-query.ts';
import { asNodeError } from '../schema/propagate.ts';

export interface Culprit {
  nodeId: string;
  error: NodeError;
  /** Inlined nodes before the culprit: they ran fine. */
  fine: string[];
  /** Inlined nodes after the culprit: they never got their input. */
  skipped: string[];
}

/**
 * A fused query failed: find the first inlined node (`chain`, dependency order) whose own query fails, so the
 * error points at the node the officer must fix. When every one of them runs alone, `nodeId` is the culprit.
 */
export async function locateFailure(
  engine: Engine,
  error: unknown,
  nodeId: string,
  chain: string[],
  planned: Map<string, PlannedNode>,
): Promise<Culprit> {
  if (error instanceof NodeError && error.nodeId !== nodeId) {
    return { nodeId: error.nodeId, error, fine: [], skipped: [] };
  }
  const runnable = chain.filter((m) => planned.has(m));
  for (let i = 0; i < runnable.length; i++) {
    const member = runnable[i]!;
    try {
      // A table, not count(*): DuckDB would prune the very columns whose computation fails.
      await engine.exec(`CREATE OR REPLACE TEMP TABLE "__locate" AS ${fusedQuery(member, planned)}`);
      await engine.exec('DROP TABLE IF EXISTS "__locate"');
    } catch (e) {
      return {
        nodeId: member,
        error: asNodeError(member, 'execute', e),
        fine: runnable.slice(0, i),
        skipped: runnable.slice(i + 1),
      };
    }
  }
  return { nodeId, error: asNodeError(nodeId, 'execute', error), fine: runnable, skipped: [] };
}
