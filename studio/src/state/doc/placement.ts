/** A node's box on the canvas, in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A card's size before React Flow has measured it (the canvas's `NODE_WIDTH` × a two-line card). */
export const DEFAULT_SIZE: Size = { width: 210, height: 86 };

/** Room kept free around a placed card, so cards never touch and an edge between them stays visible. */
export const GAP = { x: 60, y: 40 };

/** How far (in card-sized steps) the search goes before giving up on the wanted spot. */
const REACH = 12;

function overlaps(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width + GAP.x &&
    b.x < a.x + a.width + GAP.x &&
    a.y < b.y + b.height + GAP.y &&
    b.y < a.y + a.height + GAP.y
  );
}

/**
 * Steps to try around the wanted spot, nearest first. At equal distance down comes before right, right
 * before up, up before left: a new branch goes under its sibling, the chain grows to the right.
 */
function searchOrder(): { dx: number; dy: number }[] {
  const out: { dx: number; dy: number; cost: number }[] = [];
  for (let dx = -REACH; dx <= REACH; dx++)
    for (let dy = -REACH; dy <= REACH; dy++) {
      const bias = (dy < 0 ? 0.2 : 0) + (dx < 0 ? 0.3 : 0) + (dx > 0 ? 0.1 : 0);
      out.push({ dx, dy, cost: Math.hypot(dx, dy) + bias });
    }
  return out.sort((a, b) => a.cost - b.cost);
}

const ORDER = searchOrder();

/**
 * Where a new card of `size` goes: at `want` when that spot is free, else the nearest free spot on a grid of
 * card-sized steps around it (never on top of another card, with `GAP` between).
 *
 * @example
 * placeNode([{ x: 0, y: 0, width: 210, height: 86 }], DEFAULT_SIZE, { x: 0, y: 0 }) // → { x: 0, y: 126 }
 */
export function placeNode(taken: readonly Box[], size: Size, want: { x: number; y: number }): { x: number; y: number } {
  const stepX = size.width + GAP.x;
  const stepY = size.height + GAP.y;
  for (const { dx, dy } of ORDER) {
    const box = { x: want.x + dx * stepX, y: want.y + dy * stepY, ...size };
    if (!taken.some((t) => overlaps(box, t))) return { x: Math.round(box.x), y: Math.round(box.y) };
  }
  // Every spot within reach is taken (hundreds of cards around it): below everything.
  const bottom = Math.max(...taken.map((t) => t.y + t.height));
  return { x: Math.round(want.x), y: Math.round(bottom + GAP.y) };
}

/** Where a node without a stored position is drawn: a row, left to right, in document order. */
export function fallbackPosition(index: number): { x: number; y: number } {
  return {
    x: 40 + (index % 6) * (DEFAULT_SIZE.width + 60),
    y: 40 + Math.floor(index / 6) * (DEFAULT_SIZE.height + 80),
  };
}

/** The boxes the document's nodes are drawn in (measured sizes where the canvas knows them). */
export function boxesOf(
  nodes: readonly { id: string; position?: { x: number; y: number } }[],
  sizes: Readonly<Record<string, Size>> = {},
): Box[] {
  return nodes.map((n, i) => ({ ...(n.position ?? fallbackPosition(i)), ...(sizes[n.id] ?? DEFAULT_SIZE) }));
}

/** The spot just right of `anchor` (where the step after it goes). */
export function besideOf(anchor: Box): { x: number; y: number } {
  return { x: anchor.x + anchor.width + GAP.x, y: anchor.y };
}
