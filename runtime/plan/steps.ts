/**
 * What a run does, in order, decided before any engine work (`plan-run.ts`) and carried out by
 * `runtime/execute/run-steps.ts`. Every needed node has exactly one step that plans it (`load`, `inline`,
 * `materialise`, `compute` or a sink's `write`); `write` (for a caller's file) and `read` come after it.
 */
export type Step =
  /** A source opens its data in the engine (or its kept relation is reused). */
  | { kind: 'load'; nodeId: string }
  /** A SQL node's SELECT is planned; it runs as a CTE inside a later query and is stored nowhere. */
  | { kind: 'inline'; nodeId: string }
  /**
   * A SQL node's fused query (its own SELECT with `members`, the inlined nodes before it, as CTEs) is stored
   * as a table, or its kept table is reused. `members` are in dependency order and end with `nodeId`.
   */
  | { kind: 'materialise'; nodeId: string; members: string[] }
  /** A compute node reads its inputs (tables) and writes its output table. */
  | { kind: 'compute'; nodeId: string }
  /**
   * Rows of `input` written out straight from its fused query (`COPY (…) TO`), never stored as a table first:
   * by the sink node `nodeId` (`by: 'sink'`), or to the run's caller's file for node `nodeId` (`by: 'caller'`).
   * `members` are the nodes whose SQL runs inside that query.
   */
  | { kind: 'write'; nodeId: string; input: string; by: 'sink' | 'caller'; members: string[] }
  /** The first rows of `nodeId` are read back for a preview, from its fused query or kept table. */
  | { kind: 'read'; nodeId: string; members: string[] };

export interface PlanRequest {
  /** Nodes whose full results are kept as tables (`RunResult.relations`). */
  targets: string[];
  /** A node previewed: planned and read back, stored only if it is kept already. */
  preview?: string;
  /** Nodes whose rows the caller writes to a file, straight from their query. */
  writes?: string[];
  /** The node's result is kept from an earlier run (or being made by a run in flight). */
  isCached(nodeId: string): boolean;
}
