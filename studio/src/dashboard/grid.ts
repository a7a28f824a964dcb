/** The dashboard grid's geometry: 12 columns of fixed-height rows; items never overlap after a move. */
export const COLS = 12;
export const ROW_PX = 56;
export const GAP_PX = 10;

export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Keeps a box inside the columns, at least one cell big. */
export function clampBox<T extends Box>(b: T): T {
  const w = Math.min(COLS, Math.max(1, Math.round(b.w)));
  const h = Math.max(1, Math.round(b.h));
  const x = Math.min(COLS - w, Math.max(0, Math.round(b.x)));
  return { ...b, x, y: Math.max(0, Math.round(b.y)), w, h };
}

/**
 * Puts `moved` where it was dropped and pushes every box it now covers down below it (and so on, top to
 * bottom), then floats boxes up into free rows so no gaps remain under removed or shrunk items.
 */
export function place<T extends Box>(boxes: T[], moved: T): T[] {
  const fixed = clampBox(moved);
  const others = boxes.filter((b) => b.id !== moved.id).sort((a, b) => a.y - b.y || a.x - b.x);
  const placed: T[] = [fixed];
  for (const b of others) {
    let cur = { ...b };
    for (let hit = placed.find((p) => overlaps(p, cur)); hit; hit = placed.find((p) => overlaps(p, cur))) {
      cur = { ...cur, y: hit.y + hit.h };
    }
    placed.push(cur);
  }
  return compact(placed, fixed.id);
}

/** Moves each box (but `pinned`) up as far as it goes without overlapping those above. */
export function compact<T extends Box>(boxes: T[], pinned?: string): T[] {
  const sorted = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  const done: T[] = sorted.filter((b) => b.id === pinned);
  for (const b of sorted) {
    if (b.id === pinned) continue;
    let cur = { ...b };
    while (cur.y > 0 && !done.some((p) => overlaps(p, { ...cur, y: cur.y - 1 }))) cur = { ...cur, y: cur.y - 1 };
    done.push(cur);
  }
  const order = new Map(boxes.map((b, i) => [b.id, i]));
  return done.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** The first free spot, row by row from the top, for a new box of this size (beside others when it fits). */
export function nextSpot(boxes: Box[], w: number, h: number): { x: number; y: number; w: number; h: number } {
  const bottom = boxes.reduce((m, b) => Math.max(m, b.y + b.h), 0);
  for (let y = 0; y <= bottom; y++) {
    for (let x = 0; x + w <= COLS; x++) {
      const spot = { id: '', x, y, w, h };
      if (!boxes.some((b) => overlaps(b, spot))) return { x, y, w, h };
    }
  }
  return { x: 0, y: bottom, w, h };
}

/** Pixel deltas of a pointer drag → whole grid cells, given the grid's width. */
export function cellsOf(dxPx: number, dyPx: number, gridWidthPx: number): { dx: number; dy: number } {
  const colPx = (gridWidthPx + GAP_PX) / COLS;
  return { dx: Math.round(dxPx / colPx), dy: Math.round(dyPx / (ROW_PX + GAP_PX)) };
}
