import { useMemo } from 'react';
import { useLang } from '../i18n/useLang.ts';
import { type RunsT, runsText } from './runs-text.ts';

/** The run/schedule texts in the current language. */
export function useRunsT(): RunsT {
  const [lang] = useLang();
  return useMemo(() => runsText(lang), [lang]);
}
