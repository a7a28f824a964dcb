import { useCallback } from 'react';
import { useServices } from '../app/useServices.ts';
import { besideOf, boxesOf, DEFAULT_SIZE, placeNode } from '../state/doc/placement.ts';
import type { StudioStore } from '../state/store.ts';
import { canvasUiStore } from './canvas-ui-store.ts';

/** The drag data type of a palette entry. */
export const PALETTE_MIME = 'application/x-studio-node';

/**
 * Adds a node of `type` where no card is: at `drop` (a palette drag) or the nearest free spot to it; without a
 * drop point beside the selected node (and fed by it), else beside the last node. Selects and inspects it.
 */
export function addFromPalette(store: StudioStore, type: string, drop?: { x: number; y: number }): string | undefined {
  const s = store.getState();
  const def = s.analyzer?.registry.get(type);
  const boxes = boxesOf(s.doc.nodes, canvasUiStore.getState().sizes);
  const anchorAt = drop ? -1 : s.doc.nodes.findIndex((n) => n.id === s.selection[0]);
  const anchor = s.doc.nodes[anchorAt];
  const last = boxes[boxes.length - 1];
  const want = drop ?? (anchor ? besideOf(boxes[anchorAt]!) : last ? besideOf(last) : { x: 40, y: 40 });
  const position = placeNode(boxes, DEFAULT_SIZE, want);
  const canFeed = anchor && def && def.inputs.length > 0;
  const r = s.dispatch(
    'add-node',
    canFeed ? { type, position, after: { source: anchor.id, targetPort: def.inputs[0]!.name } } : { type, position },
  );
  if (!r.ok) return undefined;
  s.select([r.result]);
  s.inspect(r.result);
  return r.result;
}

/** Adds a node of `type` (click or Enter in the palette): after the selected node, connected, beside it. */
export function usePaletteAdd(): (type: string) => void {
  const { store } = useServices();
  return useCallback((type: string) => void addFromPalette(store, type), [store]);
}
