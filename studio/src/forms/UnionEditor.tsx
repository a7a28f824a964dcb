import { emptyValue } from './describe-schema.ts';
import type { FieldSpec } from './field-spec.ts';
import { ObjectFields } from './ObjectFields.tsx';
import { optionText } from './option-text.ts';
import { joinPath } from './paths.ts';
import { useForm } from './useForm.ts';

/** A discriminated union (validate rules): pick the variant by its tag, then its own fields. */
export function UnionEditor({ spec, path, value }: { spec: FieldSpec; path: string; value: unknown }) {
  const { set, lang, nodeType } = useForm();
  const tagKey = spec.discriminator ?? 'type';
  const obj = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const variant = spec.variants?.find((v) => v.tag === obj[tagKey]);
  const choose = (tag: string) => {
    const v = spec.variants?.find((x) => x.tag === tag);
    const next: Record<string, unknown> = { [tagKey]: tag };
    for (const f of v?.fields ?? []) next[f.key] = f.key in obj ? obj[f.key] : f.optional ? undefined : emptyValue(f);
    set(path, JSON.parse(JSON.stringify(next)));
  };
  return (
    <div className="union-editor">
      <select value={String(obj[tagKey] ?? '')} onChange={(e) => choose(e.target.value)}>
        {spec.variants?.map((v) => (
          <option key={v.tag} value={v.tag}>
            {optionText(nodeType, joinPath(path, tagKey), v.tag, lang)}
          </option>
        ))}
      </select>
      {variant && <ObjectFields fields={variant.fields} path={path} value={obj} />}
    </div>
  );
}
