import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { DraftInput } from './DraftInput.tsx';
import { useFieldIds } from './field-id.ts';
import type { FieldSpec } from './field-spec.ts';
import { typeOptionText } from './option-text.ts';
import { useForm } from './useForm.ts';

/**
 * A column of the input port named by `columnOf`: a combobox offering the input's columns (with types), which
 * also takes a new name (derive: "new or replaced column").
 */
export function ColumnPicker({ spec, path, value }: { spec: FieldSpec; path: string; value: unknown }) {
  const { set, columns, lang } = useForm();
  const t = useT();
  const list = useId();
  const { inputId } = useFieldIds();
  const cols = columns(spec.columnOf);
  return (
    <>
      <DraftInput
        id={inputId}
        type="text"
        className="column-picker"
        list={list}
        placeholder={cols.length ? t('form.chooseColumn') : t('form.noColumns')}
        text={typeof value === 'string' ? value : ''}
        onText={(text) => set(path, text === '' ? (spec.optional ? undefined : '') : text)}
      />
      <datalist id={list}>
        {cols.map((c) => (
          <option key={c.name} value={c.name}>
            {typeOptionText(c.type, lang)}
          </option>
        ))}
      </datalist>
    </>
  );
}
