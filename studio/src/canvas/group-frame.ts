import type { NodeGroup } from '../state/actions/groups.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space between a frame and its nodes (px), and the frame's label strip above them. */
export const FRAME_PAD = 16;
export const FRAME_HEADER = 30;

/** The frame around member cards: their bounding box, padded, with the label strip on top. */
export function frameAround(members: readonly Rect[]): Rect | undefined {
  if (members.length === 0) return undefined;
  const left = Math.min(...members.map((r) => r.x));
  const top = Math.min(...members.map((r) => r.y));
  const right = Math.max(...members.map((r) => r.x + r.width));
  const bottom = Math.max(...members.map((r) => r.y + r.height));
  return {
    x: left - FRAME_PAD,
    y: top - FRAME_PAD - FRAME_HEADER,
    width: right - left + 2 * FRAME_PAD,
    height: bottom - top + 2 * FRAME_PAD + FRAME_HEADER,
  };
}

/**
 * New member positions for a frame dragged to `to`. The frame's corner depends on its members' positions
 * only (not their sizes), so the shift is `to` minus that corner, applied to every member alike.
 */
export function membersMovedTo(
  positions: Readonly<Record<string, { x: number; y: number }>>,
  to: { x: number; y: number },
): Record<string, { x: number; y: number }> {
  const ids = Object.keys(positions);
  if (ids.length === 0) return {};
  const corner = {
    x: Math.min(...ids.map((id) => positions[id]!.x)) - FRAME_PAD,
    y: Math.min(...ids.map((id) => positions[id]!.y)) - FRAME_PAD - FRAME_HEADER,
  };
  const dx = Math.round(to.x - corner.x);
  const dy = Math.round(to.y - corner.y);
  return Object.fromEntries(ids.map((id) => [id, { x: positions[id]!.x + dx, y: positions[id]!.y + dy }]));
}

/** Groups as drawn: members that still exist (a removed node leaves its group), groups left empty dropped. */
export function liveGroups(groups: readonly NodeGroup[], nodeIds: ReadonlySet<string>): NodeGroup[] {
  return groups
    .map((g) => (g.nodes.every((n) => nodeIds.has(n)) ? g : { ...g, nodes: g.nodes.filter((n) => nodeIds.has(n)) }))
    .filter((g) => g.nodes.length > 0);
}
