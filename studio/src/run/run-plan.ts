import type { ResolvedPipeline } from '../../../runtime/document/validate.ts';
import { stableStringify } from '../../../runtime/execute/content-key.ts';
import type { StudioState } from '../state/store-types.ts';

export interface RunPlan {
  pipeline: ResolvedPipeline;
  targets: string[];
  /** The inspected node, when it can run: materialized so the grid can read it in windows. */
  inspected: string | undefined;
  signatures: Record<string, string>;
  /** Equal keys mean an equal run: nothing to do. */
  key: string;
}

/**
 * What an auto-run should compute for the current state: every node whose result nobody reads except
 * sinks (sinks write files, which the studio leaves to the server and command line), plus the inspected
 * node. Undefined when nothing can run.
 */
export function planRun(s: Pick<StudioState, 'analysis' | 'inspected'>): RunPlan | undefined {
  const pipeline = s.analysis.runnable;
  if (!pipeline || pipeline.order.length === 0) return undefined;
  const isSink = (id: string) => pipeline.nodes.get(id)?.def.kind === 'sink';
  const targets = pipeline.order.filter(
    (id) => !isSink(id) && pipeline.nodes.get(id)!.consumers.every((c) => isSink(c)),
  );
  const inspected = s.inspected && pipeline.nodes.has(s.inspected) && !isSink(s.inspected) ? s.inspected : undefined;
  if (inspected && !targets.includes(inspected)) targets.push(inspected);
  if (targets.length === 0) return undefined;
  const needed = Object.fromEntries(pipeline.order.map((id) => [id, s.analysis.signatures[id] ?? '']));
  return {
    pipeline,
    targets,
    inspected,
    signatures: s.analysis.signatures,
    // the inspected node is part of the key: clicking a leaf that already ran must still hand its table to the grid
    key: stableStringify({ needed, targets, inspected }),
  };
}
