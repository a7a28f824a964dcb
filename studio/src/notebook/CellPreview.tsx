import { useRef } from 'react';
import { typeLabel } from '../../../runtime/messages/type-names.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import { formatValue } from '../inspect/format-value.ts';
import { useCellRows } from './useCellRows.ts';

/** Below a cell's form: the first rows of its output, read-only, loaded when the cell scrolls into view. */
export function CellPreview({ id, hasOutput }: { id: string; hasOutput: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const ref = useRef<HTMLDivElement>(null);
  const rows = useCellRows(id, hasOutput, ref);
  if (!hasOutput) return null;
  return (
    <div className="cell-preview" data-testid={`preview-${id}`} data-preview={rows.kind} ref={ref}>
      {rows.kind === 'ready' ? (
        <>
          <div className="cell-preview-caption muted small">
            {t('notebook.previewRows', { n: rows.table.rows.length })}
          </div>
          <div className="cell-preview-scroll">
            <table>
              <thead>
                <tr>
                  {rows.table.columns.map((c) => (
                    <th key={c.name} title={`${typeLabel(c.type)[lang]} (${c.type})`}>
                      {c.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.table.rows.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no key but their place
                  <tr key={i}>
                    {rows.table.columns.map((c) => {
                      const text = formatValue(r[c.name], lang);
                      return (
                        <td key={c.name} title={text.length > 40 ? text : undefined}>
                          {text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="muted small">
          {rows.kind === 'loading' && t('notebook.previewLoading')}
          {rows.kind === 'waiting' && t('notebook.previewWaiting')}
          {rows.kind === 'error' && t('notebook.previewFailed', { message: rows.message })}
        </p>
      )}
    </div>
  );
}
