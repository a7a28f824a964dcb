import { typeLabel } from '../../../runtime/messages/type-names.ts';
import { formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import type { GridSelection } from '../suggest/useSuggestions.ts';
import { Filtergram } from './Filtergram.tsx';
import type { FilterRule } from './filter-rules.ts';
import { formatValue } from './format-value.ts';
import type { ColumnProfile } from './profile.ts';

const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)}%`;

export function ColumnCard(props: {
  column: ColumnProfile;
  onFilter?: ((rules: FilterRule[]) => void) | undefined;
  onSelect?: ((selection: GridSelection) => void) | undefined;
}) {
  const { column: c, onFilter, onSelect } = props;
  const t = useT();
  const [lang] = useLang();
  const stats: [string, string][] = [[t('profile.nulls'), `${formatNumber(c.nulls, lang)} (${percent(c.nullShare)})`]];
  if (c.distinct !== undefined) {
    stats.push([
      t('profile.distinct'),
      `${c.distinctApprox ? t('profile.approx') : ''}${formatNumber(c.distinct, lang)}`,
    ]);
  }
  if (c.min !== undefined) stats.push([t('profile.min'), formatValue(c.min, lang)]);
  if (c.max !== undefined) stats.push([t('profile.max'), formatValue(c.max, lang)]);
  if (c.mean !== undefined) stats.push([t('profile.mean'), formatNumber(Math.round(c.mean * 100) / 100, lang)]);
  return (
    <section className="col-card" data-column={c.name}>
      <header>
        <button type="button" className="link col-card-name" onClick={() => onSelect?.({ column: c.name, values: [] })}>
          <strong>{c.name}</strong>
        </button>{' '}
        <span className="col-type" title={c.type}>
          {typeLabel(c.type)[lang]}
        </span>
      </header>
      <dl>
        {stats.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <Filtergram profile={c} onFilter={onFilter} />
      {c.unique && <p className="unique-note small muted">{t('profile.unique')}</p>}
      {c.patterns && c.patterns.length > 1 && (
        <p className="patterns small muted">{c.patterns.map((p) => `${p.value} ${percent(p.share)}`).join(' · ')}</p>
      )}
    </section>
  );
}
