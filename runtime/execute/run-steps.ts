import { type ResolvedPipeline, refNode } from '../document/validate.ts';
import type { PlannedNode } from '../plan/fused-query.ts';
import type { Step } from '../plan/steps.ts';
import type { RunResult } from './events.ts';
import { locateFailure } from './locate-failure.ts';
import { blank, StatusBoard } from './node-status.ts';
import { type SessionParts, type StepOptions, stepWork } from './step-work.ts';

export type { SessionParts, StepOptions };

/**
 * Carries out `steps` on the session's engine, in order. A failing step marks its node (or, for a fused query,
 * the first inlined node that fails alone) as the error and everything reading it as skipped; the rest runs.
 */
export async function runSteps(
  session: SessionParts,
  pipeline: ResolvedPipeline,
  steps: Step[],
  nodeKeys: { keys: Map<string, string>; failed: Map<string, unknown> },
  targets: Set<string>,
  options: StepOptions,
): Promise<RunResult> {
  const started = performance.now();
  const order = [...new Set(steps.map((s) => s.nodeId))];
  const board = new StatusBoard(order.length, options.onEvent ?? (() => {}));
  const planned = new Map<string, PlannedNode>();
  const relations = new Map<string, string>();
  const emit = options.onEvent ?? (() => {});
  const { engine } = session;
  const signal = options.signal;
  const work = stepWork(session, planned, options);

  const fail = async (e: unknown, id: string, chain: string[], t0: number) => {
    if (signal?.aborted) {
      for (const member of new Set([...chain, id])) board.finish(blank(member, 'cancelled'));
      return;
    }
    const culprit = await locateFailure(engine, e, id, chain, planned);
    for (const member of culprit.fine) board.finish({ ...blank(member, 'done'), fusedInto: id });
    board.finish({ ...blank(culprit.nodeId, 'error'), error: culprit.error, ms: performance.now() - t0 });
    const reason = `upstream node "${culprit.nodeId}" failed`;
    if (culprit.nodeId !== id) board.finish({ ...blank(id, 'skipped'), reason });
    for (const skipped of culprit.skipped) board.finish({ ...blank(skipped, 'skipped'), reason });
  };

  for (const step of steps) {
    const id = step.nodeId;
    const rn = pipeline.nodes.get(id)!;
    const followUp = step.kind === 'read' || (step.kind === 'write' && step.by === 'caller');
    if (followUp) {
      // the node is planned already; its own step may have failed or been cancelled
      const status = board.get(id);
      if (!planned.has(id) || (status !== undefined && status.state !== 'done')) continue;
    } else {
      if (signal?.aborted) {
        board.finish(blank(id, 'cancelled'));
        continue;
      }
      const failedInput = Object.values(rn.inputs)
        .flat()
        .find((ref) => {
          const s = board.get(refNode(ref));
          return (s !== undefined && s.state !== 'done') || !planned.has(ref);
        });
      if (failedInput !== undefined) {
        board.finish({ ...blank(id, 'skipped'), reason: `upstream node "${refNode(failedInput)}" did not finish` });
        continue;
      }
      emit({ type: 'node-start', nodeId: id });
    }
    const t0 = performance.now();
    const chain = 'members' in step ? step.members : [];
    try {
      if (nodeKeys.failed.has(id)) throw nodeKeys.failed.get(id);
      const key = nodeKeys.keys.get(id)!;
      const done = await work.run(step, rn, key);
      if (done === undefined) continue; // planned only: it runs inside a later query
      if (step.kind === 'materialise' || step.kind === 'load' || step.kind === 'compute') {
        const table = planned.get(id)?.table;
        if (table && targets.has(id)) relations.set(id, table);
      }
      for (const member of done.members) {
        board.finish({ ...blank(member, 'done'), schema: planned.get(member)?.schema, fusedInto: id });
      }
      if (followUp && board.get(id)?.state === 'done') continue; // stored already, and reported
      board.finish({
        ...blank(id, 'done'),
        rows: done.rows,
        ms: performance.now() - t0,
        cached: done.cached,
        warnings: done.warnings,
        ...(done.schema ? { schema: done.schema } : {}),
      });
    } catch (e) {
      await fail(e, id, chain, t0);
    }
  }

  const cancelled = signal?.aborted ?? false;
  const nodes = order.map((id) => board.get(id) ?? blank(id, cancelled ? 'cancelled' : 'skipped'));
  return { ok: nodes.every((n) => n.state === 'done'), cancelled, nodes, relations, ms: performance.now() - started };
}
