import { useT } from '../i18n/useT.ts';
import { useView } from './useView.ts';

/** 캔버스 | 노트북 in the header. */
export function ViewToggle() {
  const t = useT();
  const [view, setView] = useView();
  return (
    <div className="view-toggle" role="tablist">
      {(['canvas', 'notebook'] as const).map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          aria-selected={view === v}
          className={view === v ? 'on' : ''}
          data-testid={`view-${v}`}
          onClick={() => setView(v)}
        >
          {t(`view.${v}`)}
        </button>
      ))}
    </div>
  );
}
