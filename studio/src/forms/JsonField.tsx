import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { useForm } from './useForm.ts';

/** Any value as JSON text, applied when it parses: the fallback for exotic params. */
export function JsonField({ path, value }: { path: string; value: unknown }) {
  const { set } = useForm();
  const t = useT();
  const text = value === undefined ? '' : JSON.stringify(value);
  const [draft, setDraft] = useState(text);
  const [bad, setBad] = useState(false);
  useEffect(() => setDraft(text), [text]);
  return (
    <input
      type="text"
      className={`json-field${bad ? ' bad' : ''}`}
      value={draft}
      title={bad ? t('form.badJson') : t('form.jsonHint')}
      spellCheck={false}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.target.value.trim() === '') {
          setBad(false);
          set(path, undefined);
          return;
        }
        try {
          set(path, JSON.parse(e.target.value));
          setBad(false);
        } catch {
          setBad(true);
        }
      }}
    />
  );
}
