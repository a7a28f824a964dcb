import { useState } from 'react';
import { go } from '../library/route.ts';
import { errorText } from '../library/text.ts';
import { useLibT } from '../library/useLibT.ts';
import { useLoad } from '../library/useLoad.ts';
import { createDashboard, type DashboardList, listDashboards } from './api.ts';
import { useDashT } from './text.ts';
import './dashboard.css';

type Summary = DashboardList['items'][number];

function DashboardLinks({ items, testId }: { items: Summary[]; testId: string }) {
  const t = useDashT();
  if (items.length === 0) return <p className="lib-muted">{t('list.empty')}</p>;
  return (
    <ul className="dash-list" data-testid={testId}>
      {items.map((d) => (
        <li key={d.id}>
          <a href={`#/dashboards/${d.id}`}>{d.title}</a>{' '}
          <span className="lib-muted">
            {d.owner.displayName} · {t(`vis.${d.visibility}`)} · {d.layout.length}
            {t('list.items')}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** All dashboards you may see, yours first, and a form to start a new one. */
export function DashboardsPage() {
  const t = useDashT();
  const lt = useLibT();
  const { value, error } = useLoad(() => listDashboards(false), 'all');
  const [title, setTitle] = useState('');
  const [failed, setFailed] = useState<string>();
  const create = async () => {
    try {
      const d = await createDashboard(title.trim());
      go(`#/dashboards/${d.id}`);
    } catch (e) {
      setFailed(errorText(lt, e));
    }
  };
  const items = value?.items ?? [];
  return (
    <div className="dash-page">
      <h2>{t('list.title')}</h2>
      <form
        className="lib-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) void create();
        }}
      >
        <input
          placeholder={t('list.newTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="dash-new-title"
        />
        <button type="submit" className="primary" disabled={!title.trim()} data-testid="dash-create">
          {t('list.new')}
        </button>
      </form>
      {(error || failed) && <p className="lib-error">{error ?? failed}</p>}
      <h3>{t('list.mine')}</h3>
      <DashboardLinks items={items.filter((d) => d.canEdit)} testId="dash-mine" />
      <h3>{t('list.shared')}</h3>
      <DashboardLinks items={items.filter((d) => !d.canEdit)} testId="dash-shared" />
    </div>
  );
}

/** "내 대시보드" on the library's home page: your own dashboards, one click away. */
export function MyDashboards() {
  const t = useDashT();
  const { value } = useLoad(() => listDashboards(true), 'mine');
  return (
    <section className="lib-card dash-home" data-testid="my-dashboards">
      <div className="lib-row">
        <h3>{t('list.mine')}</h3>
        <span className="lib-grow" />
        <a href="#/dashboards">{t('list.all')}</a>
      </div>
      {value && <DashboardLinks items={value.items.slice(0, 8)} testId="dash-home-list" />}
    </section>
  );
}
