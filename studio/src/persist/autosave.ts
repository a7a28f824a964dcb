import { createStore as createIdbStore, get, set } from 'idb-keyval';
import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import type { StudioStore } from '../state/store.ts';

const KEY = 'current';
const docs = () => createIdbStore('customs-studio-docs', 'docs');

interface Saved {
  doc: PipelineDoc;
  savedAt: number;
  inspected?: string;
}

/** The pipeline autosaved last, if any; a record that is not a format-1 document is ignored. */
export async function restoreDoc(): Promise<Saved | undefined> {
  const saved = await get<Saved>(KEY, docs()).catch(() => undefined);
  const doc = saved?.doc as Partial<PipelineDoc> | undefined;
  if (doc?.format !== 'customs-studio/pipeline' || !Array.isArray(doc.nodes)) return undefined;
  return saved;
}

/**
 * Saves the open pipeline to IndexedDB shortly after every change, and at once when the page is hidden or
 * closed, so a reload or a crash loses at most the last fraction of a second.
 */
export function startAutosave(store: StudioStore, delayMs = 300): () => void {
  const idb = docs();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving = Promise.resolve();
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    const s = store.getState();
    const record: Saved = { doc: s.doc, savedAt: Date.now() };
    if (s.inspected) record.inspected = s.inspected;
    saving = saving.then(() => set(KEY, record, idb)).catch(() => undefined);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.revision === prev.revision && s.inspected === prev.inspected) return;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  const flush = () => {
    if (timer !== undefined) save();
  };
  const onVisibility = () => document.visibilityState === 'hidden' && flush();
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    flush();
    unsubscribe();
    removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
