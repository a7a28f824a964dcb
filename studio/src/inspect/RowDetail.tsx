import type { Column, Row } from '../../../runtime/schema/types.ts';
import { useLang } from '../i18n/useLang.ts';
import { formatValue } from './format-value.ts';

/** The screening node's explanation column: "reason ▲0.82 · reason ▼0.10 · …" (nodes/model/_explain.ts). */
export const REASONS_COLUMN = 'risk_reasons';

const TEXT = {
  title: { ko: '선택한 행', en: 'Selected row' },
  reasons: { ko: '선별 사유 (위험도에 대한 기여)', en: 'Why flagged (contribution to the risk)' },
  noReasons: {
    ko: '설명 없음 (고위험으로 선별된 행만 설명합니다)',
    en: 'No explanation (only flagged rows are explained)',
  },
  up: { ko: '위험 높임', en: 'raises risk' },
  down: { ko: '위험 낮춤', en: 'lowers risk' },
  close: { ko: '닫기', en: 'Close' },
};

/** One reason split into its words and its signed size, so direction reads as words and not only as ▲/▼. */
function parseReason(text: string): { words: string; up: boolean | undefined; size: string } {
  const m = /^(.*?)\s*([▲▼])\s*([\d.]+)\s*$/.exec(text);
  return m ? { words: m[1]!, up: m[2] === '▲', size: m[3]! } : { words: text, up: undefined, size: '' };
}

/** A clicked row of a result: its flag's reasons one per line (when the table has them), then every value. */
export function RowDetail(props: { row: Row; columns: Column[]; index: number; onClose(): void }) {
  const { row, columns, index, onClose } = props;
  const [lang] = useLang();
  const raw = row[REASONS_COLUMN];
  const reasons = typeof raw === 'string' && raw.trim() ? raw.split(' · ').map(parseReason) : [];
  const hasReasons = columns.some((c) => c.name === REASONS_COLUMN);
  return (
    <aside className="row-detail" data-testid="row-detail">
      <div className="row-detail-head">
        <strong>
          {TEXT.title[lang]} #{(index + 1).toLocaleString()}
        </strong>
        <button type="button" className="link" onClick={onClose}>
          {TEXT.close[lang]}
        </button>
      </div>
      {hasReasons && (
        <section data-testid="row-reasons">
          <h3>{TEXT.reasons[lang]}</h3>
          {reasons.length ? (
            <ol className="row-reasons">
              {reasons.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: reasons are fixed, ranked by size
                <li key={i} className={r.up === undefined ? '' : r.up ? 'reason-up' : 'reason-down'}>
                  <span>{r.words}</span>
                  {r.up !== undefined && (
                    <span className="muted small">
                      {' '}
                      {r.up ? '▲' : '▼'} {r.size} {r.up ? TEXT.up[lang] : TEXT.down[lang]}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted small">{TEXT.noReasons[lang]}</p>
          )}
        </section>
      )}
      <dl className="row-values">
        {columns
          .filter((c) => c.name !== REASONS_COLUMN)
          .map((c) => (
            <div key={c.name}>
              <dt>{c.name}</dt>
              <dd>{formatValue(row[c.name], lang)}</dd>
            </div>
          ))}
      </dl>
    </aside>
  );
}
