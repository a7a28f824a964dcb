import { defineAction } from './define-action.ts';

/** Colours a group frame can take (CSS classes `group-<colour>`). */
export const GROUP_COLOURS = ['blue', 'green', 'amber', 'rose', 'violet', 'slate'] as const;
export type GroupColour = (typeof GROUP_COLOURS)[number];

/**
 * A labelled, coloured frame around nodes on the canvas, kept in `doc.ui.groups`: presentation only, never
 * part of a run or a cache key. The frame has no position of its own; it is drawn around its nodes, so
 * moving the frame is moving them.
 */
export interface NodeGroup {
  id: string;
  label: string;
  colour: GroupColour;
  /** Member node ids; a node is in at most one group. */
  nodes: string[];
}

export interface EditGroupsArgs {
  /** Adds or replaces groups by id; their nodes leave any other group (which goes when it empties). */
  put?: NodeGroup[];
  /** Ungroups: the frames go, their nodes stay where they are. */
  remove?: string[];
}

/** The document's groups (a read of `doc.ui.groups`, tolerant of documents written without it). */
export function groupsOf(ui: Record<string, unknown> | undefined): NodeGroup[] {
  const groups = ui?.groups;
  return Array.isArray(groups) ? (groups as NodeGroup[]) : [];
}

/** `groups` with `put` applied and `remove` taken out: each node in one group at most, no empty group left. */
export function applyGroupEdit(groups: readonly NodeGroup[], args: EditGroupsArgs): NodeGroup[] {
  const put = new Map((args.put ?? []).map((g) => [g.id, { ...g, nodes: [...g.nodes] }]));
  const removed = new Set(args.remove ?? []);
  const taken = new Set([...put.values()].flatMap((g) => g.nodes));
  // A replaced group keeps its place (frames are drawn in this order); a new one goes on top.
  const next = groups.map((g) => put.get(g.id) ?? { ...g, nodes: g.nodes.filter((n) => !taken.has(n)) });
  for (const [id, g] of put) if (!groups.some((old) => old.id === id)) next.push(g);
  return next.filter((g) => !removed.has(g.id) && g.nodes.length > 0);
}

export const editGroups = defineAction({
  name: 'edit-groups',
  label: { ko: '그룹 편집', en: 'Edit groups' },
  perform(doc, args: EditGroupsArgs) {
    doc.ui ??= {};
    doc.ui.groups = applyGroupEdit(groupsOf(doc.ui), args);
  },
});
