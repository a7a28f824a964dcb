import type { FieldSpec } from './field-spec.ts';
import { useForm } from './useForm.ts';

/** Several columns of an input port, as toggle chips in the input's column order. */
export function ColumnsPicker({ spec, path, value }: { spec: FieldSpec; path: string; value: unknown }) {
  const { set, columns } = useForm();
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const names = columns(spec.columnOf).map((c) => c.name);
  const all = [...names, ...chosen.filter((c) => !names.includes(c))];
  const toggle = (name: string) => {
    const next = chosen.includes(name) ? chosen.filter((c) => c !== name) : [...chosen, name];
    set(path, next.length === 0 && spec.optional && spec.defaultValue === undefined ? undefined : next);
  };
  return (
    <fieldset className="column-chips">
      {all.map((name) => (
        <label key={name} className={`chip${chosen.includes(name) ? ' chip-on' : ''}`}>
          <input type="checkbox" checked={chosen.includes(name)} onChange={() => toggle(name)} />
          {name}
        </label>
      ))}
    </fieldset>
  );
}
