import type { ReactFlowInstance } from '@xyflow/react';
import { useEffect } from 'react';
import { boxesOf } from '../state/doc/placement.ts';
import type { StudioStore } from '../state/store.ts';
import { canvasUiStore } from './canvas-ui-store.ts';

/** Room (px) kept between a card brought into view and the canvas's edge (the toolbar's row on top). */
const MARGIN = { top: 56, side: 24 };

/**
 * When one card becomes the selection (added from the palette, picked in the notebook) and lies outside the
 * visible canvas, pans to it at the same zoom: an added step never appears somewhere the officer cannot see.
 */
// biome-ignore lint/suspicious/noExplicitAny: React Flow's instance is generic over node and edge types; only its viewport methods are used
export function useKeepInView(store: StudioStore, flow: ReactFlowInstance<any, any>): void {
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.selection === prev.selection || s.selection.length !== 1) return;
        const index = s.doc.nodes.findIndex((n) => n.id === s.selection[0]);
        const pane = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
        if (index < 0 || !pane) return;
        const box = boxesOf(s.doc.nodes, canvasUiStore.getState().sizes)[index]!;
        const { x, y, zoom } = flow.getViewport();
        const left = box.x * zoom + x;
        const top = box.y * zoom + y;
        const inside =
          left >= MARGIN.side &&
          top >= MARGIN.top &&
          left + box.width * zoom <= pane.width - MARGIN.side &&
          top + box.height * zoom <= pane.height - MARGIN.side;
        if (!inside) void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 200 });
      }),
    [store, flow],
  );
}
