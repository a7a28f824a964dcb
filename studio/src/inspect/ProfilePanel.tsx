import { useT } from '../i18n/useT.ts';
import type { GridSelection } from '../suggest/useSuggestions.ts';
import { ColumnCard } from './ColumnCard.tsx';
import type { FilterRule } from './filter-rules.ts';
import type { Profile } from './profile.ts';

/** Every column's profile as a card: type, empty share, distinct values, range, distribution, top values. */
export function ProfilePanel(props: {
  profile: Profile | undefined;
  onFilter?: (rules: FilterRule[]) => void;
  onSelect?: (selection: GridSelection) => void;
}) {
  const { profile, onFilter, onSelect } = props;
  const t = useT();
  return (
    <aside className="profile" data-testid="profile">
      <h3>{t('profile.title')}</h3>
      {!profile ? (
        <p className="waiting small">
          <span className="spinner" aria-hidden="true" /> {t('profile.computing')}
        </p>
      ) : (
        profile.columns.map((c) => <ColumnCard key={c.name} column={c} onFilter={onFilter} onSelect={onSelect} />)
      )}
    </aside>
  );
}
