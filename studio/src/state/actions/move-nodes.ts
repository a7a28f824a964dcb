import { defineAction } from './define-action.ts';
import { findNode } from './find-node.ts';

export interface MoveNodesArgs {
  positions: Record<string, { x: number; y: number }>;
}

/** Sets node positions. A drag dispatches this on every move with one `squash` key, so it undoes as one step. */
export const moveNodes = defineAction({
  name: 'move-nodes',
  label: { ko: '노드 이동', en: 'Move nodes' },
  perform(doc, args: MoveNodesArgs) {
    for (const [id, p] of Object.entries(args.positions)) {
      findNode(doc, id).position = { x: Math.round(p.x), y: Math.round(p.y) };
    }
  },
});
