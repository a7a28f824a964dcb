import { useCallback } from 'react';
import { useServices } from '../app/useServices.ts';
import { NODE_WIDTH } from './flow-model.ts';

/** The drag data type of a palette entry. */
export const PALETTE_MIME = 'application/x-studio-node';

/** Adds a node of `type` (click or Enter in the palette): after the selected node, connected, to its right. */
export function usePaletteAdd(): (type: string) => void {
  const { store } = useServices();
  return useCallback(
    (type: string) => {
      const s = store.getState();
      const def = s.analyzer?.registry.get(type);
      const anchor = s.doc.nodes.find((n) => n.id === s.selection[0]);
      const canFeed = anchor && def && def.inputs.length > 0;
      const base = anchor?.position ?? { x: 40, y: 40 + s.doc.nodes.length * 20 };
      const position = anchor ? { x: base.x + NODE_WIDTH + 60, y: base.y } : base;
      const r = s.dispatch(
        'add-node',
        canFeed
          ? { type, position, after: { source: anchor.id, targetPort: def.inputs[0]!.name } }
          : { type, position },
      );
      if (r.ok) {
        s.select([r.result as string]);
        s.inspect(r.result as string);
      }
    },
    [store],
  );
}
