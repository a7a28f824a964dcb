import { useStore } from 'zustand';
import { type Lang, langStore } from './lang-store.ts';

export function useLang(): [Lang, (lang: Lang) => void] {
  return [useStore(langStore, (s) => s.lang), langStore.getState().setLang];
}
