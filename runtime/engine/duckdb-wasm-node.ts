import { createRequire } from 'node:module';
import path from 'node:path';
import { VoidLogger } from '@duckdb/duckdb-wasm';
import { DuckDBWasmEngine } from './duckdb-wasm.ts';
import type { Engine } from './engine.ts';
import { NodeWebWorker } from './node-web-worker.ts';
import { SettlingAsyncDuckDB } from './settling-duckdb.ts';

/** duckdb-wasm's dist folder (the package exports no `./package.json`: resolve a real file, stack-notes pitfall 9). */
function distDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
}

/**
 * DuckDB-WASM in Node, through the same AsyncDuckDB code path as the browser: for tests and the command line.
 * Runs on vitest's `forks` pool only (importing the async bundle inside a `threads` worker crashes, pitfall 8).
 */
export async function createWasmEngineForNode(): Promise<Engine> {
  const dist = distDir();
  const worker = new NodeWebWorker(path.join(dist, 'duckdb-node-eh.worker.cjs'));
  // AsyncDuckDB wants a DOM Worker; NodeWebWorker implements the part of it AsyncDuckDB uses.
  const db = new SettlingAsyncDuckDB(new VoidLogger(), worker as unknown as Worker);
  try {
    await db.instantiate(path.join(dist, 'duckdb-eh.wasm'));
    await db.open({});
    return await DuckDBWasmEngine.create(db, { onClose: () => worker.whenExited() });
  } catch (e) {
    await db.terminate();
    await worker.whenExited();
    throw e;
  }
}
