import { useState } from 'react';
import { nodeDefinitions } from '../../../nodes/index.ts';
import { useLang } from '../i18n/useLang.ts';
import { api, data, type TemplateList } from '../library/api.ts';
import { titleIn } from '../library/bilingual.ts';
import { RankChange } from '../library/RankChange.tsx';
import { go } from '../library/route.ts';
import { useLoad } from '../library/useLoad.ts';
import type { Home } from './api.ts';
import { useOpener } from './open.ts';
import { RequestState } from './RequestState.tsx';
import { type PortalKey, type PortalT, usePortalT } from './text.ts';
import './portal.css';

type Period = 'week' | 'month';

const number = (n: number, lang: string) => n.toLocaleString(lang === 'en' ? 'en-US' : 'ko-KR');

function Counter({ k, value, change, testId }: { k: PortalKey; value: number; change: number; testId: string }) {
  const t = usePortalT();
  const [lang] = useLang();
  return (
    <div className="home-counter" data-testid={testId}>
      <div className="home-counter-label">{t(k)}</div>
      <div className="home-counter-value">{number(value, lang)}</div>
      <div className={`home-counter-change ${change > 0 ? 'up' : change < 0 ? 'down' : 'same'}`}>
        {t('counter.sinceYesterday')}{' '}
        {change > 0 ? `▲${number(change, lang)}` : change < 0 ? `▼${number(-change, lang)}` : '–'}
      </div>
    </div>
  );
}

function Card({
  title,
  children,
  testId,
  more,
}: {
  title: string;
  children: React.ReactNode;
  testId: string;
  more?: string;
}) {
  const t = usePortalT();
  return (
    <section className="lib-card home-card" data-testid={testId}>
      <div className="lib-row">
        <h3>{title}</h3>
        <span className="lib-grow" />
        {more && <a href={more}>{t('home.more')}</a>}
      </div>
      {children}
    </section>
  );
}

const Empty = ({ t }: { t: PortalT }) => <p className="lib-muted">{t('home.empty')}</p>;

/** Quick starts: a new document holding one step of the kind chosen, opened in the editor. */
function QuickStarts() {
  const t = usePortalT();
  const [lang] = useLang();
  const open = useOpener();
  const models = nodeDefinitions.filter((d) => d.category === 'model');
  const start = (type: string) => () => void open('node', type);
  return (
    <section className="lib-card home-quick" data-testid="home-quick">
      <h3>{t('home.quick')}</h3>
      <div className="home-quick-row">
        <button type="button" onClick={start('prep.filter')}>
          {t('home.quick.prep')}
        </button>
        <button type="button" onClick={start('sql')}>
          {t('home.quick.sql')}
        </button>
        <button type="button" onClick={start('code.js')}>
          {t('home.quick.code')}
        </button>
      </div>
      <div className="home-quick-models">
        <span className="lib-muted">{t('home.quick.models')}</span>
        {models.map((m) => (
          <button type="button" key={m.type} className="home-chip" onClick={start(m.type)} title={m.description[lang]}>
            {m.label[lang]}
          </button>
        ))}
      </div>
    </section>
  );
}

