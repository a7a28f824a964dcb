import type { EdgeChange, NodeChange } from '@xyflow/react';

/** What a batch of React Flow changes asks of the store. */
export interface ChangeIntent {
  /** Positions while dragging (`move-nodes`, squashed into one undo step per gesture). */
  moves: Record<string, { x: number; y: number }>;
  /** Nodes to remove (`remove-nodes`). */
  removes: string[];
  /** The new selection, when the batch changed it. */
  selection?: string[];
  /** Sizes React Flow measured (kept beside the document, not in it). */
  sizes: Record<string, { width: number; height: number }>;
  /** Sticky notes moved or removed (`edit-notes`), by note id. */
  noteMoves: Record<string, { x: number; y: number }>;
  noteRemoves: string[];
  /** Group frames dragged to a new corner, by group id (their nodes move with them). */
  groupMoves: Record<string, { x: number; y: number }>;
}

const NOTE = 'note:';
const FRAME = 'frame:';

/** Maps node changes to actions; `selected` is the selection before the batch. */
export function nodeChangeIntent(changes: readonly NodeChange[], selected: readonly string[]): ChangeIntent {
  const intent: ChangeIntent = { moves: {}, removes: [], sizes: {}, noteMoves: {}, noteRemoves: [], groupMoves: {} };
  const next = new Set(selected);
  let selectionChanged = false;
  for (const c of changes) {
    if (c.type !== 'add' && c.type !== 'replace' && c.id.startsWith(FRAME)) {
      // A frame's size follows its members; only a drag of the frame means anything.
      if (c.type === 'position' && c.position) intent.groupMoves[c.id.slice(FRAME.length)] = c.position;
      continue;
    }
    if (c.type !== 'dimensions' && c.type !== 'add' && c.type !== 'replace' && c.id.startsWith(NOTE)) {
      const id = c.id.slice(NOTE.length);
      if (c.type === 'position' && c.position)
        intent.noteMoves[id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
      else if (c.type === 'remove') intent.noteRemoves.push(id);
      continue;
    }
    if (c.type === 'position' && c.position)
      intent.moves[c.id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
    else if (c.type === 'remove') intent.removes.push(c.id);
    else if (c.type === 'dimensions' && c.dimensions) intent.sizes[c.id] = c.dimensions;
    else if (c.type === 'select') {
      selectionChanged = true;
      if (c.selected) next.add(c.id);
      else next.delete(c.id);
    }
  }
  if (selectionChanged) intent.selection = [...next];
  return intent;
}

/** Edge removals as `disconnect` args (edge ids are `edgeKey`s: `src:out->dst:in`). */
export function edgeRemovals(
  changes: readonly EdgeChange[],
): { source: string; target: string; sourcePort: string; targetPort: string }[] {
  const out: { source: string; target: string; sourcePort: string; targetPort: string }[] = [];
  for (const c of changes) {
    if (c.type !== 'remove') continue;
    const m = /^(.+):([^:]+)->(.+):([^:]+)$/.exec(c.id);
    if (m) out.push({ source: m[1]!, sourcePort: m[2]!, target: m[3]!, targetPort: m[4]! });
  }
  return out;
}

/** A selection React Flow is about to delete, split by what it is: step nodes, notes, edges (by their ends). */
export function deletionOf(
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): { nodes: string[]; notes: string[]; edges: ReturnType<typeof edgeRemovals> } {
  const nodes = nodeIds.filter((id) => !id.startsWith(NOTE) && !id.startsWith(FRAME));
  const notes = nodeIds.filter((id) => id.startsWith(NOTE)).map((id) => id.slice(NOTE.length));
  return { nodes, notes, edges: edgeRemovals(edgeIds.map((id) => ({ type: 'remove' as const, id }))) };
}
