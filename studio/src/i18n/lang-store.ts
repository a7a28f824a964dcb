import { createStore } from 'zustand/vanilla';

export type Lang = 'ko' | 'en';

const KEY = 'customs-studio.lang';

function remembered(): Lang {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

/** The UI language: Korean unless the officer chose English, remembered in localStorage. */
export const langStore = createStore<{ lang: Lang; setLang(lang: Lang): void }>()((set) => ({
  lang: remembered(),
  setLang(lang) {
    try {
      globalThis.localStorage?.setItem(KEY, lang);
    } catch {
      // private mode or storage full: the choice lasts for this page only
    }
    document.documentElement.lang = lang;
    set({ lang });
  },
}));
