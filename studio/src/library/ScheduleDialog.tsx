import { useState } from 'react';
import { useLang } from '../i18n/useLang.ts';
import { api, data, type Pipeline, type Schedule, type SchedulePreview } from './api.ts';
import { Dialog } from './Dialog.tsx';
import { ParamInputs } from './ParamInputs.tsx';
import { checkParams, type DeclaredParam, definedValues, initialValues, type ParamValue } from './param-values.ts';
import { DEFAULT_TIMING, fromCron, inWords, type Timing, toCron } from './schedule-cron.ts';
import { TimingFields } from './TimingFields.tsx';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';
import { useLoad } from './useLoad.ts';
import { useRunsT } from './useRunsT.ts';

/** Create or change a schedule: friendly timing or raw cron, zone, parameters, version, alerts. */
export function ScheduleDialog(props: {
  pipeline: Pipeline;
  schedule?: Schedule;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { pipeline, schedule } = props;
  const t = useRunsT();
  const lt = useLibT();
  const [lang] = useLang();
  const doc = pipeline.doc as { parameters?: DeclaredParam[]; nodes?: { id: string }[] };
  const declared = doc.parameters ?? [];
  const [name, setName] = useState(schedule?.name ?? '');
  const [timing, setTiming] = useState<Timing>(schedule ? fromCron(schedule.cron) : DEFAULT_TIMING);
  const [timeZone, setTimeZone] = useState(schedule?.timeZone ?? 'Asia/Seoul');
  const [params, setParams] = useState<Record<string, ParamValue | undefined>>(() =>
    initialValues(declared, schedule?.params as Record<string, unknown> | undefined),
  );
  const [paramErrors, setParamErrors] = useState<Record<string, string>>({});
  const [version, setVersion] = useState<number | null>(schedule?.version ?? null);
  const [enabled, setEnabled] = useState(schedule?.enabled ?? true);
  const [alertOnFailure, setAlert] = useState(schedule?.alertOnFailure ?? true);
  const [watchNodeId, setWatch] = useState<string | null>(schedule?.watchNodeId ?? null);
  const [webhookUrl, setWebhook] = useState(schedule?.webhookUrl ?? '');
  const [error, setError] = useState<string>();
  const cron = toCron(timing);
  const preview = useLoad(
    () => data<SchedulePreview>(api.schedules.preview.$get({ query: { cron, tz: timeZone } })),
    `${cron}|${timeZone}`,
  );

  const save = async () => {
    // Checked here, in words, before the server could refuse it with a field path.
    const wrong = checkParams(declared, params, lang);
    setParamErrors(wrong);
    if (Object.keys(wrong).length > 0) return;
    const body = {
      name,
      cron,
      timeZone,
      params: definedValues(params),
      version,
      enabled,
      alertOnFailure,
      watchNodeId,
      webhookUrl: webhookUrl.trim() || null,
    };
    try {
      if (schedule) await data(api.schedules[':id'].$patch({ param: { id: schedule.id }, json: body }));
      else await data(api.schedules.$post({ json: { ...body, pipelineId: pipeline.id } }));
      props.onSaved();
    } catch (e) {
      setError(errorText(lt, e));
    }
  };
  const remove = async () => {
    if (!schedule) return;
    await data(api.schedules[':id'].$delete({ param: { id: schedule.id } }));
    props.onSaved();
  };

  return (
    <Dialog title={t('sched.title')} testId="schedule-dialog">
      <div className="sched-form">
        <label className="lib-field">
          {t('sched.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} name="name" />
        </label>
        <TimingFields timing={timing} onChange={setTiming} timeZone={timeZone} onZone={setTimeZone} />
        <div className="sched-next" data-testid="schedule-next">
          <b>{t('sched.nextFive')}</b> <code>{cron}</code>
          {preview.error && <p className="lib-error">{preview.error}</p>}
          <ol>
            {preview.value?.next.map((iso) => (
              <li key={iso}>{inWords(iso, preview.value!.timeZone, lang)}</li>
            ))}
          </ol>
        </div>
        {declared.length > 0 && (
          <fieldset>
            <legend>{t('sched.params')}</legend>
            <ParamInputs
              declared={declared}
              values={params}
              errors={paramErrors}
              onChange={(name, value) => setParams((x) => ({ ...x, [name]: value }))}
            />
          </fieldset>
        )}
        <label className="lib-field">
          {t('sched.version')}
          <select
            name="version"
            value={version ?? ''}
            onChange={(e) => setVersion(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t('sched.latest')}</option>
            {Array.from({ length: pipeline.latestVersion }, (_, i) => pipeline.latestVersion - i).map((v) => (
              <option key={v} value={v}>
                v{v}
              </option>
            ))}
          </select>
        </label>
        <label className="lib-field">
          {t('sched.watch')}
          <select name="watch" value={watchNodeId ?? ''} onChange={(e) => setWatch(e.target.value || null)}>
            <option value="">{t('sched.watchNone')}</option>
            {(doc.nodes ?? []).map((n) => (
              <option key={n.id}>{n.id}</option>
            ))}
          </select>
        </label>
        <label className="lib-field">
          {t('sched.webhook')}
          <input
            name="webhook"
            value={webhookUrl}
            onChange={(e) => setWebhook(e.target.value)}
            placeholder="https://"
          />
        </label>
        <label>
          <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
          {t('sched.enabled')}
        </label>
        <label>
          <input type="checkbox" checked={alertOnFailure} onChange={(e) => setAlert(e.target.checked)} />{' '}
          {t('sched.alertOnFailure')}
        </label>
        {error && <p className="lib-error">{error}</p>}
        <div className="lib-row">
          {schedule && (
            <button type="button" onClick={() => void remove()}>
              {t('sched.delete')}
            </button>
          )}
          <span className="lib-grow" />
          <button type="button" onClick={props.onClose}>
            {lt('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void save()} data-testid="schedule-save">
            {t('sched.save')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
