import type { NodeRunState } from '../state/node-runs.ts';

/** Rows a cell shows under its form. */
export const CELL_ROWS = 8;

export type PreviewSource =
  /** Nothing to show: not scrolled into view yet, no output port, or a sink (it writes files, not rows). */
  | { kind: 'none' }
  /** The node has not (re)computed, or a run is using the engine: ask once it is done. */
  | { kind: 'waiting' }
  /** The node is the inspected one: its result is materialized, read a window of it. */
  | { kind: 'window'; relation: string }
  /** A LIMIT over the node's fused query (upstream results come from the runtime's cache). */
  | { kind: 'preview' };

export interface PreviewInput {
  visible: boolean;
  hasOutput: boolean;
  state: NodeRunState | undefined;
  runActive: boolean;
  /** The inspection's relation when it holds this node's current result. */
  inspectedRelation: string | undefined;
}

/**
 * Where a cell's first rows come from now. Previews start only when a cell is in view and its node is done;
 * the inspected node's table is already there, so its window is read at once (the officer just opened it).
 */
export function previewSource(input: PreviewInput): PreviewSource {
  if (!input.hasOutput || input.state === 'idle') return { kind: 'none' };
  if (input.state === 'done' && input.inspectedRelation) return { kind: 'window', relation: input.inspectedRelation };
  if (!input.visible) return { kind: 'none' };
  if (input.state !== 'done') return { kind: 'waiting' };
  // The preview would queue behind (and slow) the run's own queries: wait for the run to end.
  if (input.runActive) return { kind: 'waiting' };
  return { kind: 'preview' };
}
