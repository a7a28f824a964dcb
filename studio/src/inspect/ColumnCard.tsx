import { formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { useT } from '../i18n/useT.ts';
import { formatValue } from './format-value.ts';
import type { ColumnProfile } from './profile.ts';

const day = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().slice(0, 10);

const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)}%`;

export function ColumnCard({ column: c }: { column: ColumnProfile }) {
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
        <strong>{c.name}</strong> <span className="col-type">{c.type}</span>
      </header>
      <dl>
        {stats.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {c.histogram && (
        <div className="histogram" role="img" aria-label={t('profile.histogram')}>
          {c.histogram.map((b) => (
            <div
              key={b.from}
              className="histogram-bar"
              title={`${c.histogramOfTime ? day(b.from) : formatValue(b.from, lang)} – ${c.histogramOfTime ? day(b.to) : formatValue(b.to, lang)}: ${formatNumber(b.n, lang)}`}
              style={{ height: `${Math.max(2, (b.n / Math.max(1, ...c.histogram!.map((x) => x.n))) * 100)}%` }}
            />
          ))}
        </div>
      )}
      {c.unique && <p className="unique-note small muted">{t('profile.unique')}</p>}
      {c.top && !c.unique && !c.histogram && (
        <ol className="top-values" aria-label={t('profile.top')}>
          {c.top.map((x) => (
            <li key={x.value}>
              <span className="top-bar" style={{ width: `${Math.max(2, x.share * 100)}%` }} />
              <span className="top-label">{x.value}</span>
              <span className="top-share">{percent(x.share)}</span>
            </li>
          ))}
        </ol>
      )}
      {c.patterns && c.patterns.length > 1 && (
        <p className="patterns small muted">{c.patterns.map((p) => `${p.value} ${percent(p.share)}`).join(' · ')}</p>
      )}
    </section>
  );
}
