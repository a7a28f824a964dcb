import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { formatMs } from '../i18n/translate.ts';
import { useT } from '../i18n/useT.ts';

/** Auto-run switch, run now / cancel, and how the last run went. */
export function RunControls() {
  const { store, runs } = useServices();
  const t = useT();
  const autoRun = useStudio((s) => s.autoRun);
  const run = useStudio((s) => s.run);
  return (
    <div className="run-controls" data-testid="run-controls">
      <label className="switch">
        <input type="checkbox" checked={autoRun} onChange={(e) => store.getState().setAutoRun(e.target.checked)} />
        {t('run.auto')}
      </label>
      {run.active ? (
        <>
          <span className="run-progress">{t('run.running', { done: run.done, total: run.total })}</span>
          <button type="button" onClick={() => runs.cancel()}>
            {t('run.cancel')}
          </button>
        </>
      ) : (
        <>
          <button type="button" onClick={() => runs.runNow()}>
            ▶ {t('run.now')}
          </button>
          {run.ms !== undefined && <span className="muted">{t('run.finished', { ms: formatMs(run.ms) })}</span>}
        </>
      )}
    </div>
  );
}
