import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettlingAsyncDuckDB } from './settling-duckdb.ts';

/** A worker that takes requests and never answers, and fails or stops when told to. */
class SilentWorker extends EventTarget {
  postMessage(): void {}
  terminate(): void {}
  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
  stop(): void {
    this.dispatchEvent(new Event('close'));
  }
}

const settled = (p: Promise<unknown>) =>
  Promise.race([
    p.then(
      () => 'resolved',
      (e: unknown) => `rejected: ${(e as Error).message}`,
    ),
    new Promise((resolve) => setTimeout(() => resolve('pending'), 200)),
  ]);

describe('a DuckDB-WASM worker that fails', () => {
  afterEach(() => vi.restoreAllMocks());

  it('rejects the requests awaiting it, where the library would leave them pending forever', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const crashing = new SilentWorker();
    const db = new SettlingAsyncDuckDB(new VoidLogger(), crashing as unknown as Worker);
    const version = db.getVersion();
    crashing.fail('out of memory');
    expect(await settled(version)).toBe('rejected: DuckDB worker error: out of memory');

    const stopping = new SilentWorker();
    const other = new SettlingAsyncDuckDB(new VoidLogger(), stopping as unknown as Worker);
    const ping = other.ping();
    stopping.stop();
    expect(await settled(ping)).toBe('rejected: DuckDB worker stopped');

    // the library's own class, for contrast: the request never settles (what hung the studio's statement queue)
    const stuck = new SilentWorker();
    const plain = new AsyncDuckDB(new VoidLogger(), stuck as unknown as Worker);
    const never = plain.getVersion();
    stuck.fail('out of memory');
    expect(await settled(never)).toBe('pending');
  });
});
