import { useEffect, useRef } from 'react';
import { useLang } from '../i18n/useLang.ts';
import type { GridSelection } from '../suggest/useSuggestions.ts';
import { ColumnHeader } from './ColumnHeader.tsx';
import type { FilterRule } from './filter-rules.ts';
import { columnWidth, formatValue } from './format-value.ts';
import type { GridView } from './grid-sql.ts';
import type { Profile } from './profile.ts';
import type { ColumnQuality } from './quality.ts';
import type { GridData } from './useGridData.ts';
import { useRowWindow } from './useRowWindow.ts';

const ROW_HEIGHT = 26;
const NUMBER_WIDTH = 72;

function indexes(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/**
 * Virtualized rows: only the visible ones (plus overscan) are in the DOM, their windows fetched on demand;
 * past a few hundred thousand rows the scroll bar maps proportionally (`row-window.ts`). A real table
 * (laid out with flex) so assistive technology reads rows and columns.
 */
export function DataGrid(props: {
  data: GridData;
  view: GridView;
  onView(view: GridView): void;
  profile: Profile | undefined;
  quality?: ColumnQuality[] | undefined;
  selection?: GridSelection | undefined;
  onSelect?: (selection: GridSelection | undefined) => void;
  onFilter?: (rules: FilterRule[]) => void;
  /** A click on a row (any cell or its number) opens it in a detail panel. */
  onRow?: (index: number) => void;
}) {
  const { data, view, onView, profile, quality, selection, onSelect, onFilter, onRow } = props;
  /** A click selects the cell's column and value; Ctrl/⌘/Shift-click adds the value to those picked. */
  const pick = (column: string, value: unknown, add: boolean) => {
    if (!onSelect) return;
    const text = value === null || value === undefined ? undefined : String(value);
    const same = selection?.column === column;
    const before = same && add ? selection.values : [];
    const values =
      text === undefined ? before : before.includes(text) ? before.filter((v) => v !== text) : [...before, text];
    onSelect({ column, values });
  };
  const [lang] = useLang();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useRowWindow(scroller, data.rowCount, ROW_HEIGHT);
  const { first, last } = rows;
  const { need } = data;
  useEffect(() => need(first, last), [need, first, last]);
  const widths = data.columns.map((c) => columnWidth(c.type));
  const total = NUMBER_WIDTH + widths.reduce((a, b) => a + b, 0);

  return (
    <div className="grid" ref={scroller} data-testid="grid" data-rows={data.rowCount}>
      <table className="grid-table" aria-rowcount={data.rowCount + 1}>
        <thead className="grid-header" style={{ width: total }}>
          <tr>
            <th className="grid-rownum" style={{ width: NUMBER_WIDTH }}>
              #
            </th>
            {data.columns.map((c, i) => (
              <ColumnHeader
                key={c.name}
                column={c}
                width={widths[i]!}
                view={view}
                onView={onView}
                profile={profile?.columns.find((p) => p.name === c.name)}
                quality={quality?.find((q) => q.name === c.name)}
                selected={selection?.column === c.name}
                onSelect={onSelect ? () => onSelect({ column: c.name, values: [] }) : undefined}
                onFilter={onFilter}
              />
            ))}
          </tr>
        </thead>
        <tbody className="grid-rows" style={{ height: rows.height, width: total }}>
          {indexes(first, last).map((index) => {
            const row = data.row(index);
            return (
              <tr
                key={index}
                className={`grid-row${index % 2 ? ' grid-row-odd' : ''}`}
                aria-rowindex={index + 2}
                data-row={index}
                style={{ transform: `translateY(${rows.top(index)}px)`, height: ROW_HEIGHT }}
              >
                <th
                  scope="row"
                  className="grid-rownum"
                  style={{ width: NUMBER_WIDTH }}
                  onClick={() => row && onRow?.(index)}
                >
                  {(index + 1).toLocaleString()}
                </th>
                {data.columns.map((c, i) => {
                  const v = row?.[c.name];
                  const text = row ? formatValue(v, lang) : '…';
                  return (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: picking by mouse; the header's type button selects the column by keyboard
                    <td
                      key={c.name}
                      className={`grid-cell${typeof v === 'number' ? ' num' : ''}${selection?.column === c.name ? (row && selection.values.includes(String(v)) ? ' cell-picked' : ' col-selected') : ''}`}
                      style={{ width: widths[i] }}
                      title={text}
                      onClick={(e) => {
                        if (!row) return;
                        pick(c.name, v, e.ctrlKey || e.metaKey || e.shiftKey);
                        onRow?.(index);
                      }}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
