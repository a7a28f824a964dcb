import { useT } from '../i18n/useT.ts';
import type { FieldSpec } from './field-spec.ts';
import { RuleRow } from './RuleRow.tsx';
import { useForm } from './useForm.ts';

/** The filter rule builder: column · operator · value rows; `combine` (and/or) is the sibling field. */
export function RuleBuilder({ spec, path, value }: { spec: FieldSpec; path: string; value: unknown }) {
  const { set, columns } = useForm();
  const t = useT();
  const rules = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const columnSpec = spec.item?.fields?.find((f) => f.key === 'column');
  const opSpec = spec.item?.fields?.find((f) => f.key === 'op');
  const cols = columns(columnSpec?.columnOf);
  const write = (next: Record<string, unknown>[]) => set(path, next.length ? next : undefined);
  return (
    <div className="rule-builder" data-testid="rule-builder">
      {rules.map((rule, i) => (
        <RuleRow
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity but their place
          key={i}
          index={i}
          path={path}
          rule={rule}
          columns={cols}
          ops={opSpec?.options ?? []}
          onRemove={() => write(rules.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        className="link"
        data-testid="add-rule"
        onClick={() => write([...rules, { column: cols[0]?.name ?? '', op: opSpec?.options?.[0] ?? '=' }])}
      >
        + {t('form.addRule')}
      </button>
    </div>
  );
}
