import { useStudio } from '../app/useStudio.ts';
import { useT } from '../i18n/useT.ts';
import { useFirstRows } from './useFirstRows.ts';

/** Below a cell: its output columns, and the first rows when it is the inspected node (the materialized one). */
export function CellPreview({ id }: { id: string }) {
  const t = useT();
  const schema = useStudio((s) => s.analysis.schemas[id]);
  const relation = useStudio((s) => (s.inspection?.nodeId === id ? s.inspection.relation : undefined));
  const rows = useFirstRows(relation);
  if (!schema) return null;
  return (
    <div className="cell-preview" data-testid={`preview-${id}`}>
      {rows && rows.length > 0 ? (
        <table>
          <thead>
            <tr>
              {schema.map((c) => (
                <th key={c.name}>{c.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no key but their place
              <tr key={i}>
                {schema.map((c) => (
                  <td key={c.name}>{r[c.name] === null ? '' : String(r[c.name])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">
          {t('notebook.columns', { n: schema.length })}:{' '}
          {schema
            .slice(0, 8)
            .map((c) => c.name)
            .join(', ')}
          {schema.length > 8 && ' …'}
          {!relation && ` — ${t('notebook.openToPreview')}`}
        </p>
      )}
    </div>
  );
}
