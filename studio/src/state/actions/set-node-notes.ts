import { defineAction } from './define-action.ts';
import { findNode } from './find-node.ts';

export interface SetNodeNotesArgs {
  id: string;
  /** Free text (markdown); empty removes it. */
  notes: string;
}

export const setNodeNotes = defineAction({
  name: 'set-node-notes',
  label: { ko: '메모 변경', en: 'Edit notes' },
  perform(doc, args: SetNodeNotesArgs) {
    const node = findNode(doc, args.id);
    if (args.notes.trim()) node.notes = args.notes;
    else delete node.notes;
  },
});
