import { useT } from '../i18n/useT.ts';
import { DraftInput } from './DraftInput.tsx';
import { DUCKDB_TYPES } from './duckdb-types.ts';
import { useFieldIds } from './field-id.ts';
import type { FieldSpec } from './field-spec.ts';
import { optionText, typeOptionText } from './option-text.ts';
import { useForm } from './useForm.ts';

/** Text, number, switch, enum select and DuckDB type picker. Empty optional values are deleted. */
export function ScalarInput({ spec, path, value }: { spec: FieldSpec; path: string; value: unknown }) {
  const { set, nodeType, lang } = useForm();
  const { inputId } = useFieldIds();
  const t = useT();
  const clear = spec.optional ? undefined : '';
  // An unset param runs with its schema default: show that, not an empty control.
  const shown = value === undefined ? spec.defaultValue : value;
  const fallback = spec.defaultValue === undefined ? undefined : String(spec.defaultValue);
  if (spec.kind === 'boolean') {
    return (
      <input
        id={inputId}
        type="checkbox"
        role="switch"
        aria-checked={shown === true}
        className="switch"
        checked={shown === true}
        onChange={(e) => set(path, e.target.checked)}
      />
    );
  }
  if (spec.kind === 'select' || spec.kind === 'type') {
    const options = spec.kind === 'type' ? DUCKDB_TYPES : (spec.options ?? []);
    const current = shown === undefined ? '' : String(shown);
    const text = (o: string) =>
      spec.kind === 'type' ? typeOptionText(o, lang) : optionText(nodeType, path, o, lang, spec.optionLabels);
    return (
      <select id={inputId} value={current} onChange={(e) => set(path, e.target.value === '' ? clear : e.target.value)}>
        {(spec.optional || !options.includes(current)) && <option value="">{t('form.choose')}</option>}
        {!options.includes(current) && current !== '' && <option value={current}>{text(current)}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    );
  }
  if (spec.kind === 'number') {
    return (
      <DraftInput
        id={inputId}
        type="number"
        text={typeof value === 'number' ? String(value) : ''}
        placeholder={fallback}
        onText={(text) => set(path, text === '' || !Number.isFinite(Number(text)) ? undefined : Number(text))}
      />
    );
  }
  return (
    <input
      id={inputId}
      type="text"
      value={value === undefined || value === null ? '' : String(value)}
      placeholder={fallback}
      onChange={(e) => set(path, e.target.value === '' ? clear : e.target.value)}
    />
  );
}
