import type { Edge, Node } from '@xyflow/react';
import type { PipelineEdge, PipelineNode } from '../../../runtime/document/pipeline-doc.ts';
import type { NodeGroup } from '../state/actions/groups.ts';
import type { StickyNote } from '../state/actions/sticky-notes.ts';
import { edgeKey } from '../state/doc/graph.ts';
import { DEFAULT_SIZE, fallbackPosition } from '../state/doc/placement.ts';
import type { FrameNode } from './GroupFrame.tsx';
import type { Rect } from './group-frame.ts';
import type { NoteNode } from './NoteCard.tsx';

export type StepNode = Node<Record<string, never>, 'step'>;

export const NODE_WIDTH = DEFAULT_SIZE.width;
export const NODE_HEIGHT = DEFAULT_SIZE.height;

/** One document node as a React Flow node (the card reads everything else from the store by id). */
export function toFlowNode(
  node: PipelineNode,
  index: number,
  selected: boolean,
  measured: { width: number; height: number } | undefined,
): StepNode {
  const flow: StepNode = {
    id: node.id,
    type: 'step',
    position: node.position ?? fallbackPosition(index),
    data: {},
    selected,
  };
  if (measured) flow.measured = measured;
  return flow;
}

/** One document edge as a React Flow edge, its handles named by port. */
export function toFlowEdge(edge: PipelineEdge): Edge {
  return {
    id: edgeKey(edge),
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourcePort ?? 'out',
    targetHandle: edge.targetPort ?? 'in',
  };
}

/** Flow ids of sticky notes are prefixed so they never collide with node ids (which cannot hold ':'). */
export const NOTE_PREFIX = 'note:';

/** A sticky note as a React Flow node, drawn under the steps. */
export function toNoteNode(note: StickyNote, measured: { width: number; height: number } | undefined): NoteNode {
  const flow: NoteNode = {
    id: `${NOTE_PREFIX}${note.id}`,
    type: 'note',
    position: note.position,
    data: { noteId: note.id, text: note.text },
    selectable: false,
    zIndex: -1,
  };
  if (measured) flow.measured = measured;
  return flow;
}

/** Flow ids of group frames, prefixed like notes'. */
export const FRAME_PREFIX = 'frame:';

/** A group as a React Flow node: a frame of the given bounds, under notes and steps. */
export function toFrameNode(group: NodeGroup, rect: Rect): FrameNode {
  return {
    id: `${FRAME_PREFIX}${group.id}`,
    type: 'frame',
    position: { x: rect.x, y: rect.y },
    width: rect.width,
    height: rect.height,
    data: { group },
    selectable: false,
    zIndex: -2,
  };
}

/** Where the given nodes are drawn (stored positions, or the fallback row for nodes without one). */
export function drawnPositions(
  nodes: readonly PipelineNode[],
  ids: readonly string[],
): Record<string, { x: number; y: number }> {
  const wanted = new Set(ids);
  const out: Record<string, { x: number; y: number }> = {};
  nodes.forEach((n, i) => {
    if (wanted.has(n.id)) out[n.id] = n.position ?? fallbackPosition(i);
  });
  return out;
}
