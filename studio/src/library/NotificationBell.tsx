import { useEffect, useState } from 'react';
import type { Lang } from '../i18n/lang-store.ts';
import { useLang } from '../i18n/useLang.ts';
import { requestNotice } from '../portal/notice.ts';
import { api, data, type Notification, type NotificationList } from './api.ts';
import { go } from './route.ts';
import { when } from './run-format.ts';
import type { RunsT } from './runs-text.ts';
import { useLoad } from './useLoad.ts';
import { useRunsT } from './useRunsT.ts';
import './runs.css';

const POLL_MS = 30_000;

const wording = (t: RunsT, n: Notification, lang: Lang) => {
  if (n.kind === 'request') return requestNotice(n.data, lang);
  const d = n.data as { name?: string; error?: string | null; rows?: number | null };
  return t(n.kind === 'run_failed' ? 'bell.run_failed' : 'bell.watch_rows', {
    name: d.name,
    error: d.error,
    node: n.nodeId,
    rows: d.rows,
  });
};

/** The header's bell: unread count, the latest alerts, each opening its run history. */
export function NotificationBell() {
  const t = useRunsT();
  const [lang] = useLang();
  const [open, setOpen] = useState(false);
  const list = useLoad(() => data<NotificationList>(api.notifications.$get({ query: { limit: '20' } })), 'bell');
  useEffect(() => {
    const timer = setInterval(list.reload, POLL_MS);
    return () => clearInterval(timer);
  }, [list.reload]);
  const unread = list.value?.unread ?? 0;
  const follow = async (n: Notification) => {
    if (!n.readAt) await data(api.notifications[':id'].read.$post({ param: { id: n.id } }));
    setOpen(false);
    list.reload();
    const requestId = (n.data as { requestId?: unknown }).requestId;
    if (n.kind === 'request' && typeof requestId === 'string') go(`#/requests/${requestId}`);
    else if (n.pipelineId) go(n.scheduleId ? `#/runs/${n.pipelineId}/${n.scheduleId}` : `#/runs/${n.pipelineId}`);
  };
  const readAll = async () => {
    await data(api.notifications['read-all'].$post());
    list.reload();
  };
  return (
    <div className="bell">
      <button
        type="button"
        className="bell-button"
        title={t('bell.title')}
        aria-label={t('bell.title')}
        onClick={() => {
          setOpen(!open);
          list.reload();
        }}
        data-testid="bell"
      >
        <svg
          width="16"
          height="16"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell-panel" data-testid="bell-panel">
          <div className="lib-row">
            <b>{t('bell.title')}</b>
            <span className="lib-grow" />
            <button type="button" onClick={() => void readAll()} disabled={unread === 0}>
              {t('bell.readAll')}
            </button>
          </div>
          {list.value?.items.length === 0 && <p className="lib-muted">{t('bell.none')}</p>}
          <ul>
            {list.value?.items.map((n) => (
              <li key={n.id} className={n.readAt ? '' : 'bell-unread'} data-kind={n.kind}>
                <button type="button" className="lib-link" onClick={() => void follow(n)}>
                  {wording(t, n, lang)}
                </button>
                <div className="lib-muted">{when(n.createdAt)}</div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
