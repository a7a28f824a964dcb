import type { FileStore } from '../files/file-store.ts';
import type { StudioStore } from '../state/store.ts';
import type { Session } from './session.ts';

export type SessionLoader = () => Promise<Session>;

/**
 * Starts the engine once, on first need, and tells the store how it goes (the header shows it). The
 * session module and DuckDB-WASM are a separate chunk: the first screen never waits for them.
 */
export function sessionLoader(store: StudioStore, files: FileStore): SessionLoader {
  let session: Promise<Session> | undefined;
  return () => {
    session ??= (async () => {
      const started = performance.now();
      store.getState().setEngine({ state: 'loading' });
      try {
        const { createSession } = await import('./session.ts');
        const s = await createSession(files, (load) => store.getState().setLoad(load));
        store.getState().setEngine({ state: 'ready', version: s.version, ms: performance.now() - started });
        return s;
      } catch (e) {
        session = undefined;
        store.getState().setEngine({ state: 'error', message: (e as Error).message });
        throw e;
      }
    })();
    return session;
  };
}
