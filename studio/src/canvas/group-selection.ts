import { GROUP_COLOURS, groupsOf } from '../state/actions/groups.ts';
import type { StudioStore } from '../state/store.ts';

/** Groups the selected nodes (one undo step); the colour cycles so neighbouring groups differ. Returns its id. */
export function groupSelection(store: StudioStore, label: string): string | undefined {
  const s = store.getState();
  if (s.selection.length === 0) return undefined;
  const count = groupsOf(s.doc.ui).length;
  const id = `g${Date.now().toString(36)}`;
  const colour = GROUP_COLOURS[count % GROUP_COLOURS.length]!;
  const r = s.dispatch('edit-groups', { put: [{ id, label, colour, nodes: [...s.selection] }] });
  return r.ok ? id : undefined;
}
