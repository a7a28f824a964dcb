import { VoidLogger } from '@duckdb/duckdb-wasm';
import { DuckDBWasmEngine } from './duckdb-wasm.ts';
import type { Engine } from './engine.ts';
import { SettlingAsyncDuckDB } from './settling-duckdb.ts';

/** URLs of the wasm module and its worker script, served by the app itself (never a CDN), e.g. Vite `?url` imports. */
export interface WasmBundle {
  mainModule: string;
  mainWorker: string;
}

/**
 * DuckDB-WASM in the browser: starts the worker, instantiates and opens an in-memory database, and wraps it in
 * the Engine (which turns extension auto-loading off: json/parquet/icu would be fetched from the internet).
 *
 * ```ts
 * import mainModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
 * import mainWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
 * const engine = await createWasmEngineForBrowser({ mainModule, mainWorker });
 * ```
 */
export async function createWasmEngineForBrowser(bundle: WasmBundle): Promise<Engine> {
  const worker = new Worker(bundle.mainWorker);
  const db = new SettlingAsyncDuckDB(new VoidLogger(), worker);
  try {
    await db.instantiate(bundle.mainModule);
    await db.open({});
    return await DuckDBWasmEngine.create(db);
  } catch (e) {
    await db.terminate();
    throw e;
  }
}
