import { useEffect, useState } from 'react';
import { useStudio } from '../app/useStudio.ts';
import { useLang } from '../i18n/useLang.ts';
import type { PipelineList } from '../library/api.ts';
import { Dialog } from '../library/Dialog.tsx';
import { type Artifact, type DashboardItem, latestArtifacts, listPipelines } from './api.ts';
import { useDashT } from './text.ts';

type Kind = DashboardItem['kind'];
type Fn = 'count' | 'sum' | 'mean';
export type NewItem = Omit<DashboardItem, 'id' | 'x' | 'y' | 'w' | 'h'>;

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;

/** Pick a pipeline you may see, one of the tables its newest scheduled run stored, and how to show it. */
export function AddItemDialog({ onAdd, onClose }: { onAdd: (item: NewItem) => void; onClose: () => void }) {
  const t = useDashT();
  const [lang] = useLang();
  const registry = useStudio((s) => s.analyzer?.registry);
  // A step by the name of its kind in the officer's language ("차트"), its id only beside it.
  const kindName = (type: string) => registry?.get(type)?.label[lang] ?? type;
  const [pipelines, setPipelines] = useState<PipelineList['items']>();
  const [pipelineId, setPipelineId] = useState('');
  const [artifacts, setArtifacts] = useState<Artifact[]>();
  const [nodeId, setNodeId] = useState('');
  const [kind, setKind] = useState<Kind>('table');
  const [fn, setFn] = useState<Fn>('count');
  const [column, setColumn] = useState('');
  const [title, setTitle] = useState('');
  useEffect(() => {
    void listPipelines().then((l) => setPipelines(l.items));
  }, []);
  useEffect(() => {
    setArtifacts(undefined);
    setNodeId('');
    if (pipelineId) void latestArtifacts(pipelineId).then(setArtifacts);
  }, [pipelineId]);
  const artifact = artifacts?.find((a) => a.nodeId === nodeId);
  const isChart = artifact?.nodeType === 'chart.vega';
  useEffect(() => setKind(isChart ? 'chart' : 'table'), [isChart]);
  const numeric = (artifact?.columns ?? []).filter((c) => NUMERIC.test(c.type));
  const ready = !!artifact && (kind !== 'figure' || fn === 'count' || !!column);
  const add = () =>
    onAdd({
      kind,
      pipelineId,
      nodeId,
      title: title || nodeId,
      ...(kind === 'figure' ? { figure: fn === 'count' ? { fn } : { fn, column } } : {}),
    });
  return (
    <Dialog title={t('add.title')} testId="add-item">
      <label className="lib-field">
        {t('add.pipeline')}
        <select value={pipelineId} onChange={(e) => setPipelineId(e.target.value)} data-testid="add-pipeline">
          <option value="" />
          {pipelines?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {artifacts && artifacts.length === 0 && <p className="lib-muted">{t('add.noNodes')}</p>}
      {artifacts && artifacts.length > 0 && (
        <label className="lib-field">
          {t('add.node')}
          <select value={nodeId} onChange={(e) => setNodeId(e.target.value)} data-testid="add-node">
            <option value="" />
            {artifacts.map((a) => (
              <option key={a.nodeId} value={a.nodeId}>
                {kindName(a.nodeType)} · {a.nodeId} ({a.rows ?? '?'} {t('item.rows')})
              </option>
            ))}
          </select>
        </label>
      )}
      {artifact && (
        <label className="lib-field">
          {t('add.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="add-kind">
            {isChart && <option value="chart">{t('kind.chart')}</option>}
            <option value="table">{t('kind.table')}</option>
            <option value="figure">{t('kind.figure')}</option>
          </select>
        </label>
      )}
      {artifact && kind === 'figure' && (
        <div className="lib-row">
          <label className="lib-field">
            {t('add.fn')}
            <select value={fn} onChange={(e) => setFn(e.target.value as Fn)} data-testid="add-fn">
              <option value="count">{t('fn.count')}</option>
              <option value="sum">{t('fn.sum')}</option>
              <option value="mean">{t('fn.mean')}</option>
            </select>
          </label>
          {fn !== 'count' && (
            <label className="lib-field">
              {t('add.column')}
              <select value={column} onChange={(e) => setColumn(e.target.value)} data-testid="add-column">
                <option value="" />
                {numeric.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      <label className="lib-field">
        {t('add.itemTitle')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="add-title" />
      </label>
      <div className="lib-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={!ready} onClick={add} data-testid="add-ok">
          {t('add.ok')}
        </button>
      </div>
    </Dialog>
  );
}
