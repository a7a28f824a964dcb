import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { Engine } from '../../../runtime/engine/engine.ts';
import { createRunSession, type RunSession } from '../../../runtime/execute/run-session.ts';
import { createBrowserSandbox } from '../../../runtime/sandbox/browser-sandbox.ts';
import { BrowserFileAccess } from '../files/browser-file-access.ts';
import type { FileStore } from '../files/file-store.ts';
import { studioModels } from '../ml/api-model-store.ts';
import { IdbTrainingCache } from '../ml/idb-training-cache.ts';
import { setUpModels } from '../ml/onnx-setup.ts';
import type { FileLoad } from '../state/store-types.ts';
import { startEngine } from './start-engine.ts';

/** The heavy half of the studio, loaded on first need: DuckDB-WASM in its worker, file access, the runtime. */
export interface Session {
  engine: Engine;
  db: AsyncDuckDB;
  files: BrowserFileAccess;
  runtime: RunSession;
  version: string;
}

export async function createSession(store: FileStore, onLoad: (load: FileLoad) => void): Promise<Session> {
  setUpModels();
  const { engine, db } = await startEngine();
  const files = new BrowserFileAccess(db, store, onLoad);
  return {
    engine,
    db,
    files,
    runtime: createRunSession({
      engine,
      files,
      sandbox: createBrowserSandbox(),
      models: studioModels,
      // A reload (or reopening the pipeline) reuses a training of the same rows and settings.
      trainings: typeof indexedDB === 'undefined' ? undefined : new IdbTrainingCache(),
    }),
    version: await engine.version(),
  };
}
