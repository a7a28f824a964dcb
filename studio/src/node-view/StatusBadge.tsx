import './node-view.css';
import { useStudio } from '../app/useStudio.ts';
import { formatMs, formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';

/** A node's state as a node card will show it: stale, running (with progress), rows, error, … */
export function StatusBadge({ id }: { id: string }) {
  const run = useStudio((s) => s.nodeRuns[id]);
  const t = useT();
  const [lang] = useLang();
  if (!run) return null;
  let text: string;
  if (run.state === 'done') {
    text =
      run.rows === null || run.rows === undefined
        ? t('status.fused')
        : `${t('status.done', { rows: formatNumber(run.rows, lang) })} · ${formatMs(run.ms ?? 0)}${run.cached ? ` · ${t('status.cached')}` : ''}`;
  } else if (run.state === 'running' && run.progress !== undefined) {
    text = `${t('status.running')} ${Math.round(run.progress * 100)}%`;
  } else {
    text = t(`status.${run.state}` as const);
  }
  return (
    <span
      className={`badge badge-${run.state}`}
      data-testid={`status-${id}`}
      data-state={run.state}
      title={run.message}
    >
      {run.state === 'running' && <span className="spinner" aria-hidden="true" />}
      {text}
    </span>
  );
}
