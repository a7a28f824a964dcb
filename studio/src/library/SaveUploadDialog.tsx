import { useState } from 'react';
import { useServices } from '../app/useServices.ts';
import type { LocalRead } from '../persist/sample-paths.ts';
import { getCsrf } from './api.ts';
import { Dialog } from './Dialog.tsx';
import { useDocT } from './doc-text.ts';
import { errorText } from './text.ts';
import { uploadDataset } from './upload.ts';
import { useLibT } from './useLibT.ts';

/**
 * Before a server save: the pipeline reads files that only this browser has. Offers to upload each as a
 * private dataset (with progress), switches its read nodes to the dataset (one undo step per file), then
 * lets the save go on; cancelling stops the save, since the server could never run it.
 */
export function SaveUploadDialog({
  reads,
  onUploaded,
  onCancel,
}: {
  reads: LocalRead[];
  onUploaded(): void;
  onCancel(): void;
}) {
  const t = useDocT();
  const lt = useLibT();
  const { store, files } = useServices();
  const paths = [...new Set(reads.map((r) => r.path))];
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const upload = async () => {
    setBusy(true);
    setError(undefined);
    for (const path of paths) {
      const stored = await files.find(path);
      if (!stored) {
        setError(t('upload.missing', { file: path }));
        setBusy(false);
        return;
      }
      const name = path.split('/').pop() ?? path;
      const file = stored.blob instanceof File ? stored.blob : new File([stored.blob], name);
      try {
        const dataset = await uploadDataset(file, getCsrf(), (f) => setProgress((p) => ({ ...p, [path]: f })));
        setProgress((p) => ({ ...p, [path]: 1 }));
        for (const r of reads.filter((x) => x.path === path)) {
          store.getState().dispatch('update-params', { id: r.nodeId, set: { path: undefined, datasetId: dataset.id } });
        }
      } catch (e) {
        setError(t('upload.failed', { file: name, message: errorText(lt, e) }));
        setBusy(false);
        return;
      }
    }
    onUploaded();
  };

  return (
    <Dialog title={t('upload.title')} testId="save-upload-dialog">
      <p>{t('upload.intro')}</p>
      <ul className="lib-upload-list">
        {paths.map((path) => (
          <li key={path}>
            <span className="lib-upload-name">{path}</span>
            <progress
              className="lib-progress"
              value={progress[path] ?? 0}
              max={1}
              aria-label={path}
              data-testid="save-upload-progress"
            />
          </li>
        ))}
      </ul>
      <p className="lib-muted">{t('upload.private')}</p>
      {error && (
        <p className="lib-error" role="alert">
          {error}
        </p>
      )}
      <div className="lib-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void upload()}
          data-testid="save-upload-confirm"
        >
          {t('upload.confirm')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel} data-testid="save-upload-cancel">
          {t('upload.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
