import { defineAction } from './define-action.ts';

/** A sticky note on the canvas: presentation only, kept in `doc.ui.notes`, never part of a run. */
export interface StickyNote {
  id: string;
  text: string;
  position: { x: number; y: number };
}

export interface EditNotesArgs {
  /** Adds or replaces notes by id. */
  put?: StickyNote[];
  /** Moves notes. */
  positions?: Record<string, { x: number; y: number }>;
  /** Removes notes by id. */
  remove?: string[];
}

/** The document's sticky notes (a copy-safe read of `doc.ui.notes`). */
export function notesOf(ui: Record<string, unknown> | undefined): StickyNote[] {
  const notes = ui?.notes;
  return Array.isArray(notes) ? (notes as StickyNote[]) : [];
}

export const editNotes = defineAction({
  name: 'edit-notes',
  label: { ko: '메모 편집', en: 'Edit notes' },
  perform(doc, args: EditNotesArgs) {
    doc.ui ??= {};
    const notes = notesOf(doc.ui).filter((n) => !args.remove?.includes(n.id));
    for (const note of args.put ?? []) {
      const i = notes.findIndex((n) => n.id === note.id);
      if (i >= 0) notes[i] = note;
      else notes.push(note);
    }
    for (const [id, position] of Object.entries(args.positions ?? {})) {
      const i = notes.findIndex((n) => n.id === id);
      if (i >= 0) notes[i] = { ...notes[i]!, position };
    }
    doc.ui.notes = notes;
  },
});
