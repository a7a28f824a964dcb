import type { Box } from '../state/doc/placement.ts';

/** Room kept around the cards when the view fits them (px on screen): the toolbar's row on top. */
const PAD = { top: 64, right: 40, bottom: 40, left: 64 };

/**
 * The viewport showing every box, between zoom `min` and `max` (never enlarged past 1:1), centred. Computed
 * from the document's positions, so it does not need the cards drawn first (only those in view are drawn).
 */
export function viewportFor(
  boxes: readonly Box[],
  pane: { width: number; height: number },
  min = 0.2,
  max = 1,
): { x: number; y: number; zoom: number } | undefined {
  if (boxes.length === 0 || pane.width <= 0 || pane.height <= 0) return undefined;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  const room = { width: pane.width - PAD.left - PAD.right, height: pane.height - PAD.top - PAD.bottom };
  const zoom = Math.min(max, Math.max(min, Math.min(room.width / (right - left), room.height / (bottom - top))));
  return {
    zoom,
    x: PAD.left + (room.width - (right - left) * zoom) / 2 - left * zoom,
    y: PAD.top + (room.height - (bottom - top) * zoom) / 2 - top * zoom,
  };
}
