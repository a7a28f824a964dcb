import type { Row } from '../../../runtime/schema/types.ts';
import { formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { EVAL_TEXT } from './evaluation-specs.ts';

/** The k the cards speak of: 5 % (an officer's usual inspection share) when listed, else the first. */
function cardK(rows: Row[]): Row | undefined {
  return rows.find((r) => Number(r.k) === 5) ?? rows[0];
}

const pct = (v: unknown) => (v === null || v === undefined ? '–' : `${(Number(v) * 100).toFixed(1)}%`);

/** P@k, R@k, Rev@k, lift at one k, and the AUC and counts over all rows, labelled in the officer's words. */
export function MetricCards(props: { rows: Row[] }) {
  const [lang] = useLang();
  const at = cardK(props.rows);
  if (!at) return null;
  const k = `${Number(at.k)}%`;
  const cards: { id: string; label: string; short: string; value: string }[] = [
    { id: 'precision', label: EVAL_TEXT.precision[lang], short: `P@${k}`, value: pct(at.precision) },
    { id: 'recall', label: EVAL_TEXT.recall[lang], short: `R@${k}`, value: pct(at.recall) },
    { id: 'revenue', label: EVAL_TEXT.revenue[lang], short: `Rev@${k}`, value: pct(at.revenue) },
    {
      id: 'lift',
      label: EVAL_TEXT.lift[lang],
      short: `Lift@${k}`,
      value: at.lift === null ? '–' : `${Number(at.lift).toFixed(2)}×`,
    },
    { id: 'auc', label: EVAL_TEXT.auc[lang], short: 'AUC', value: at.auc === null ? '–' : Number(at.auc).toFixed(3) },
    { id: 'rows', label: EVAL_TEXT.rows[lang], short: 'n', value: formatNumber(Number(at.n_rows), lang) },
    { id: 'positives', label: EVAL_TEXT.positives[lang], short: '', value: formatNumber(Number(at.positives), lang) },
  ];
  const scope = lang === 'ko' ? `점수 상위 ${k} 선별 시` : `Selecting the top ${k} by score`;
  return (
    <div className="eval-cards" data-testid="eval-cards">
      <span className="muted small">{scope}</span>
      {cards.map((c) => (
        <div key={c.id} className="eval-card" data-metric={c.id}>
          <span className="eval-card-label">{c.label}</span>
          <strong className="eval-card-value">{c.value}</strong>
          {c.short && <span className="muted small">{c.short}</span>}
        </div>
      ))}
    </div>
  );
}
