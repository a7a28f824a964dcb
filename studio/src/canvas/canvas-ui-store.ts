import { createStore } from 'zustand/vanilla';

export type Sizes = Record<string, { width: number; height: number }>;

const MINIMAP_KEY = 'customs-studio.minimap';

function rememberedMinimap(): boolean {
  try {
    return globalThis.localStorage?.getItem(MINIMAP_KEY) === 'on';
  } catch {
    return false;
  }
}

/**
 * What the canvas knows beside the document: the sizes React Flow measured (the palette places new cards
 * with them, outside the flow) and whether the minimap is shown (hidden until asked for, remembered).
 */
export const canvasUiStore = createStore<{
  sizes: Sizes;
  minimap: boolean;
  addSizes(sizes: Sizes): void;
  setMinimap(on: boolean): void;
}>()((set, get) => ({
  sizes: {},
  minimap: rememberedMinimap(),
  addSizes: (sizes) => set({ sizes: { ...get().sizes, ...sizes } }),
  setMinimap(on) {
    try {
      globalThis.localStorage?.setItem(MINIMAP_KEY, on ? 'on' : 'off');
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
    set({ minimap: on });
  },
}));
