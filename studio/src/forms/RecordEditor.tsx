import { useT } from '../i18n/useT.ts';
import { emptyValue } from './describe-schema.ts';
import type { FieldSpec } from './field-spec.ts';
import { JsonField } from './JsonField.tsx';
import { joinPath } from './paths.ts';
import { ScalarInput } from './ScalarInput.tsx';
import { useForm } from './useForm.ts';

/** A record keyed by column (cast: column → type; fill: column → rule): a column picker per row and its value. */
export function RecordEditor({ spec, path, value }: { spec: FieldSpec; path: string; value: unknown }) {
  const { set, columns } = useForm();
  const t = useT();
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const names = columns(spec.columnOf ?? 'in').map((c) => c.name);
  const free = names.filter((n) => !(n in record));
  const item = spec.item;
  const scalar = item && ['text', 'number', 'boolean', 'select', 'type'].includes(item.kind);
  const rename = (from: string, to: string) => {
    const next: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) next[k === from ? to : k] = v;
    set(path, next);
  };
  return (
    <div className="record-editor">
      {Object.entries(record).map(([key, v]) => (
        <div className="array-row" key={key}>
          <select value={key} onChange={(e) => rename(key, e.target.value)}>
            {[key, ...free].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          {item && scalar ? (
            <ScalarInput spec={item} path={joinPath(path, key)} value={v} />
          ) : (
            <JsonField path={joinPath(path, key)} value={v} />
          )}
          <button
            type="button"
            className="icon danger"
            title={t('form.remove')}
            onClick={() => set(path, Object.fromEntries(Object.entries(record).filter(([k]) => k !== key)))}
          >
            ×
          </button>
        </div>
      ))}
      {free.length > 0 && item && (
        <button type="button" className="link" onClick={() => set(path, { ...record, [free[0]!]: emptyValue(item) })}>
          + {t('form.addColumn')}
        </button>
      )}
    </div>
  );
}
