import { defineAction } from './define-action.ts';
import { findNode } from './find-node.ts';

export interface RenameNodeArgs {
  id: string;
  /** The label shown on the card; empty removes it (the card then shows the node type). */
  label: string;
}

/** Changes a node's label. Its id stays: SQL nodes name their inputs by id. */
export const renameNode = defineAction({
  name: 'rename-node',
  label: { ko: '노드 이름 바꾸기', en: 'Rename node' },
  perform(doc, args: RenameNodeArgs) {
    const node = findNode(doc, args.id);
    const label = args.label.trim();
    if (label) node.label = label;
    else delete node.label;
  },
});
