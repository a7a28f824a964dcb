import { describe, expect, it } from 'vitest';
import { registry } from '../../../../nodes/index.ts';
import { emptyDoc } from '../doc/empty-doc.ts';
import { performAction } from '../perform-action.ts';
import { presentationOnly } from '../presentation-only.ts';
import { notesOf } from './sticky-notes.ts';

const ctx = { registry };

describe('edit-notes', () => {
  it('adds, edits, moves and removes sticky notes in doc.ui, touching nothing that runs', () => {
    const note = { id: 'a', text: 'check CN', position: { x: 1, y: 2 } };
    const added = performAction(emptyDoc('t'), 'edit-notes', { put: [note] }, ctx);
    expect(notesOf(added.doc.ui)).toEqual([note]);
    expect(presentationOnly(added.patches)).toBe(true);
    const moved = performAction(
      added.doc,
      'edit-notes',
      { positions: { a: { x: 9, y: 9 } }, put: [{ ...note, text: 'x' }] },
      ctx,
    );
    expect(notesOf(moved.doc.ui)).toEqual([{ id: 'a', text: 'x', position: { x: 9, y: 9 } }]);
    const removed = performAction(moved.doc, 'edit-notes', { remove: ['a'] }, ctx);
    expect(notesOf(removed.doc.ui)).toEqual([]);
  });
});
