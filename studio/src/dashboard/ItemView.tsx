import { lazy, Suspense, useMemo } from 'react';
import type { TopLevelSpec } from 'vega-lite';
import { formatKo } from '../../../nodes/chart/format.ts';
import type { DashboardItem, ItemData } from './api.ts';
import { kstTime, useDashT } from './text.ts';

// Vega and its expression interpreter load only when a dashboard has a chart.
const ChartView = lazy(() => import('../chart/ChartView.tsx').then((m) => ({ default: m.ChartView })));

/** Fill the item's box: a chart without facets sizes itself to its container. */
function fitted(spec: Record<string, unknown>): TopLevelSpec {
  if ('facet' in spec) return spec as unknown as TopLevelSpec;
  return {
    ...spec,
    width: 'container',
    height: 'container',
    autosize: { type: 'fit', contains: 'padding' },
  } as TopLevelSpec;
}

export function ItemBody({ item, data }: { item: DashboardItem; data: ItemData | undefined }) {
  const t = useDashT();
  const spec = useMemo(() => (data?.spec ? fitted(data.spec) : undefined), [data]);
  if (!data) return <p className="lib-muted">{t('common.loading')}</p>;
  if (data.status === 'hidden') return <p className="lib-muted">{t('item.hidden')}</p>;
  if (data.status === 'no_run') return <p className="lib-muted">{t('item.noRun')}</p>;
  if (data.status === 'error') return <p className="lib-error">{data.message}</p>;
  if (item.kind === 'figure') {
    const fn = item.figure?.fn ?? 'count';
    return (
      <div className="dash-figure">
        <div className="dash-figure-value" data-testid="figure-value">
          {data.value === null || data.value === undefined ? '–' : formatKo(data.value, 'man_eok')}
        </div>
        <div className="lib-muted">
          {t(`fn.${fn}`)} {item.figure?.column ?? ''}
        </div>
      </div>
    );
  }
  if (item.kind === 'chart' && spec) {
    return (
      <Suspense fallback={<p className="lib-muted">{t('common.loading')}</p>}>
        <ChartView nodeId={item.id} spec={spec} name={item.title || item.nodeId} />
      </Suspense>
    );
  }
  return <ItemTable data={data} />;
}

function ItemTable({ data }: { data: ItemData }) {
  const t = useDashT();
  const cols = data.columns ?? [];
  const rows = data.rows ?? [];
  return (
    <div className="dash-table-wrap">
      <table className="lib-table dash-table" data-testid="dash-table">
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.name}>{c.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // Rows have no key of their own; the order is the stored table's.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={i}>
              {cols.map((c) => {
                const v = r[c.name];
                return (
                  <td key={c.name} className={typeof v === 'number' ? 'num' : undefined}>
                    {typeof v === 'number' ? formatKo(v, 'plain') : String(v ?? '')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {data.truncated && (
        <p className="lib-muted">
          {data.totalRows} {t('item.rows')} {t('item.of')} {rows.length}
        </p>
      )}
    </div>
  );
}

export const runLine = (data: ItemData | undefined, label: string) =>
  data?.runAt ? `${label} ${kstTime(data.runAt)}` : '';
