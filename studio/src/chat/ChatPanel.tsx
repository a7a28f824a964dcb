import { type FormEvent, useEffect, useRef, useState } from 'react';
import { QaIndex, type QaResult } from '../../../runtime/text/qa-retrieval.ts';
import { useServices } from '../app/useServices.ts';
import { fill } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { loadKnowledge } from './knowledge.ts';
import { L } from './labels.ts';
import './chat.css';

type Knowledge = { state: 'loading' } | { state: 'ready'; qa: QaIndex } | { state: 'error'; message: string };

interface Turn {
  question: string;
  result: QaResult;
}

/** Same answer threshold and count as the `model.qa_answer` node's defaults, so the panel and a batch agree. */
const THRESHOLD = 0.25;
const ANSWERS = 3;

export default function ChatPanel({ onClose }: { onClose: () => void }) {
  const [lang] = useLang();
  const { session } = useServices();
  const [knowledge, setKnowledge] = useState<Knowledge>({ state: 'loading' });
  const [turns, setTurns] = useState<Turn[]>([]);
  const [question, setQuestion] = useState('');
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    session()
      .then(({ engine }) => loadKnowledge(engine))
      .then((entries) => live && setKnowledge({ state: 'ready', qa: QaIndex.build(entries) }))
      .catch(
        (e: unknown) => live && setKnowledge({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [session]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  // The newest answer in view after each question.
  const count = turns.length;
  useEffect(() => {
    if (count > 0) end.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);

  const ask = (e: FormEvent) => {
    e.preventDefault();
    const q = question.trim();
    if (!q || knowledge.state !== 'ready') return;
    setTurns((t) => [...t, { question: q, result: knowledge.qa.answer(q, { k: ANSWERS, threshold: THRESHOLD }) }]);
    setQuestion('');
  };

  return (
    <aside className="chat-panel nokey" aria-label={L.title[lang]} data-testid="chat-panel">
      <header className="chat-head">
        <h2>{L.title[lang]}</h2>
        <button type="button" onClick={onClose} data-testid="chat-close">
          {L.close[lang]}
        </button>
      </header>
      <p className="muted small">{L.help[lang]}</p>
      {knowledge.state === 'loading' && (
        <p className="waiting">
          <span className="spinner" aria-hidden="true" /> {L.loading[lang]}
        </p>
      )}
      {knowledge.state === 'error' && (
        <p className="error" data-testid="chat-error">
          {fill(L.failed[lang], { message: knowledge.message })}
        </p>
      )}
      {knowledge.state === 'ready' && (
        <p className="muted small" data-testid="chat-size">
          {fill(L.loaded[lang], { count: knowledge.qa.size.toLocaleString() })}
        </p>
      )}
      <div className="chat-log" data-testid="chat-log">
        {turns.map((t, i) => (
          // Turns are only ever appended: the index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
          <div key={i} className="chat-turn">
            <p className="chat-question">{t.question}</p>
            {t.result.answered ? (
              t.result.hits.map((h) => (
                <div key={h.entry.id} className="chat-answer" data-testid="chat-answer">
                  <p>{h.entry.answer.length > 400 ? `${h.entry.answer.slice(0, 400)}…` : h.entry.answer}</p>
                  <p className="muted small">
                    {[h.entry.source, h.entry.id, h.entry.date].filter(Boolean).join(' · ')} · {L.score[lang]}{' '}
                    {h.score.toFixed(2)}
                    {h.matched.length > 0 && ` · ${h.matched.join(', ')}`}
                  </p>
                </div>
              ))
            ) : (
              <p className="chat-answer chat-dont-know" data-testid="chat-dont-know">
                {L.dontKnow[lang]}
              </p>
            )}
          </div>
        ))}
        <div ref={end} />
      </div>
      <form className="chat-form" onSubmit={ask}>
        <input
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          placeholder={L.placeholder[lang]}
          aria-label={L.placeholder[lang]}
          maxLength={2000}
          data-testid="chat-input"
        />
        <button type="submit" className="primary" disabled={knowledge.state !== 'ready'} data-testid="chat-ask">
          {L.ask[lang]}
        </button>
      </form>
    </aside>
  );
}
