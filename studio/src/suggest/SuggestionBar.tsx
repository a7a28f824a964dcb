import { useServices } from '../app/useServices.ts';
import { useLang } from '../i18n/useLang.ts';
import { insertStep } from './insert-step.ts';
import type { Suggestion } from './rank.ts';
import type { GridSelection } from './useSuggestions.ts';
import './suggest.css';

const TEXT = {
  title: { ko: '추천 단계', en: 'Suggested steps' },
  column: { ko: '열', en: 'Column' },
  hint: { ko: '열이나 값을 누르면 맞춤 제안이 나옵니다', en: 'Click a column or values for suggestions' },
  none: { ko: '제안할 단계가 없습니다', en: 'Nothing to suggest' },
  counting: { ko: '살펴보는 중…', en: 'Looking…' },
  clear: { ko: '선택 해제', en: 'Clear selection' },
} as const;

/** Ranked next steps for the grid selection; clicking one inserts its node after the inspected node. */
export function SuggestionBar(props: {
  nodeId: string;
  selection: GridSelection | undefined;
  suggestions: Suggestion[] | undefined;
  onClear(): void;
}) {
  const { nodeId, selection, suggestions, onClear } = props;
  const [lang] = useLang();
  const { store } = useServices();
  return (
    <div className="suggest-bar" data-testid="suggestions" role="toolbar" aria-label={TEXT.title[lang]}>
      <strong className="suggest-title">{TEXT.title[lang]}</strong>
      {selection ? (
        <span className="suggest-selection">
          {TEXT.column[lang]} <b>{selection.column}</b>
          {selection.values.length > 0 && ` · ${selection.values.map((v) => `‘${v}’`).join(', ')}`}
          <button type="button" className="link" onClick={onClear} title={TEXT.clear[lang]}>
            ×
          </button>
        </span>
      ) : (
        <span className="muted small">{TEXT.hint[lang]}</span>
      )}
      {!suggestions ? (
        <span className="muted small">{TEXT.counting[lang]}</span>
      ) : suggestions.length === 0 ? (
        <span className="muted small">{TEXT.none[lang]}</span>
      ) : (
        suggestions.map((s) => (
          <button
            key={s.id}
            type="button"
            className="suggestion"
            data-suggestion={s.id}
            title={`${s.reason[lang]} · ${s.label[lang === 'ko' ? 'en' : 'ko']}`}
            onClick={() => insertStep(store.getState(), nodeId, s.type, s.params)}
          >
            {s.label[lang]}
            <span className="suggestion-reason">{s.reason[lang]}</span>
          </button>
        ))
      )}
    </div>
  );
}
