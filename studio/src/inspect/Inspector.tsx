import { useCallback, useState } from 'react';
import { useServices } from '../app/useServices.ts';
import { useStudio } from '../app/useStudio.ts';
import { CHART_TYPE, ChartPanel } from '../chart/ChartPanel.tsx';
import { TableExport } from '../chart/TableExport.tsx';
import { EVALUATE_TYPE, EvaluationPanel } from '../evaluate/EvaluationPanel.tsx';
import { formatMs, formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import { drawsNetwork, NetworkPanel } from '../network/NetworkPanel.tsx';
import { ErrorText } from '../node-view/ErrorText.tsx';
import { ChartSuggestionBar } from '../suggest/ChartSuggestionBar.tsx';
import { insertStep } from '../suggest/insert-step.ts';
import { SuggestionBar } from '../suggest/SuggestionBar.tsx';
import { type GridSelection, useSuggestions } from '../suggest/useSuggestions.ts';
import { SUPPLY_CHAIN_TYPE, SupplyChainPanel } from '../supply/SupplyChainPanel.tsx';
import { XRAY_TYPE, XrayPanel } from '../xray/XrayPanel.tsx';
import { DataGrid } from './DataGrid.tsx';
import type { FilterRule } from './filter-rules.ts';
import type { GridView } from './grid-sql.ts';
import { ProfilePanel } from './ProfilePanel.tsx';
import { REASONS_COLUMN, RowDetail } from './RowDetail.tsx';
import { useEngine } from './useEngine.ts';
import { useGridData } from './useGridData.ts';
import { useProfile } from './useProfile.ts';
import { useQuality } from './useQuality.ts';
import './inspect.css';

const NO_VIEW: GridView = { filters: {} };
/** States in which no result is coming: say why instead of waiting. */
const STOPPED = new Set(['error', 'invalid', 'skipped', 'cancelled', 'idle']);

/** The inspected node's full result: a windowed grid with header sort/filter, and every column's profile. */
export function Inspector() {
  const t = useT();
  const [lang] = useLang();
  const inspected = useStudio((s) => s.inspected);
  const node = useStudio((s) => s.doc.nodes.find((n) => n.id === s.inspected));
  const def = useStudio((s) => (node ? s.analyzer?.registry.get(node.type) : undefined));
  const run = useStudio((s) => (s.inspected ? s.nodeRuns[s.inspected] : undefined));
  const inspection = useStudio((s) =>
    s.inspection &&
    s.inspection.nodeId === s.inspected &&
    s.inspection.signature === s.analysis.signatures[s.inspection.nodeId]
      ? s.inspection
      : undefined,
  );
  const [view, setView] = useState<GridView>(NO_VIEW);
  const [selection, setSelection] = useState<GridSelection>();
  const [detail, setDetail] = useState<number>();
  const [viewFor, setViewFor] = useState(inspected);
  if (viewFor !== inspected) {
    setViewFor(inspected);
    setView(NO_VIEW);
    setSelection(undefined);
    setDetail(undefined);
  }
  const { store } = useServices();
  const engine = useEngine();
  const data = useGridData(engine, inspection, view);
  const profile = useProfile(engine, inspection);
  const quality = useQuality(engine, inspection);
  const suggestions = useSuggestions(engine, inspection, selection);
  const onFilter = useCallback(
    (rules: FilterRule[]) => {
      if (inspected && rules.length) insertStep(store.getState(), inspected, 'prep.filter', { rules, combine: 'and' });
    },
    [store, inspected],
  );

  if (!inspected || !node) return <p className="empty">{t('inspect.none')}</p>;
  const filtered = Object.values(view.filters).some((f) => f.trim());
  // Only a scored table (one with the screening's explanations) opens rows in a detail panel.
  const explains = data.columns.some((c) => c.name === REASONS_COLUMN);
  const detailRow = explains && detail !== undefined ? data.row(detail) : undefined;
  const changed = filtered || view.sort !== undefined;
  return (
    <div className="inspector" data-testid="inspector">
      <div className="inspector-head">
        <h2>
          {t('inspect.title')}: {node.label ?? def?.label[lang] ?? node.type}{' '}
          <span className="muted small" title={node.id}>
            {node.id}
          </span>
        </h2>
        {inspection && (
          <span className="muted" data-testid="inspect-rows">
            {t(inspection.partial ? 'inspect.partial' : 'inspect.rows', {
              rows: formatNumber(inspection.rows, lang),
              columns: data.columns.length,
            })}{' '}
            · {formatMs(inspection.ms)}
          </span>
        )}
        {inspection && filtered && !data.loading && (
          <span className="muted">
            {t('inspect.shown', { rows: formatNumber(data.rowCount, lang) })} · {formatMs(data.ms ?? 0)}
          </span>
        )}
        {changed && (
          <button type="button" className="link" onClick={() => setView(NO_VIEW)}>
            {t('inspect.clear')}
          </button>
        )}
        {inspection && !inspection.partial && (
          <TableExport relation={inspection.relation} name={node.label ?? node.id} />
        )}
      </div>
      {/* one place in the tree whether or not a result is shown, so a re-run does not remount the chart's
          shelves (and drop a chip the officer has just pressed) */}
      {node.type === CHART_TYPE && !(inspection && data.error) && (
        <ChartPanel nodeId={inspected} relation={inspection?.relation} />
      )}
      {!inspection ? (
        run && STOPPED.has(run.state) ? (
          <p className={run.state === 'idle' ? 'empty' : 'error'}>
            {run.message || run.msg ? <ErrorText id={inspected} item={run} /> : t(`status.${run.state}` as const)}
          </p>
        ) : (
          <p className="waiting">
            <span className="spinner" aria-hidden="true" /> {t('inspect.waiting')}
          </p>
        )
      ) : data.error ? (
        <p className="error">{t('inspect.queryFailed', { message: data.error })}</p>
      ) : (
        <>
          {node.type === CHART_TYPE ||
          node.type === EVALUATE_TYPE ||
          node.type === SUPPLY_CHAIN_TYPE ? null /* suggestions over a wide raw table would only mislead */ : (
            <div>
              <SuggestionBar
                nodeId={inspected}
                selection={selection}
                suggestions={suggestions}
                onClear={() => setSelection(undefined)}
              />
              <ChartSuggestionBar nodeId={inspected} profile={profile} />
            </div>
          )}
          {node.type === EVALUATE_TYPE && !inspection.partial && (
            <EvaluationPanel nodeId={inspected} relation={inspection.relation} />
          )}
          {node.type === SUPPLY_CHAIN_TYPE && !inspection.partial && (
            <SupplyChainPanel nodeId={inspected} relation={inspection.relation} />
          )}
          {drawsNetwork(node) && !inspection.partial && (
            <NetworkPanel nodeId={inspected} relation={inspection.relation} />
          )}
          {node.type === XRAY_TYPE && !inspection.partial && (
            <XrayPanel nodeId={inspected} relation={inspection.relation} />
          )}
          <div className="inspector-body">
            <DataGrid
              data={data}
              view={view}
              onView={setView}
              profile={profile}
              quality={quality}
              selection={selection}
              onSelect={setSelection}
              onFilter={onFilter}
              onRow={explains ? setDetail : undefined}
            />
            {detailRow && detail !== undefined ? (
              <RowDetail row={detailRow} columns={data.columns} index={detail} onClose={() => setDetail(undefined)} />
            ) : (
              <ProfilePanel profile={profile} onFilter={onFilter} onSelect={setSelection} />
            )}
          </div>
        </>
      )}
    </div>
  );
}
