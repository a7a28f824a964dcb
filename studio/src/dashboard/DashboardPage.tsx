import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../library/text.ts';
import { useLibT } from '../library/useLibT.ts';
import { AddItemDialog, type NewItem } from './AddItemDialog.tsx';
import {
  type Changes,
  type Dashboard,
  type DashboardData,
  type DashboardItem,
  loadDashboard,
  loadData,
  reportUrl,
  saveDashboard,
} from './api.ts';
import { DashboardGrid } from './DashboardGrid.tsx';
import { FilterBar } from './FilterBar.tsx';
import { nextSpot } from './grid.ts';
import { ItemBody, runLine } from './ItemView.tsx';
import { ShareBar } from './ShareBar.tsx';
import { useDashT } from './text.ts';
import './dashboard.css';

const SIZE: Record<DashboardItem['kind'], [number, number]> = { chart: [6, 5], table: [6, 5], figure: [3, 2] };

/** One dashboard: filter bar, grid of items (dragged and resized in edit mode, saved at once), share and report. */
export function DashboardPage({ id }: { id: string }) {
  const t = useDashT();
  const lt = useLibT();
  const [dash, setDash] = useState<Dashboard>();
  const [data, setData] = useState<DashboardData>();
  const [values, setValues] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  // Bumped when what the items show changes (not when they only move): the data is fetched again.
  const [dataTick, setDataTick] = useState(0);

  useEffect(() => {
    loadDashboard(id).then(
      (d) => {
        setDash(d);
        setValues(Object.fromEntries(d.filters.map((f) => [f.column, f.values ?? []])));
      },
      (e: unknown) => setError(errorText(lt, e)),
    );
  }, [id, lt]);

  const loaded = dash !== undefined;
  useEffect(() => {
    if (!loaded) return;
    void dataTick;
    let live = true;
    loadData(id, values).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(errorText(lt, e)),
    );
    return () => {
      live = false;
    };
  }, [id, loaded, values, dataTick, lt]);

  const save = useCallback(
    async (changes: Changes, refetch: boolean) => {
      if (!dash) return;
      setDash({ ...dash, ...changes });
      setSaved(false);
      try {
        setDash(await saveDashboard(id, changes));
        setSaved(true);
        if (refetch) setDataTick((n) => n + 1);
      } catch (e) {
        setError(errorText(lt, e));
      }
    },
    [dash, id, lt],
  );

  if (error && !dash) return <p className="lib-error">{error}</p>;
  if (!dash) return <p className="lib-muted">{t('common.loading')}</p>;
  const byId = new Map(data?.items.map((i) => [i.id, i]));
  const add = (item: NewItem) => {
    const [w, h] = SIZE[item.kind];
    const box = { ...item, id: crypto.randomUUID().slice(0, 8), ...nextSpot(dash.layout, w, h) };
    setAdding(false);
    void save({ layout: [...dash.layout, box] }, true);
  };

  return (
    <div className="dash-page" data-testid="dashboard">
      <div className="lib-row dash-head">
        {editing ? (
          <input
            className="dash-title-input"
            defaultValue={dash.title}
            onBlur={(e) => e.target.value.trim() && void save({ title: e.target.value.trim() }, false)}
            data-testid="dash-title-input"
          />
        ) : (
          <h2 data-testid="dash-title">{dash.title}</h2>
        )}
        <span className="lib-muted">
          {t('dash.owner')} {dash.owner.displayName}
        </span>
        <span className="lib-grow" />
        {saved && <span className="lib-muted">{t('dash.saved')}</span>}
        {dash.canEdit && editing && (
          <button type="button" onClick={() => setAdding(true)} data-testid="dash-add">
            {t('dash.add')}
          </button>
        )}
        {dash.canEdit && (
          <button type="button" onClick={() => setEditing(!editing)} data-testid="dash-edit">
            {editing ? t('dash.done') : t('dash.edit')}
          </button>
        )}
        <a
          className="button"
          href={reportUrl(id, values, 'html')}
          target="_blank"
          rel="noopener"
          data-testid="dash-report"
        >
          {t('dash.report')}
        </a>
        <a className="button" href={reportUrl(id, values, 'pdf')} data-testid="dash-pdf">
          {t('dash.pdf')}
        </a>
      </div>
      <ShareBar dash={dash} onVisibility={(visibility) => void save({ visibility }, false)} />
      {error && <p className="lib-error">{error}</p>}
      <FilterBar
        filters={dash.filters}
        options={data?.filters}
        values={values}
        editing={editing}
        onChoose={(column, v) => setValues({ ...values, [column]: v })}
        onFilters={(filters) => void save({ filters }, true)}
      />
      {dash.layout.length === 0 && <p className="lib-muted">{t('dash.empty')}</p>}
      <DashboardGrid
        boxes={dash.layout}
        editing={editing}
        onChange={(layout) => void save({ layout }, false)}
        render={(item, handle) => (
          <>
            <div className="dash-item-head">
              {handle}
              <span className="dash-item-title">{item.title || item.nodeId}</span>
              <span className="lib-muted dash-run">{runLine(byId.get(item.id), t('item.run'))}</span>
              {editing && (
                <button
                  type="button"
                  className="small"
                  aria-label={t('dash.remove')}
                  onClick={() => void save({ layout: dash.layout.filter((b) => b.id !== item.id) }, true)}
                >
                  ×
                </button>
              )}
            </div>
            <div className="dash-item-body">
              <ItemBody item={item} data={byId.get(item.id)} />
            </div>
          </>
        )}
      />
      {adding && <AddItemDialog onAdd={add} onClose={() => setAdding(false)} />}
    </div>
  );
}
