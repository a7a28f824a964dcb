import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { DraftInput } from './DraftInput.tsx';
import type { FieldSpec } from './field-spec.ts';
import { useForm } from './useForm.ts';

/**
 * A column of the input port named by `columnOf`: a combobox offering the input's columns (with types), which
 * also takes a new name (derive: "new or replaced column").
 */
export function ColumnPicker({ spec, path, value }: { spec: FieldSpec; path: string; value: unknown }) {
  const { set, columns } = useForm();
  const t = useT();
  const list = useId();
  const cols = columns(spec.columnOf);
  return (
    <>
      <DraftInput
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
            {c.type}
          </option>
        ))}
      </datalist>
    </>
  );
}
