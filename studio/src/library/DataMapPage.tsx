import { useState } from 'react';
import type { MessageKey } from '../i18n/ko.ts';
import { formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import { api, data } from './api.ts';
import { DataMapDetail } from './DataMapDetail.tsx';
import { type DataMap, type MapEntry, matches, PROCESS, type StageId } from './datamap-model.ts';
import { useLoad } from './useLoad.ts';
import './datamap.css';

/**
 * The customs data map (KCS model (10)): every dataset the officer may see, by clearance stage, searchable by
 * dataset, column or field-dictionary entry; a dataset opens its schema, field definitions and lineage.
 */
export function DataMapPage() {
  const t = useT();
  const [q, setQ] = useState('');
  const [stage, setStage] = useState<StageId | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const map = useLoad(() => data<DataMap>(api.datamap.$get()), 'datamap');
  const items = map.value?.items ?? [];
  const dictionary = map.value?.dictionary ?? [];
  const stageName = (s: StageId) => t(`datamap.stage.${s}` as MessageKey);
  const found = items.filter((d) => matches(d, q, dictionary, stageName(d.stage)));
  const shown = found.filter((d) => stage === null || d.stage === stage);
  const count = (s: StageId) => found.filter((d) => d.stage === s).length;
  const selected = items.find((d) => d.id === picked) ?? null;
  const dictShown = dictionary.filter(
    (f) =>
      !q.trim() || `${f.name} ${f.description} ${f.columns.join(' ')}`.toLowerCase().includes(q.trim().toLowerCase()),
  );

  const stageButton = (s: StageId) => (
    <button
      key={s}
      type="button"
      className={`dm-stage${stage === s ? ' active' : ''}${count(s) === 0 ? ' empty' : ''}`}
      data-testid={`stage-${s}`}
      aria-pressed={stage === s}
      onClick={() => setStage(stage === s ? null : s)}
    >
      <span className="dm-stage-name">{stageName(s)}</span>
      <span className="dm-stage-count">{count(s)}</span>
    </button>
  );

  return (
    <section className="lib-page dm" data-testid="datamap-page">
      <div className="lib-row">
        <h2>{t('datamap.title')}</h2>
        <span className="lib-grow" />
        <input
          placeholder={t('datamap.search')}
          aria-label={t('datamap.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="dm-search"
        />
      </div>
      <p className="lib-muted">{t('datamap.intro')}</p>
      {map.error && <p className="lib-error">{map.error}</p>}
      <nav className="dm-flow" aria-label={t('datamap.stages')} data-testid="stage-graph">
        {PROCESS.map((s, i) => (
          <span key={s} className="dm-flow-step">
            {i > 0 && (
              <span className="dm-arrow" aria-hidden="true">
                →
              </span>
            )}
            {stageButton(s)}
          </span>
        ))}
        <span className="dm-flow-aside">{stageButton('reference')}</span>
      </nav>
      <div className="dm-body">
        <table className="dm-table" data-testid="datamap-table">
          <thead>
            <tr>
              <th>{t('datamap.col.name')}</th>
              <th>{t('datamap.stageLabel')}</th>
              <th>{t('datamap.col.owner')}</th>
              <th className="num">{t('datamap.col.rows')}</th>
              <th className="num">{t('datamap.col.columns')}</th>
              <th className="num">{t('datamap.col.nulls')}</th>
              <th>{t('datamap.col.refresh')}</th>
              <th>{t('datamap.col.keys')}</th>
              <th className="num">{t('datamap.col.used')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <Row key={d.id} d={d} active={d.id === picked} onPick={() => setPicked(d.id)} stageName={stageName} />
            ))}
          </tbody>
        </table>
        {map.value && shown.length === 0 && <p className="lib-muted">{t('datamap.none')}</p>}
        <aside className="dm-side">
          {selected ? (
            <DataMapDetail key={selected.id} d={selected} dictionary={dictionary} onSaved={() => map.reload()} />
          ) : (
            <p className="lib-muted">{t('datamap.pick')}</p>
          )}
        </aside>
      </div>
      <h3>{t('datamap.dictionary')}</h3>
      <p className="lib-muted">{t('datamap.dictSource')}</p>
      <table className="dm-table dm-dict" data-testid="field-dictionary">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('datamap.field')}</th>
            <th>{t('datamap.sample')}</th>
            <th>{t('datamap.codeList')}</th>
            <th>{t('datamap.matchedColumns')}</th>
          </tr>
        </thead>
        <tbody>
          {dictShown.map((f) => (
            <tr key={f.no}>
              <td className="num">{f.no}</td>
              <td>
                <strong>{f.name}</strong>
                <div className="dm-pre">{f.description}</div>
              </td>
              <td>{f.sample}</td>
              <td>{f.codeList}</td>
              <td>{f.columns.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Row({
  d,
  active,
  onPick,
  stageName,
}: {
  d: MapEntry;
  active: boolean;
  onPick: () => void;
  stageName: (s: StageId) => string;
}) {
  const t = useT();
  const [lang] = useLang();
  const uses = d.lineage.pipelines.length;
  return (
    <tr className={active ? 'active' : ''} data-testid="datamap-row">
      <td>
        <button type="button" className="dm-link" onClick={onPick}>
          {d.name}
        </button>
      </td>
      <td>
        {stageName(d.stage)}
        {d.stageGuessed && (
          <span className="dm-guessed" title={t('datamap.guessed')}>
            *
          </span>
        )}
      </td>
      <td>{d.owner}</td>
      <td className="num">{formatNumber(d.rows, lang)}</td>
      <td className="num">{d.columns.length}</td>
      <td className="num">{d.nullPercent}%</td>
      <td>{d.refresh}</td>
      <td>
        {d.joinKeys.map((k) => (
          <span key={k.key} className="dm-key" title={k.columns.join(', ')}>
            {t(`datamap.key.${k.key}` as MessageKey)}
          </span>
        ))}
      </td>
      <td className="num">{uses > 0 ? t('datamap.usesN', { n: uses }) : ''}</td>
    </tr>
  );
}
