import { type AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import mainWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mainModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { DuckDBWasmEngine } from '../../../runtime/engine/duckdb-wasm.ts';
import type { Engine } from '../../../runtime/engine/engine.ts';
import { SettlingAsyncDuckDB } from '../../../runtime/engine/settling-duckdb.ts';

export interface StartedEngine {
  engine: Engine;
  /** The database behind the engine, for what the Engine interface does not cover: file handles. */
  db: AsyncDuckDB;
}

/**
 * DuckDB-WASM (the exception-handling build, served by this app: never a CDN) in its Web Worker. Same steps as
 * the runtime's `createWasmEngineForBrowser`, which hides the AsyncDuckDB; the studio keeps it to register
 * dropped files by handle (`registerFileHandle`), so a large file is read in slices instead of copied.
 */
export async function startEngine(): Promise<StartedEngine> {
  const worker = new Worker(mainWorker);
  const db = new SettlingAsyncDuckDB(new VoidLogger(), worker);
  try {
    await db.instantiate(mainModule);
    await db.open({});
    return { db, engine: await DuckDBWasmEngine.create(db) };
  } catch (e) {
    await db.terminate();
    throw e;
  }
}
