import { useState } from 'react';
import { formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import type { ColumnQuality } from './quality.ts';

const TEXT = {
  valid: { ko: '유효', en: 'Valid' },
  mismatched: { ko: '형식 불일치', en: 'Mismatched' },
  missing: { ko: '빈 값', en: 'Missing' },
  number: { ko: '숫자로 보이는 값 기준', en: 'against numbers (most values are numbers)' },
  date: { ko: '날짜로 보이는 값 기준', en: 'against dates (most values are dates)' },
  rules: { ko: '검증 규칙 포함', en: 'validation rules included' },
} as const;

const pct = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(n > 0 && n < of / 1000 ? 2 : 1)}%` : '0%');

/** Hover text of a quality bar: the three counts with their share, and what "mismatched" was checked against. */
export function qualityTitle(q: ColumnQuality, lang: 'ko' | 'en'): string {
  const line = (key: 'valid' | 'mismatched' | 'missing') =>
    `${TEXT[key][lang]}: ${formatNumber(q[key], lang)} (${pct(q[key], q.rows)})`;
  const notes = [q.textAs ? TEXT[q.textAs][lang] : '', q.ruled ? TEXT.rules[lang] : ''].filter(Boolean);
  return [line('valid'), line('mismatched'), line('missing'), ...notes].join('\n');
}

/** Green (valid) / amber (mismatched) / grey (missing) across the whole result, as in Paxata and Trifacta. */
export function QualityBar({ quality: q }: { quality: ColumnQuality | undefined }) {
  const [lang] = useLang();
  const [hover, setHover] = useState<{ x: number; y: number }>();
  if (!q) return <div className="quality-bar quality-bar-empty" />;
  const w = (n: number) => `${q.rows ? (n / q.rows) * 100 : 0}%`;
  return (
    <div
      className="quality-bar"
      onMouseEnter={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        setHover({ x: r.left, y: r.bottom + 4 });
      }}
      onMouseLeave={() => setHover(undefined)}
      data-testid="quality-bar"
      data-valid={q.valid}
      data-mismatched={q.mismatched}
      data-missing={q.missing}
      role="img"
      aria-label={qualityTitle(q, lang).replaceAll('\n', ', ')}
    >
      <span className="q-valid" style={{ width: w(q.valid) }} />
      <span className="q-mismatched" style={{ width: w(q.mismatched) }} />
      <span className="q-missing" style={{ width: w(q.missing) }} />
      {hover && (
        <div className="quality-tip" style={{ left: hover.x, top: hover.y }} data-testid="quality-tip">
          {qualityTitle(q, lang)
            .split('\n')
            .map((line, i) => (
              <div key={line} className={['tip-valid', 'tip-mismatched', 'tip-missing'][i] ?? 'tip-note'}>
                {line}
              </div>
            ))}
        </div>
      )}
    </div>
  );
}
