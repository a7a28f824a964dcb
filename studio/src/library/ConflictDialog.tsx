import type { SaveConflict } from './api.ts';
import { Dialog } from './Dialog.tsx';
import { useLibT } from './useLibT.ts';

interface Props {
  conflict: SaveConflict;
  onReload(): void;
  onOverwrite(): void;
  onCopy(): void;
  onCancel(): void;
}

/** A stale save: reload the latest, overwrite it (save with the latest as base) or save as a copy. */
export function ConflictDialog({ conflict, onReload, onOverwrite, onCopy, onCancel }: Props) {
  const t = useLibT();
  return (
    <Dialog title={t('conflict.title')} testId="conflict-dialog">
      <p>{t('conflict.body', { latest: conflict.latest.version, base: conflict.yours.baseVersion })}</p>
      <p className="lib-muted">
        v{conflict.latest.version} · {conflict.latest.author.displayName} · {conflict.latest.createdAt.slice(0, 19)}
      </p>
      <div className="lib-actions">
        <button type="button" onClick={onReload} data-testid="conflict-reload">
          {t('conflict.reload')}
        </button>
        <button type="button" onClick={onOverwrite} data-testid="conflict-overwrite">
          {t('conflict.overwrite')}
        </button>
        <button type="button" className="primary" onClick={onCopy} data-testid="conflict-copy">
          {t('conflict.copy')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
