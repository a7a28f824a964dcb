import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { MessageKey } from './ko.ts';
import { langStore } from './lang-store.ts';
import { type Translate, translate, type Vars } from './translate.ts';

/** `t(key, vars)` in the current language; components re-render when the language changes. */
export function useT(): Translate {
  const lang = useStore(langStore, (s) => s.lang);
  return useCallback((key: MessageKey, vars?: Vars) => translate(lang, key, vars), [lang]);
}
