import { useStudio } from '../app/useStudio.ts';
import { formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';

/** One bar per file being read: bytes where they are known, an indeterminate bar while DuckDB reads. */
export function LoadProgress() {
  const loads = useStudio((s) => s.loads);
  const t = useT();
  const [lang] = useLang();
  const list = Object.values(loads);
  if (list.length === 0) return null;
  return (
    <ul className="loads" data-testid="loads">
      {list.map((l) => {
        const measured = l.phase === 'transcoding' || l.phase === 'reading';
        return (
          <li key={l.name} className={`load load-${l.phase}`}>
            <span className="load-name" title={l.name}>
              {l.name}
            </span>
            <span className="muted small">
              {t(`load.${l.phase}` as const)} · {formatNumber(Math.ceil(l.total / 1024), lang)} KB
            </span>
            {l.phase !== 'done' && l.phase !== 'error' && (
              <progress max={measured ? l.total : undefined} value={measured ? l.done : undefined} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
