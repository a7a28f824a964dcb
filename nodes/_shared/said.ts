import { optionLabel } from '../../runtime/messages/option-labels.ts';
import { fieldLabel } from '../../runtime/messages/params.ts';
import type { Label } from '../../runtime/nodes/param-meta.ts';

/** A setting as its form labels it, from a param path like `measures.0.column` (for the officer's messages). */
export function setting(schema: unknown, path: string): Label {
  return fieldLabel(
    schema,
    path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
  );
}

/** One choice of a setting in the officer's words; the raw value when no label is known. */
export function choice(nodeType: string, path: string, value: string): Label {
  return optionLabel(nodeType, path.split('.'), value) ?? { ko: value, en: value };
}
