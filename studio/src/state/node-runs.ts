import { type Message, msg } from '../../../runtime/messages/render.ts';
import type { Warning } from '../../../runtime/nodes/define-node.ts';
import type { Schema } from '../../../runtime/schema/types.ts';
import type { Analysis } from './analysis/types.ts';

export type NodeRunState = 'stale' | 'running' | 'done' | 'error' | 'skipped' | 'cancelled' | 'invalid' | 'idle';

/** What a node card shows: the node's state for the document as it is now. */
export interface NodeRun {
  state: NodeRunState;
  /** Output rows when the node's result stands alone; null when it ran fused into a later query. */
  rows?: number | null;
  ms?: number;
  cached?: boolean;
  fusedInto?: string;
  /** The error, the reason it was skipped, or the issue that keeps it from running. */
  message?: string;
  /** The same in the officer's words (catalogue code + arguments), where the source gave one. */
  msg?: Message;
  /** The param at fault, where known. */
  param?: string;
  warnings?: Warning[];
  /** 0…1 while a long node (model training, scoring) reports progress. */
  progress?: number;
  /** Output columns the run reported. */
  schema?: Schema;
}

/** A finished node's outcome, kept with the signature it was computed for. */
export interface NodeResult extends NodeRun {
  signature: string;
}

/**
 * Current state of every node: `invalid` when an issue keeps it (or an upstream node) out of the runnable
 * part, `running` while in a run, the last result while its signature still matches, `stale` otherwise.
 * Sinks write files, which runs on the server and the command line, not on edit: they stay `idle`.
 */
export function deriveNodeRuns(
  nodeIds: string[],
  analysis: Analysis,
  results: Record<string, NodeResult>,
  running: Record<string, number>,
): Record<string, NodeRun> {
  const out: Record<string, NodeRun> = {};
  for (const id of nodeIds) {
    const culprit = analysis.blocked[id];
    if (culprit !== undefined) {
      const own = analysis.issuesByNode[id]?.[0];
      out[id] = own
        ? { state: 'invalid', message: own.message, param: own.param, ...(own.msg ? { msg: own.msg } : {}) }
        : {
            state: 'invalid',
            message: culprit ? `upstream node "${culprit}" needs attention` : 'the document has a problem',
            msg: culprit ? msg('run.upstream_blocked', { node: culprit }) : msg('run.document_problem'),
          };
      continue;
    }
    if (analysis.runnable?.nodes.get(id)?.def.kind === 'sink') {
      out[id] = { state: 'idle' };
      continue;
    }
    const fraction = running[id];
    if (fraction !== undefined) {
      out[id] = fraction >= 0 ? { state: 'running', progress: fraction } : { state: 'running' };
      continue;
    }
    const result = results[id];
    if (result && result.signature === analysis.signatures[id]) {
      const { signature: _, ...run } = result;
      out[id] = run;
    } else {
      out[id] = { state: 'stale' };
    }
  }
  return out;
}
