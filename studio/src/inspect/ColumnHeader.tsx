import { useEffect, useState } from 'react';
import { typeLabel } from '../../../runtime/messages/type-names.ts';
import type { Column } from '../../../runtime/schema/types.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import type { FilterRule } from './filter-rules.ts';
import type { GridView } from './grid-sql.ts';
import { MiniProfile } from './MiniProfile.tsx';
import type { ColumnProfile } from './profile.ts';
import { QualityBar } from './QualityBar.tsx';
import type { ColumnQuality } from './quality.ts';

/** Name and type, click to sort (ascending → descending → off), a filter box, and a small profile. */
export function ColumnHeader(props: {
  column: Column;
  width: number;
  view: GridView;
  onView(view: GridView): void;
  profile: ColumnProfile | undefined;
  quality?: ColumnQuality | undefined;
  selected?: boolean;
  onSelect?: (() => void) | undefined;
  onFilter?: ((rules: FilterRule[]) => void) | undefined;
}) {
  const { column, width, view, onView, profile, quality, selected, onSelect, onFilter } = props;
  const t = useT();
  const [lang] = useLang();
  const applied = view.filters[column.name] ?? '';
  const [text, setText] = useState(applied);
  useEffect(() => setText(applied), [applied]);
  useEffect(() => {
    if (text === applied) return;
    const timer = setTimeout(() => onView({ ...view, filters: { ...view.filters, [column.name]: text } }), 350);
    return () => clearTimeout(timer);
  }, [text, applied, view, onView, column.name]);
  const sorted = view.sort?.column === column.name ? view.sort : undefined;
  const cycleSort = () => {
    const sort = !sorted
      ? { column: column.name, desc: false }
      : !sorted.desc
        ? { column: column.name, desc: true }
        : undefined;
    onView(sort ? { ...view, sort } : { filters: view.filters });
  };
  return (
    <th className={`grid-head-cell${selected ? ' col-selected' : ''}`} style={{ width }} data-column={column.name}>
      <button
        type="button"
        className="col-sort"
        onClick={cycleSort}
        title={sorted && !sorted.desc ? t('inspect.sortDesc') : t('inspect.sortAsc')}
      >
        <span className="col-name">{column.name}</span>
        <span className="col-sort-mark">{sorted ? (sorted.desc ? '▼' : '▲') : ''}</span>
      </button>
      <button
        type="button"
        className="col-type col-select"
        onClick={onSelect}
        aria-pressed={selected}
        title={column.type}
      >
        {typeLabel(column.type)[lang]}
      </button>
      <QualityBar quality={quality} />
      <MiniProfile profile={profile} onFilter={onFilter} />
      <input
        className="col-filter"
        value={text}
        placeholder={t('inspect.filter')}
        title={t('inspect.filterHelp')}
        aria-label={`${t('inspect.filter')} ${column.name}`}
        onChange={(e) => setText(e.target.value)}
      />
    </th>
  );
}
