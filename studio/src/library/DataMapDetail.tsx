import { useState } from 'react';
import { STAGES } from '../../../nodes/model/_clearance-stages.ts';
import type { MessageKey } from '../i18n/ko.ts';
import { useT } from '../i18n/useT.ts';
import { api, data } from './api.ts';
import type { FieldEntry, MapEntry, StageId } from './datamap-model.ts';
import { errorText } from './text.ts';
import { useLibT } from './useLibT.ts';

/** One dataset of the data map: stage (editable by its owner or an admin), schema with field definitions, lineage. */
export function DataMapDetail({
  d,
  dictionary,
  onSaved,
}: {
  d: MapEntry;
  dictionary: FieldEntry[];
  onSaved: () => void;
}) {
  const t = useT();
  const lt = useLibT();
  const fields = new Map(dictionary.map((f) => [f.no, f]));
  const [stage, setStage] = useState<StageId | ''>(d.stageGuessed ? '' : d.stage);
  const [refresh, setRefresh] = useState(d.refresh);
  const [status, setStatus] = useState<string>();
  const stageName = (s: StageId) => t(`datamap.stage.${s}` as MessageKey);

  const save = async () => {
    setStatus(undefined);
    try {
      await data(
        api.datamap.datasets[':id'].$patch({
          param: { id: d.id },
          json: { stage: stage === '' ? null : stage, refresh },
        }),
      );
      setStatus(t('datamap.saved'));
      onSaved();
    } catch (e) {
      setStatus(errorText(lt, e));
    }
  };

  return (
    <div className="dm-detail" data-testid="datamap-detail">
      <h3>{d.name}</h3>
      <p className="lib-muted">
        {stageName(d.stage)}
        {d.stageGuessed ? ` (${t('datamap.guessed')})` : ''} · {d.owner} · {t('datamap.rowsN', { n: d.rows })}
      </p>
      {d.canEdit && (
        <div className="lib-row lib-wrap dm-edit">
          <label>
            {t('datamap.stageLabel')}{' '}
            <select value={stage} onChange={(e) => setStage(e.target.value as StageId | '')}>
              <option value="">{t('datamap.guess')}</option>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {stageName(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('datamap.col.refresh')}{' '}
            <input
              value={refresh}
              placeholder={t('datamap.refreshPlaceholder')}
              onChange={(e) => setRefresh(e.target.value)}
            />
          </label>
          <button type="button" onClick={save}>
            {t('datamap.save')}
          </button>
          {status && <span className="lib-muted">{status}</span>}
        </div>
      )}

      <h4>{t('datamap.lineage')}</h4>
      <Lineage d={d} />

      <h4>{t('datamap.schema')}</h4>
      <table className="dm-table dm-schema">
        <thead>
          <tr>
            <th>{t('datamap.column')}</th>
            <th>{t('datamap.type')}</th>
            <th className="num">{t('datamap.col.nulls')}</th>
            <th>{t('datamap.field')}</th>
          </tr>
        </thead>
        <tbody>
          {d.columns.map((c) => {
            const f = c.field === null ? undefined : fields.get(c.field);
            return (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>{c.type}</td>
                <td className="num">{c.nullPercent}%</td>
                <td title={f?.description}>{f ? `${f.no}. ${f.name}` : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** dataset → pipelines → their schedules and dashboards, drawn as a left-to-right tree. */
function Lineage({ d }: { d: MapEntry }) {
  const t = useT();
  const { pipelines, schedules, dashboards } = d.lineage;
  if (pipelines.length === 0) return <p className="lib-muted">{t('datamap.noUse')}</p>;
  return (
    <div className="dm-lineage" data-testid="lineage">
      <div className="dm-node dm-node-data">{d.name}</div>
      <div className="dm-branches">
        {pipelines.map((p) => {
          const mine = schedules.filter((s) => s.pipelineId === p.id);
          const boards = dashboards.filter((b) => b.pipelineIds.includes(p.id));
          return (
            <div key={p.id} className="dm-branch">
              <a className="dm-node dm-node-pipeline" href={`#/runs/${p.id}`} title={t('datamap.pipelines')}>
                {p.name}
              </a>
              {mine.length + boards.length > 0 && (
                <div className="dm-leaves">
                  {mine.map((s) => (
                    <a
                      key={s.id}
                      className="dm-node dm-node-schedule"
                      href={`#/runs/${p.id}/${s.id}`}
                      title={t('datamap.schedules')}
                    >
                      {t('datamap.scheduleTag')} · {s.name || s.cron}
                      {s.enabled ? '' : ` (${t('datamap.off')})`}
                    </a>
                  ))}
                  {boards.map((b) => (
                    <a
                      key={b.id}
                      className="dm-node dm-node-board"
                      href={`#/dashboards/${b.id}`}
                      title={t('datamap.dashboards')}
                    >
                      {t('datamap.dashboardTag')} · {b.title}
                    </a>
                  ))}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
