import type { NodeError } from '../errors.ts';
import type { Warning } from '../nodes/define-node.ts';
import type { Schema } from '../schema/types.ts';

export type NodeState = 'done' | 'error' | 'skipped' | 'cancelled';

export interface NodeStatus {
  nodeId: string;
  state: NodeState;
  /** Output rows; null when the node was fused into a later query and never stood alone. */
  rows: number | null;
  ms: number;
  /** The result came from the cache: nothing ran. */
  cached: boolean;
  /** The node ran inside the query of this node. */
  fusedInto?: string;
  schema?: Schema;
  error?: NodeError;
  /** Why a node was skipped, e.g. an upstream failure. */
  reason?: string;
  warnings: Warning[];
}

export type RunEvent =
  | { type: 'node-start'; nodeId: string }
  | { type: 'node-progress'; nodeId: string; fraction: number }
  | { type: 'node-end'; status: NodeStatus }
  | { type: 'progress'; done: number; total: number };

export interface RunResult {
  ok: boolean;
  cancelled: boolean;
  /** Every needed node's outcome, in dependency order. */
  nodes: NodeStatus[];
  /** Relation holding each target's full result (tables in the engine). */
  relations: Map<string, string>;
  ms: number;
}
