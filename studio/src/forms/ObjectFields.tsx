import { shown } from './describe-schema.ts';
import { Field } from './Field.tsx';
import type { FieldSpec } from './field-spec.ts';
import { joinPath } from './paths.ts';

/** The fields of an object param, hiding those whose `showIf` does not hold. */
export function ObjectFields({ fields, path, value }: { fields: FieldSpec[]; path: string; value: unknown }) {
  const obj = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return (
    <div className="object-fields">
      {fields
        .filter((f) => shown(f, obj, fields))
        .map((f) => (
          <Field key={f.key} spec={f} path={joinPath(path, f.key)} value={obj[f.key]} />
        ))}
    </div>
  );
}
