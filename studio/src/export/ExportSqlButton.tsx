import { lazy, Suspense, useState } from 'react';
import { useLang } from '../i18n/useLang.ts';
import { L } from './labels.ts';

// Monaco and the exporter load when the dialog first opens, off the first screen.
const ExportSqlDialog = lazy(() => import('./ExportSqlDialog.tsx'));

/** Opens the SQL export of the pipeline, or of the part up to `nodeId`. */
export function ExportSqlButton({ nodeId, className }: { nodeId?: string; className?: string }) {
  const [lang] = useLang();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => setOpen(true)}
        data-testid={nodeId ? 'export-sql-node' : 'export-sql'}
      >
        {(nodeId ? L.buttonUpTo : L.button)[lang]}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportSqlDialog nodeId={nodeId} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
