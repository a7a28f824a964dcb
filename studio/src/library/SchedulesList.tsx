import { useLang } from '../i18n/useLang.ts';
import { api, data, type Schedule } from './api.ts';
import { go } from './route.ts';
import { inWords } from './schedule-cron.ts';
import { useRunsT } from './useRunsT.ts';

/** Schedules with their next run, and buttons: history, run now, edit. */
export function SchedulesList(props: {
  schedules: Schedule[];
  selected?: string;
  onEdit?: (s: Schedule) => void;
  onRan: () => void;
  showPipeline?: (pipelineId: string) => string;
}) {
  const t = useRunsT();
  const [lang] = useLang();
  const runNow = async (id: string) => {
    await data(api.schedules[':id'].run.$post({ param: { id } }));
    props.onRan();
  };
  if (props.schedules.length === 0) return <p className="lib-muted">{t('runs.noSchedules')}</p>;
  return (
    <table className="lib-table" data-testid="schedules-table">
      <tbody>
        {props.schedules.map((s) => (
          <tr key={s.id} data-schedule={s.name || s.id} className={props.selected === s.id ? 'run-selected' : ''}>
            <td>
              <b>{s.name || s.cron}</b>
              {props.showPipeline && <div className="lib-muted">{props.showPipeline(s.pipelineId)}</div>}
            </td>
            <td>
              <code>{s.cron}</code> <span className="lib-muted">{s.timeZone}</span>
            </td>
            <td>
              {s.enabled ? (
                <>
                  {t('runs.next')}: {s.nextRunAt ? inWords(s.nextRunAt, s.timeZone, lang) : '–'}
                </>
              ) : (
                <span className="run-badge run-cancelled">{t('runs.paused')}</span>
              )}
            </td>
            <td className="lib-actions">
              <button type="button" onClick={() => go(`#/runs/${s.pipelineId}/${s.id}`)}>
                {t('runs.history')}
              </button>
              <button type="button" className="primary" onClick={() => void runNow(s.id)} data-testid="run-now">
                {t('runs.runNow')}
              </button>
              {props.onEdit && (
                <button type="button" onClick={() => props.onEdit?.(s)} data-testid="edit-schedule">
                  {t('runs.edit')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
