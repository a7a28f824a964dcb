import { useLang } from '../i18n/useLang.ts';
import { Filtergram } from './Filtergram.tsx';
import { type FilterRule, valueRules } from './filter-rules.ts';
import type { ColumnProfile } from './profile.ts';

const PICK = { ko: '눌러서 이 값으로 필터 추가', en: 'Click to add a filter for this value' } as const;

/**
 * In a column header, under the quality bar: the shape of the values — a histogram that can be brushed into a
 * filter step, or top-value bars that add one on click.
 */
export function MiniProfile(props: {
  profile: ColumnProfile | undefined;
  onFilter?: ((rules: FilterRule[]) => void) | undefined;
}) {
  const { profile, onFilter } = props;
  const [lang] = useLang();
  if (!profile) return <div className="mini-profile mini-profile-empty" />;
  if (profile.histogram) {
    return (
      <div className="mini-profile">
        <Filtergram profile={profile} onFilter={onFilter} compact />
      </div>
    );
  }
  const top = profile.unique ? [] : (profile.top?.slice(0, 5) ?? []);
  const max = Math.max(1e-9, ...top.map((x) => x.share));
  return (
    <div className="mini-profile">
      <div className="mini-bars mini-bars-top">
        {top.map((x) => (
          <button
            type="button"
            key={x.value}
            className="mini-bar"
            data-value={x.value}
            title={`${x.value}: ${(x.share * 100).toFixed(1)}% · ${PICK[lang]}`}
            style={{ height: `${Math.max(8, (x.share / max) * 100)}%` }}
            disabled={!onFilter}
            onClick={() => onFilter?.(valueRules(profile.name, [x.value]))}
          />
        ))}
      </div>
    </div>
  );
}
