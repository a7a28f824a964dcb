import { useId } from 'react';
import { type DeclaredParam, fromInput, type ParamValue } from './param-values.ts';

/**
 * A pipeline's parameters as a small form: each with its label (the name when it has none), an input of its
 * type (number, date, a switch for yes/no, text), its description and what is wrong with the value.
 */
export function ParamInputs({
  declared,
  values,
  errors = {},
  onChange,
}: {
  declared: readonly DeclaredParam[];
  values: Record<string, ParamValue | undefined>;
  errors?: Record<string, string>;
  onChange(name: string, value: ParamValue | undefined): void;
}) {
  const base = useId();
  return (
    <div className="param-inputs">
      {declared.map((p, i) => {
        const id = `${base}-${i}`;
        const v = values[p.name];
        const error = errors[p.name];
        return (
          <div key={p.name} className={`lib-field param-input${error ? ' param-invalid' : ''}`} data-param={p.name}>
            <label htmlFor={id}>{p.label || p.name}</label>
            {p.type === 'boolean' ? (
              <input
                id={id}
                type="checkbox"
                role="switch"
                aria-checked={v === true}
                name={`param-${p.name}`}
                checked={v === true}
                onChange={(e) => onChange(p.name, e.target.checked)}
              />
            ) : (
              <input
                id={id}
                name={`param-${p.name}`}
                type={p.type === 'number' ? 'number' : p.type === 'date' ? 'date' : 'text'}
                value={v === undefined ? '' : String(v)}
                aria-invalid={error ? true : undefined}
                onChange={(e) => onChange(p.name, fromInput(p.type, e.target.value))}
              />
            )}
            {p.description && <span className="lib-muted">{p.description}</span>}
            {error && (
              <span className="lib-error" role="alert">
                {error}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
