import { createStore as createIdbStore, get, set } from 'idb-keyval';
import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import { linkRecord, markDirty, restoreLink, type SavedLink, serverDocStore } from '../library/server-doc-store.ts';
import { loadSamples } from '../sources/samples.ts';
import type { StudioStore } from '../state/store.ts';
import { rewriteSamplePaths } from './sample-paths.ts';

const KEY = 'current';
const docs = () => createIdbStore('customs-studio-docs', 'docs');

interface Saved {
  doc: PipelineDoc;
  savedAt: number;
  inspected?: string;
  /** The server pipeline the document is linked to (absent: not on the server). */
  link?: SavedLink;
}

/**
 * The pipeline autosaved last, if any; a record that is not a format-1 document is ignored. Its server link
 * is restored with it (the document then is the one the link describes), so Save after a reload still
 * writes a new version of the same pipeline instead of a duplicate.
 */
export async function restoreDoc(): Promise<Saved | undefined> {
  const saved = await get<Saved>(KEY, docs()).catch(() => undefined);
  const doc = saved?.doc as Partial<PipelineDoc> | undefined;
  if (doc?.format !== 'customs-studio/pipeline' || !Array.isArray(doc.nodes)) return undefined;
  restoreLink(saved?.link);
  return saved;
}

/**
 * Saves the open pipeline (and its server link) to IndexedDB shortly after every change, and at once when the
 * page is hidden or closed, so a reload or a crash loses at most the last fraction of a second. Every edit
 * also marks a linked document as changed since its last server save.
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
    const link = linkRecord(serverDocStore.getState());
    if (link) record.link = link;
    saving = saving.then(() => set(KEY, record, idb)).catch(() => undefined);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.revision !== prev.revision) markDirty();
    if (s.revision === prev.revision && s.inspected === prev.inspected) return;
    later();
  });
  // A new link (open, save) is written at once, with the document it belongs to: a reload right after a save
  // must not lose it (the record is one IndexedDB value, so link and document never disagree).
  const unsubscribeLink = serverDocStore.subscribe((d, prev) => {
    if (d.pipelineId !== prev.pipelineId || d.baseVersion !== prev.baseVersion) save();
    else later();
  });
  const flush = () => {
    if (timer !== undefined) save();
  };
  const onVisibility = () => document.visibilityState === 'hidden' && flush();
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  void upgradeSamplePaths(store);
  return () => {
    flush();
    unsubscribe();
    unsubscribeLink();
    removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/**
 * A restored document (an autosave from before samples were server datasets) that reads a sample by path is
 * switched to the sample's dataset id, so that what is saved later names data the server has. Only while
 * nothing was edited yet: it replaces the document without an undo step.
 */
async function upgradeSamplePaths(store: StudioStore): Promise<void> {
  const samples = await loadSamples().catch(() => []);
  const s = store.getState();
  if (s.history.past.length > 0) return;
  const doc = rewriteSamplePaths(s.doc, samples);
  if (doc === s.doc) return;
  const { inspected } = s;
  s.load(doc);
  if (inspected) store.getState().inspect(inspected);
}
