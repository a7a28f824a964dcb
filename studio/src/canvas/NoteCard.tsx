import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useServices } from '../app/useServices.ts';
import { useT } from '../i18n/useT.ts';

export type NoteNode = Node<{ noteId: string; text: string }, 'note'>;

/** A sticky note: free text on the canvas, stored in `doc.ui.notes`, never part of a run. */
export const NoteCard = memo(function NoteCard({ data }: NodeProps<NoteNode>) {
  const { store } = useServices();
  const t = useT();
  const edit = (text: string) =>
    store
      .getState()
      .dispatch('edit-notes', { put: [{ ...noteById(data.noteId), text }] }, { squash: `typing:note:${data.noteId}` });
  const noteById = (id: string) => {
    const notes = (store.getState().doc.ui?.notes ?? []) as {
      id: string;
      text: string;
      position: { x: number; y: number };
    }[];
    return notes.find((n) => n.id === id) ?? { id, text: '', position: { x: 0, y: 0 } };
  };
  return (
    <div className="note-card" data-note-id={data.noteId}>
      <button
        type="button"
        className="note-remove nodrag"
        title={t('form.remove')}
        onClick={() => store.getState().dispatch('edit-notes', { remove: [data.noteId] })}
      >
        ×
      </button>
      <textarea
        className="nodrag nokey nowheel"
        aria-label={t('canvas.note')}
        placeholder={t('canvas.notePlaceholder')}
        value={data.text}
        onChange={(e) => edit(e.target.value)}
      />
    </div>
  );
});
