import { api, data, type PipelineList, type ScheduleList } from './api.ts';
import { SchedulesList } from './SchedulesList.tsx';
import { useLoad } from './useLoad.ts';
import { useRunsT } from './useRunsT.ts';
import './runs.css';

/** My schedules over all pipelines; each links to its history. */
export function SchedulesPage() {
  const t = useRunsT();
  const schedules = useLoad(() => data<ScheduleList>(api.schedules.$get({ query: {} })), 'mine');
  const pipelines = useLoad(
    () => data<PipelineList>(api.pipelines.$get({ query: { owner: 'me', limit: '100' } })),
    'pipelines',
  );
  const names = new Map(pipelines.value?.items.map((p) => [p.id, p.name]) ?? []);
  return (
    <section className="lib-page" data-testid="schedules-page">
      <div className="lib-row">
        <h2>{t('nav.schedules')}</h2>
      </div>
      {schedules.error && <p className="lib-error">{schedules.error}</p>}
      <SchedulesList
        schedules={schedules.value?.items ?? []}
        onRan={schedules.reload}
        showPipeline={(id) => names.get(id) ?? ''}
      />
      <p className="lib-muted">
        {pipelines.value?.items.map((p) => (
          <a key={p.id} href={`#/runs/${p.id}`} className="run-pipeline-link">
            {p.name}
          </a>
        ))}
      </p>
    </section>
  );
}
