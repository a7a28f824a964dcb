import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { useT } from '../i18n/useT.ts';

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
      >
        ↶ {t('history.undo')}
      </button>
      <button
        type="button"
        disabled={!canRedo}
        onClick={() => store.getState().redo()}
        title={`${t('history.redo')} (Ctrl+Shift+Z)`}
      >
        ↷ {t('history.redo')}
      </button>
    </div>
  );
}
