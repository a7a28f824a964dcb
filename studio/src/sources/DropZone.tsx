import { useCallback, useRef } from 'react';
import { useServices } from '../app/useServices.ts';
import { useT } from '../i18n/useT.ts';
import { addFiles } from './add-sources.ts';
import { useFileDrop } from './useFileDrop.ts';

const ACCEPT = '.csv,.tsv,.tab,.txt,.parquet,.pq,.json,.jsonl,.ndjson,.xlsx';

/** Pick files or drop them here; a file dropped anywhere else on the page is taken too, never opened by the browser. */
export function DropZone() {
  const services = useServices();
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const take = useCallback((files: File[]) => void addFiles(services, files), [services]);
  const over = useFileDrop(take);

  return (
    <div className={`drop-zone${over ? ' drop-zone-over' : ''}`} data-testid="drop-zone">
      <p>{t('sources.drop')}</p>
      <button type="button" className="primary" onClick={() => input.current?.click()}>
        {t('sources.pick')}
      </button>
      <p className="muted small">{t('sources.formats')}</p>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void addFiles(services, files);
        }}
      />
    </div>
  );
}
