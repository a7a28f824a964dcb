import { useState } from 'react';
import type { DashboardData, DashboardFilter } from './api.ts';
import { useDashT } from './text.ts';

/**
 * One choice per dashboard filter, applied at once to every item whose table has the column. The choice is
 * the viewer's own (not saved); in edit mode the owner adds and removes filters.
 */
export function FilterBar(props: {
  filters: DashboardFilter[];
  options: DashboardData['filters'] | undefined;
  values: Record<string, string[]>;
  editing: boolean;
  onChoose: (column: string, values: string[]) => void;
  onFilters: (filters: DashboardFilter[]) => void;
}) {
  const { filters, options, values, editing, onChoose, onFilters } = props;
  const t = useDashT();
  const [column, setColumn] = useState('');
  if (!editing && filters.length === 0) return null;
  return (
    <div className="dash-filters" data-testid="dash-filters">
      <strong>{t('dash.filters')}</strong>
      {filters.map((f) => {
        const chosen = values[f.column]?.[0] ?? '';
        const choices = options?.find((o) => o.column === f.column)?.options ?? [];
        return (
          <label key={f.column} className="dash-filter">
            {f.label || f.column}
            <select
              value={chosen}
              data-testid={`filter-${f.column}`}
              onChange={(e) => onChoose(f.column, e.target.value ? [e.target.value] : [])}
            >
              <option value="">{t('dash.allValues')}</option>
              {[...new Set([...choices, ...(chosen ? [chosen] : [])])].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
            {editing && (
              <button
                type="button"
                className="small"
                aria-label={t('dash.remove')}
                onClick={() => onFilters(filters.filter((x) => x.column !== f.column))}
              >
                ×
              </button>
            )}
          </label>
        );
      })}
      {editing && (
        <form
          className="dash-filter"
          onSubmit={(e) => {
            e.preventDefault();
            const name = column.trim();
            if (name && !filters.some((f) => f.column === name)) onFilters([...filters, { column: name, label: name }]);
            setColumn('');
          }}
        >
          <input
            placeholder={t('dash.filterColumn')}
            value={column}
            onChange={(e) => setColumn(e.target.value)}
            data-testid="filter-new"
          />
          <button type="submit" className="small" data-testid="filter-add">
            {t('dash.addFilter')}
          </button>
        </form>
      )}
    </div>
  );
}
