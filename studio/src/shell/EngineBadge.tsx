import { useStudio } from '../app/useStudio.ts';
import { useT } from '../i18n/useT.ts';

/** Whether DuckDB-WASM is warming up (from page load), ready (its version in the tooltip) or failed. */
export function EngineBadge() {
  const t = useT();
  const engine = useStudio((s) => s.engine);
  switch (engine.state) {
    case 'off':
      return <span className="engine engine-off">{t('engine.off')}</span>;
    case 'loading':
      return (
        <span className="engine engine-loading" role="status" data-testid="engine-loading">
          <span className="spinner" aria-hidden="true" />
          {t('engine.loading')}
        </span>
      );
    case 'ready':
      return (
        <span
          className="engine engine-ready"
          data-testid="engine-ready"
          title={t('engine.ready', { version: engine.version })}
        >
          DuckDB
        </span>
      );
    case 'error':
      return <span className="engine engine-error">{t('engine.error', { message: engine.message })}</span>;
  }
}
