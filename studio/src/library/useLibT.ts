import { useMemo } from 'react';
import { useLang } from '../i18n/useLang.ts';
import { type LibT, libText } from './text.ts';

/** The library texts in the current language. */
export function useLibT(): LibT {
  const [lang] = useLang();
  return useMemo(() => libText(lang), [lang]);
}
