import { createStore } from 'zustand/vanilla';

/** Which server pipeline the editor's document came from, and the version the edits started from. */
export const serverDocStore = createStore<{ pipelineId: string | null; baseVersion: number | null }>()(() => ({
  pipelineId: null,
  baseVersion: null,
}));
