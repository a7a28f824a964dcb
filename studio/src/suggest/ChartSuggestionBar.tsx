import { useMemo } from 'react';
import { useServices } from '../app/useServices.ts';
import { useLang } from '../i18n/useLang.ts';
import type { Profile } from '../inspect/profile.ts';
import { chartSuggestions } from './chart-suggest.ts';
import { insertStep } from './insert-step.ts';
import './suggest.css';

const TITLE = { ko: '추천 차트', en: 'Suggested charts' } as const;

/** Charts that fit the inspected result's columns; clicking one inserts a chart step after the node. */
export function ChartSuggestionBar(props: { nodeId: string; profile: Profile | undefined }) {
  const { nodeId, profile } = props;
  const [lang] = useLang();
  const { store } = useServices();
  const suggestions = useMemo(() => (profile ? chartSuggestions(profile) : []), [profile]);
  if (suggestions.length === 0) return null;
  return (
    <div className="suggest-bar" data-testid="chart-suggestions" role="toolbar" aria-label={TITLE[lang]}>
      <strong className="suggest-title">{TITLE[lang]}</strong>
      {suggestions.map((s) => (
        <button
          key={s.id}
          type="button"
          className="suggestion"
          data-chart-suggestion={s.id}
          title={s.label[lang === 'ko' ? 'en' : 'ko']}
          onClick={() => insertStep(store.getState(), nodeId, s.type, s.params)}
        >
          {s.label[lang]}
          <span className="suggestion-reason">{s.reason[lang]}</span>
        </button>
      ))}
    </div>
  );
}
