import { type SessionLoader, sessionLoader } from '../engine/session-loader.ts';
import { FileStore } from '../files/file-store.ts';
import { restoreDoc, startAutosave } from '../persist/autosave.ts';
import { type RunController, startRunController } from '../run/run-controller.ts';
import { createStudioStore, type StudioStore } from '../state/store.ts';

/** What the views reach through context: the store and the few services with side effects. */
export interface StudioServices {
  store: StudioStore;
  files: FileStore;
  session: SessionLoader;
  runs: RunController;
  /** Resolves when the node registry (and with it validation) has loaded. */
  ready: Promise<void>;
}

/**
 * Builds the studio: restores the autosaved pipeline, starts autosave and auto-run, and loads the node
 * registry in the background (a separate chunk: zod, every node type, the XLSX and Parquet readers).
 */
export async function createServices(): Promise<StudioServices> {
  const store = createStudioStore();
  const files = new FileStore();
  const session = sessionLoader(store, files);
  const saved = await restoreDoc();
  if (saved) {
    store.getState().load(saved.doc);
    if (saved.inspected) store.getState().inspect(saved.inspected);
  }
  startAutosave(store);
  const runs = startRunController(store, session);
  const ready = import('../state/analysis/load-analyzer.ts').then(({ loadAnalyzer }) => {
    store.getState().setAnalyzer(loadAnalyzer());
  });
  // Documents with nodes need the engine soon: start it while the officer looks at the first screen.
  if (store.getState().doc.nodes.length > 0) void session().catch(() => undefined);
  return { store, files, session, runs, ready };
}
