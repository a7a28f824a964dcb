import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { useT } from '../i18n/useT.ts';

/** Undo and redo as two icon buttons (named in their tooltips and for screen readers): the header is one line. */
export function UndoRedo() {
  const { store } = useServices();
  const t = useT();
  const canUndo = useStudio((s) => s.history.past.length > 0);
  const canRedo = useStudio((s) => s.history.future.length > 0);
  return (
    <div className="button-group">
      <button
        type="button"
        disabled={!canUndo}
        onClick={() => store.getState().undo()}
        title={`${t('history.undo')} (Ctrl+Z)`}
        aria-label={t('history.undo')}
        className="icon-button"
      >
        ↶
      </button>
      <button
        type="button"
        disabled={!canRedo}
        onClick={() => store.getState().redo()}
        title={`${t('history.redo')} (Ctrl+Shift+Z)`}
        aria-label={t('history.redo')}
        className="icon-button"
      >
        ↷
      </button>
    </div>
  );
}
