import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { Engine } from '../../../runtime/engine/engine.ts';
import { PipelineRuntime } from '../../../runtime/execute/runtime.ts';
import { createBrowserSandbox } from '../../../runtime/sandbox/browser-sandbox.ts';
import { BrowserFileAccess } from '../files/browser-file-access.ts';
import type { FileStore } from '../files/file-store.ts';
import { setUpModels } from '../ml/onnx-setup.ts';
import type { FileLoad } from '../state/store-types.ts';
import { startEngine } from './start-engine.ts';

/** The heavy half of the studio, loaded on first need: DuckDB-WASM in its worker, file access, the runtime. */
export interface Session {
  engine: Engine;
  db: AsyncDuckDB;
  files: BrowserFileAccess;
  runtime: PipelineRuntime;
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
    runtime: new PipelineRuntime(engine, files, { sandbox: createBrowserSandbox() }),
    version: await engine.version(),
  };
}