/** The first page after signing in: the portal's figures and rankings, the officer's own work, quick starts. */
export function HomePage() {
  const t = usePortalT();
  const [lang] = useLang();
  const [period, setPeriod] = useState<Period>('week');
  const home = useLoad(() => data<Home>(api.home.$get({ query: { period } })), `home/${period}`);
  // Before anything is ranked (a new installation), the gallery's most used templates stand in.
  const gallery = useLoad(
    () => data<TemplateList>(api.templates.$get({ query: { sort: 'uses', limit: '5' } })),
    'home/gallery',
  );
  const open = useOpener();
  const h = home.value;
  return (
    <section className="lib-page home" data-testid="home-page">
      <div className="lib-row">
        <h2>{t('home.title')}</h2>
        <span className="lib-grow" />
        <select value={period} onChange={(e) => setPeriod(e.target.value as Period)} aria-label={t('home.period.week')}>
          <option value="week">{t('home.period.week')}</option>
          <option value="month">{t('home.period.month')}</option>
        </select>
        <button type="button" className="primary" onClick={() => go('#/editor')} data-testid="home-open-editor">
          {t('home.openEditor')}
        </button>
      </div>
      {home.error && <p className="lib-error">{home.error}</p>}
      {h && (
        <>
          <div className="home-counters">
            <Counter k="counter.datasets" testId="counter-datasets" {...h.counters.datasets} />
            <Counter k="counter.rows" testId="counter-rows" {...h.counters.rows} />
            <Counter k="counter.pipelines" testId="counter-pipelines" {...h.counters.pipelines} />
            <Counter k="counter.runsToday" testId="counter-runs-today" {...h.counters.scheduledRunsToday} />
          </div>
          <QuickStarts />
          <div className="home-grid">
            <Card
              title={t(h.excellent.length > 0 ? 'home.excellent' : 'home.gallery')}
              testId="home-excellent"
              more={h.excellent.length > 0 ? '#/ranking' : '#/templates'}
            >
              {h.excellent.length > 0 ? (
                <ol className="home-list">
                  {h.excellent.map((e) => (
                    <li key={e.templateId}>
                      <span className="home-rank">{e.rank}</span>
                      <a href={`#/templates/${e.templateId}`} data-template-link={e.templateId}>
                        {titleIn(e.template.title, lang)}
                      </a>
                      <RankChange change={e.change} />
                    </li>
                  ))}
                </ol>
              ) : gallery.value && gallery.value.items.length > 0 ? (
                <ol className="home-list">
                  {gallery.value.items.map((g) => (
                    <li key={g.id}>
                      <a href={`#/templates/${g.id}`} data-template-link={g.id} title={g.title}>
                        {titleIn(g.title, lang)}
                      </a>
                    </li>
                  ))}
                </ol>
              ) : (
                <Empty t={t} />
              )}
            </Card>
            <Card title={t('home.services')} testId="home-services">
              {h.services.length > 0 ? (
                <ol className="home-list">
                  {h.services.map((s) => (
                    <li key={s.type}>
                      <span className="home-rank">{s.rank}</span>
                      <span className="lib-grow">{s.label[lang]}</span>
                      <span className="lib-muted">{t('home.services.runs', { n: s.runs, p: s.pipelines })}</span>
                      <RankChange change={s.change} />
                    </li>
                  ))}
                </ol>
              ) : (
                <Empty t={t} />
              )}
            </Card>
            <Card title={t('home.offices')} testId="home-offices">
              {h.offices.length > 0 ? (
                <table className="lib-table home-table">
                  <thead>
                    <tr>
                      <th />
                      <th>{t('req.department')}</th>
                      <th>{t('home.offices.users')}</th>
                      <th>{t('home.offices.runs')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {h.offices.map((o) => (
                      <tr key={o.department}>
                        <td>{o.rank}</td>
                        <td>{o.department}</td>
                        <td>{number(o.activeUsers, lang)}</td>
                        <td>{number(o.runs, lang)}</td>
                        <td>
                          <RankChange change={o.change} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <Empty t={t} />
              )}
            </Card>
            <Card title={t('home.popular')} testId="home-popular">
              {h.popular.length > 0 ? (
                <ol className="home-list">
                  {h.popular.map((p) => (
                    <li key={p.term}>
                      <span className="home-rank">{p.rank}</span>
                      <a href={`#/search/${encodeURIComponent(p.term)}`}>{p.term}</a>
                      <RankChange change={p.change} />
                    </li>
                  ))}
                </ol>
              ) : (
                <Empty t={t} />
              )}
            </Card>
            <Card title={t('home.myDashboards')} testId="home-dashboards" more="#/dashboards">
              {h.dashboards.length > 0 ? (
                <ul className="home-list">
                  {h.dashboards.map((d) => (
                    <li key={d.id}>
                      <a href={`#/dashboards/${d.id}`}>{d.title}</a>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty t={t} />
              )}
            </Card>
            <Card title={t('home.recent')} testId="home-recent" more="#/pipelines">
              {h.recent.length > 0 ? (
                <ul className="home-list">
                  {h.recent.map((r) => (
                    <li key={`${r.kind}/${r.id}`}>
                      <button type="button" className="link" onClick={() => void open('pipeline', r.pipelineId)}>
                        {r.title}
                      </button>
                      <span className="lib-muted">{r.kind === 'run' ? t('home.recent.run') : r.detail}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty t={t} />
              )}
            </Card>
            <Card title={t('home.myRequests')} testId="home-requests" more="#/requests">
              {h.requests.length > 0 ? (
                <ul className="home-list">
                  {h.requests.map((r) => (
                    <li key={r.id}>
                      <a href={`#/requests/${r.id}`}>{r.title}</a>
                      <RequestState state={r.state} />
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty t={t} />
              )}
            </Card>
          </div>
        </>
      )}
    </section>
  );
}
