import { optionLabel } from '../../../runtime/messages/option-labels.ts';
import { typeLabel } from '../../../runtime/messages/type-names.ts';
import type { Label } from '../../../runtime/nodes/param-meta.ts';
import type { Lang } from '../i18n/lang-store.ts';

/** `measures.0.fn` → ['measures', 0, 'fn']. */
export function pathParts(path: string): (string | number)[] {
  return path === '' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** How a select shows one choice of a node's setting: its Korean or English name, the value when none is known. */
export function optionText(
  nodeType: string,
  path: string,
  value: string,
  lang: Lang,
  own?: Record<string, Label>,
): string {
  return optionLabel(nodeType, pathParts(path), value, own)?.[lang] ?? value;
}

/** A DuckDB type in words with its exact name beside it ("정수 · BIGINT"), for type pickers. */
export function typeOptionText(duckdbType: string, lang: Lang): string {
  const words = typeLabel(duckdbType)[lang];
  return words === duckdbType ? duckdbType : `${words} · ${duckdbType}`;
}
