import { useEffect, useState } from 'react';
import { api, data, type Pipeline, type RunList, type Schedule, type ScheduleList } from './api.ts';
import { RunsTable } from './RunsTable.tsx';
import { go } from './route.ts';
import { isActive } from './run-format.ts';
import { ScheduleDialog } from './ScheduleDialog.tsx';
import { SchedulesList } from './SchedulesList.tsx';
import { useLoad } from './useLoad.ts';
import { useRunsT } from './useRunsT.ts';
import './runs.css';

/** A pipeline's schedules and run history; with `scheduleId`, only that schedule's runs. */
export function RunsPage({ pipelineId, scheduleId }: { pipelineId: string; scheduleId?: string }) {
  const t = useRunsT();
  const [editing, setEditing] = useState<Schedule | 'new'>();
  const pipeline = useLoad(() => data<Pipeline>(api.pipelines[':id'].$get({ param: { id: pipelineId } })), pipelineId);
  const schedules = useLoad(
    () => data<ScheduleList>(api.schedules.$get({ query: { pipelineId } })),
    `schedules:${pipelineId}`,
  );
  const query = scheduleId ? { scheduleId, limit: '100' } : { pipelineId, limit: '100' };
  const runs = useLoad(() => data<RunList>(api.runs.$get({ query })), JSON.stringify(query));
  const active = runs.value?.items.some(isActive) ?? false;
  useEffect(() => {
    if (!active) return;
    // a queued or running run changes on the server: look again until none is left
    const timer = setInterval(runs.reload, 2000);
    return () => clearInterval(timer);
  }, [active, runs.reload]);
  const reloadAll = () => {
    schedules.reload();
    runs.reload();
  };
  const current = schedules.value?.items.find((s) => s.id === scheduleId);

  return (
    <section className="lib-page" data-testid="runs-page">
      <div className="lib-row">
        <h2>
          {t('runs.title')}: {pipeline.value?.name}
          {current && ` › ${current.name || current.cron}`}
        </h2>
        <span className="lib-grow" />
        {scheduleId && (
          <button type="button" onClick={() => go(`#/runs/${pipelineId}`)}>
            {t('runs.allRuns')}
          </button>
        )}
        <button type="button" onClick={reloadAll}>
          {t('runs.refresh')}
        </button>
        <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="new-schedule">
          {t('runs.newSchedule')}
        </button>
      </div>
      {(pipeline.error ?? schedules.error ?? runs.error) && (
        <p className="lib-error">{pipeline.error ?? schedules.error ?? runs.error}</p>
      )}
      <h3>{t('runs.schedules')}</h3>
      <SchedulesList
        schedules={schedules.value?.items ?? []}
        selected={scheduleId}
        onEdit={setEditing}
        onRan={reloadAll}
      />
      <h3>{t('runs.title')}</h3>
      <RunsTable runs={runs.value?.items ?? []} onChange={runs.reload} />
      {editing && pipeline.value && (
        <ScheduleDialog
          pipeline={pipeline.value}
          schedule={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            reloadAll();
          }}
        />
      )}
    </section>
  );
}
