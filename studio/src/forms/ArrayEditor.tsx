import { useT } from '../i18n/useT.ts';
import { emptyValue } from './describe-schema.ts';
import { Field } from './Field.tsx';
import type { FieldSpec } from './field-spec.ts';
import { joinPath } from './paths.ts';
import { useForm } from './useForm.ts';

/** Rows of an array param: add, remove, move up/down; each row is the item's own field. */
export function ArrayEditor({ spec, path, value }: { spec: FieldSpec; path: string; value: unknown }) {
  const { set } = useForm();
  const t = useT();
  const rows = Array.isArray(value) ? value : [];
  const item = spec.item;
  if (!item) return null;
  const write = (next: unknown[]) => set(path, next.length === 0 && spec.optional ? undefined : next);
  const move = (i: number, d: number) => {
    const next = [...rows];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    write(next);
  };
  return (
    <div className="array-editor">
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div className="array-row" key={i} data-row={i}>
          <Field spec={item} path={joinPath(path, i)} value={row} />
          <div className="row-tools">
            <button type="button" className="icon" title={t('form.up')} disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button
              type="button"
              className="icon"
              title={t('form.down')}
              disabled={i === rows.length - 1}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon danger"
              title={t('form.remove')}
              onClick={() => write(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="link"
        data-testid={`add-${path}`}
        onClick={() => write([...rows, emptyValue(item)])}
      >
        + {t('form.addRow')}
      </button>
    </div>
  );
}
