import { useEffect, useState } from 'react';
import { formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { type FilterRule, rangeRules, valueRules } from './filter-rules.ts';
import { formatValue } from './format-value.ts';
import type { ColumnProfile } from './profile.ts';

const day = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().slice(0, 10);
const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)}%`;

const TEXT = {
  brush: { ko: '막대를 끌거나 눌러 필터 단계를 추가합니다', en: 'Drag across or click bars to add a filter step' },
  pick: { ko: '값을 눌러 고른 뒤 필터를 추가합니다', en: 'Click values, then add a filter' },
  apply: { ko: '이 값으로 필터 추가', en: 'Add filter for these values' },
} as const;

/**
 * A histogram (numbers, dates) whose bars can be brushed — press on one, release on another — or the top
 * values, which can be picked: either way `onFilter` receives the rules of a `prep.filter` step.
 */
export function Filtergram(props: {
  profile: ColumnProfile;
  onFilter?: (rules: FilterRule[]) => void;
  compact?: boolean;
}) {
  const { profile: c, onFilter, compact } = props;
  const [lang] = useLang();
  const [brush, setBrush] = useState<{ from: number; to: number }>();
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => {
    if (!brush) return;
    const end = () => {
      setBrush(undefined);
      onFilter?.(rangeRules(c, brush.from, brush.to));
    };
    window.addEventListener('pointerup', end);
    return () => window.removeEventListener('pointerup', end);
  }, [brush, c, onFilter]);

  if (c.histogram) {
    const max = Math.max(1, ...c.histogram.map((x) => x.n));
    const lo = brush ? Math.min(brush.from, brush.to) : -1;
    const hi = brush ? Math.max(brush.from, brush.to) : -1;
    const edge = (v: number) => (c.histogramOfTime ? day(v) : formatValue(v, lang));
    return (
      // biome-ignore lint/a11y/useSemanticElements: a row of bars, not a form; a fieldset would bring its own box
      <div
        className={`histogram${compact ? ' histogram-compact' : ''}${onFilter ? ' brushable' : ''}`}
        role="group"
        aria-label={TEXT.brush[lang]}
        title={compact ? TEXT.brush[lang] : undefined}
        data-testid="filtergram"
        data-column={c.name}
      >
        {c.histogram.map((b, i) => (
          <div
            key={b.from}
            className={`histogram-bar${i >= lo && i <= hi ? ' brushed' : ''}`}
            data-bin={i}
            title={`${edge(b.from)} – ${edge(b.to)}: ${formatNumber(b.n, lang)}`}
            style={{ height: `${Math.max(2, (b.n / max) * 100)}%` }}
            onPointerDown={(e) => {
              if (!onFilter) return;
              e.preventDefault();
              setBrush({ from: i, to: i });
            }}
            onPointerEnter={() => brush && setBrush({ ...brush, to: i })}
          />
        ))}
      </div>
    );
  }
  if (!c.top || c.unique) return null;
  const toggle = (v: string) => setPicked((p) => (p.includes(v) ? p.filter((x) => x !== v) : [...p, v]));
  return (
    <div className="top-values-wrap" data-testid="filtergram" data-column={c.name}>
      <ol className="top-values" aria-label={TEXT.pick[lang]}>
        {c.top.map((x) => (
          <li key={x.value} className={picked.includes(x.value) ? 'picked' : undefined}>
            <button
              type="button"
              className="top-pick"
              disabled={!onFilter}
              aria-pressed={picked.includes(x.value)}
              onClick={() => toggle(x.value)}
              title={TEXT.pick[lang]}
            >
              <span className="top-bar" style={{ width: `${Math.max(2, x.share * 100)}%` }} />
              <span className="top-label">{x.value}</span>
              <span className="top-share">{percent(x.share)}</span>
            </button>
          </li>
        ))}
      </ol>
      {onFilter && picked.length > 0 && (
        <button
          type="button"
          className="small filter-apply"
          onClick={() => {
            onFilter(valueRules(c.name, picked));
            setPicked([]);
          }}
        >
          {TEXT.apply[lang]} ({picked.length})
        </button>
      )}
    </div>
  );
}
