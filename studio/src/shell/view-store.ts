import { createStore } from 'zustand/vanilla';

export type View = 'canvas' | 'notebook';

const KEY = 'customs-studio.view';

function remembered(): View {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'notebook' ? 'notebook' : 'canvas';
  } catch {
    return 'canvas';
  }
}

/** Canvas or notebook: two views of the same document in the same store, remembered. */
export const viewStore = createStore<{ view: View; setView(view: View): void }>()((set) => ({
  view: remembered(),
  setView(view) {
    try {
      globalThis.localStorage?.setItem(KEY, view);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
    set({ view });
  },
}));
