import type { Label } from '../../../runtime/nodes/param-meta.ts';

export interface PaletteEntry {
  type: string;
  category: string;
  label: Label;
  description: Label;
}

export const CATEGORY_ORDER = ['source', 'prep', 'sql', 'code', 'model', 'chart', 'output'];

/** Entries matching `query` (Korean or English label, type, description), grouped by category in palette order. */
export function paletteGroups(
  entries: readonly PaletteEntry[],
  query: string,
): { category: string; entries: PaletteEntry[] }[] {
  const q = query.trim().toLowerCase();
  const hit = (e: PaletteEntry) =>
    !q || [e.type, e.label.ko, e.label.en, e.description.ko, e.description.en].some((s) => s.toLowerCase().includes(q));
  const groups = new Map<string, PaletteEntry[]>();
  for (const e of entries) if (hit(e)) groups.set(e.category, [...(groups.get(e.category) ?? []), e]);
  return [...groups.entries()]
    .sort(([a], [b]) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b))
    .map(([category, list]) => ({ category, entries: list }));
}
