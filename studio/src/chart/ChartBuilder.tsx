import { useState } from 'react';
import type { ChartParams, Mark } from '../../../nodes/chart/params.ts';
import type { Column } from '../../../runtime/schema/types.ts';
import { useServices } from '../app/useServices.ts';
import { useLang } from '../i18n/useLang.ts';
import { AGGREGATE_LABEL, FORMAT_LABEL, MARK_LABEL, SHELF_LABEL, type Shelf, TEXT } from './chart-labels.ts';

/** The shelves a mark reads (see `nodes/chart/plan.ts`). */
function shelvesOf(mark: Mark): Shelf[] {
  if (mark === 'map_choropleth') return ['country', 'y'];
  if (mark === 'map_points') return ['lat', 'lon', 'color', 'size'];
  if (mark === 'scatter') return ['x', 'y', 'color', 'size', 'facet'];
  if (mark === 'boxplot') return ['x', 'y'];
  return ['x', 'y', 'color', 'facet'];
}

/**
 * Encoding shelves: drag a column chip onto x / y / colour / size / facet, or (keyboard) press a chip, then
 * a shelf. Every change is one `update-params` edit, so undo and the params form stay in step.
 */
export function ChartBuilder(props: { nodeId: string; params: ChartParams; columns: Column[] }) {
  const { nodeId, params, columns } = props;
  const [lang] = useLang();
  const { store } = useServices();
  const [armed, setArmed] = useState<string>();
  const set = (key: string, value: unknown) =>
    store.getState().dispatch('update-params', { id: nodeId, set: { [key]: value } });
  const assign = (shelf: Shelf, column: string | undefined) => {
    if (!column) return;
    set(shelf, column);
    setArmed(undefined);
  };
  return (
    <div className="chart-builder" data-testid="chart-builder">
      <label className="chart-field">
        <span>{TEXT.mark[lang]}</span>
        <select value={params.mark} data-testid="chart-mark" onChange={(e) => set('mark', e.target.value)}>
          {Object.entries(MARK_LABEL).map(([m, l]) => (
            <option key={m} value={m}>
              {l[lang]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="chart-chips" aria-label={TEXT.columns[lang]}>
        {columns.map((c) => (
          <button
            key={c.name}
            type="button"
            className="chart-chip"
            draggable
            data-column={c.name}
            aria-pressed={armed === c.name}
            title={`${c.type} · ${TEXT.chipHelp[lang]}`}
            onDragStart={(e) => e.dataTransfer.setData('text/plain', c.name)}
            onClick={() => setArmed(armed === c.name ? undefined : c.name)}
          >
            {c.name}
          </button>
        ))}
      </fieldset>
      {shelvesOf(params.mark).map((shelf) => {
        const value = params[shelf];
        return (
          <div key={shelf} className={`chart-shelf${armed ? ' armed' : ''}`} data-shelf={shelf}>
            <span className="chart-shelf-name">{SHELF_LABEL[shelf][lang]}</span>
            <button
              type="button"
              className="chart-slot"
              onClick={() => assign(shelf, armed)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                assign(shelf, e.dataTransfer.getData('text/plain'));
              }}
            >
              {value ?? <span className="muted">{TEXT.drop[lang]}</span>}
            </button>
            {value && (
              <button
                type="button"
                className="link"
                aria-label={TEXT.clear[lang]}
                onClick={() => set(shelf, undefined)}
              >
                ×
              </button>
            )}
          </div>
        );
      })}
      <label className="chart-field">
        <span>{TEXT.aggregate[lang]}</span>
        <select value={params.aggregate ?? ''} onChange={(e) => set('aggregate', e.target.value || undefined)}>
          <option value="">{TEXT.auto[lang]}</option>
          {Object.entries(AGGREGATE_LABEL).map(([a, l]) => (
            <option key={a} value={a}>
              {l[lang]}
            </option>
          ))}
        </select>
      </label>
      <label className="chart-field">
        <span>{TEXT.format[lang]}</span>
        <select
          value={params.numberFormat}
          data-testid="chart-format"
          onChange={(e) => set('numberFormat', e.target.value)}
        >
          {Object.entries(FORMAT_LABEL).map(([f, l]) => (
            <option key={f} value={f}>
              {l[lang]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
