import { useState } from 'react';
import { api, data, type PopularSearches, type Ranking } from './api.ts';
import { RankChange } from './RankChange.tsx';
import { useLibT } from './useLibT.ts';
import { useLoad } from './useLoad.ts';

type Period = 'week' | 'month' | 'all';
const PERIODS = ['week', 'month', 'all'] as const;

/** The ranking (weekly / monthly / all time) with rank changes, and the popular searches beside it. */
export function RankingPage() {
  const t = useLibT();
  const [period, setPeriod] = useState<Period>('week');
  const ranking = useLoad(() => data<Ranking>(api.templates.ranking.$get({ query: { period, limit: '50' } })), period);
  const searches = useLoad(
    () => data<PopularSearches>(api.templates.searches.popular.$get({ query: { period, limit: '10' } })),
    period,
  );
  return (
    <section className="lib-page" data-testid="ranking-page">
      <div className="lib-row">
        <h2>{t('ranking.title')}</h2>
        <span className="lib-grow" />
        <div className="lib-tabs" role="tablist">
          {PERIODS.map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              aria-selected={p === period}
              className={p === period ? 'active' : ''}
              onClick={() => setPeriod(p)}
            >
              {t(`ranking.${p}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="lib-columns">
        <div className="lib-card">
          {ranking.error && <p className="lib-error">{ranking.error}</p>}
          <ol className="lib-ranking">
            {ranking.value?.items.map((r) => (
              <li key={r.templateId} data-rank={r.rank}>
                <span className="lib-rank">{r.rank}</span>
                <RankChange change={r.change} />
                <a href={`#/templates/${r.templateId}`}>{r.template.title}</a>
                {r.template.excellent && <span className="lib-badge">{t('templates.excellent')}</span>}
                <span className="lib-grow" />
                <span
                  className="lib-muted"
                  title={`uses ${r.components.uses} · copies ${r.components.copies} · users ${r.components.users} · runs ${r.components.runs} · ★${r.components.rating.toFixed(2)} (${r.components.ratingCount})`}
                >
                  {t('ranking.score')} {r.score.toFixed(1)}
                </span>
              </li>
            ))}
          </ol>
          {ranking.value?.items.length === 0 && <p className="lib-muted">{t('common.empty')}</p>}
        </div>
        <div className="lib-card lib-searches">
          <h3>{t('ranking.popular')}</h3>
          <ol className="lib-ranking">
            {searches.value?.items.map((s) => (
              <li key={s.term}>
                <span className="lib-rank">{s.rank}</span>
                <RankChange change={s.change} />
                <span>{s.term}</span>
                <span className="lib-grow" />
                <span className="lib-muted">{s.count}</span>
              </li>
            ))}
          </ol>
          {searches.value?.items.length === 0 && <p className="lib-muted">{t('common.empty')}</p>}
        </div>
      </div>
    </section>
  );
}
