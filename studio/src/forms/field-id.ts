import { createContext, useContext } from 'react';

/**
 * The id the field's `<label htmlFor>` points at, and the label's own id (for groups): the single input of a
 * field takes `inputId`, so clicking "내림차순" ticks its checkbox and tests find inputs by their label.
 */
export interface FieldIds {
  inputId: string | undefined;
  labelId: string | undefined;
}

export const FieldIdContext = createContext<FieldIds>({ inputId: undefined, labelId: undefined });

export function useFieldIds(): FieldIds {
  return useContext(FieldIdContext);
}

/** Kinds rendered as one native input, select or combobox: their caption is a `<label for>`. */
export const SINGLE_INPUT_KINDS: ReadonlySet<string> = new Set([
  'text',
  'number',
  'boolean',
  'select',
  'type',
  'column',
  'file',
]);
