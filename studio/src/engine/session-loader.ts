import type { FileStore } from '../files/file-store.ts';
import type { StudioStore } from '../state/store.ts';
import type { Session } from './session.ts';
import { warmUp } from './warm-up.ts';

export type SessionLoader = () => Promise<Session>;

/**
 * Starts the engine once and tells the store how it goes (the header shows it). The session module and
 * DuckDB-WASM are a separate chunk, so the first screen never waits for them; with `warm` (the default in a
 * browser) they start right away, while the officer reads the first screen, and the first data load finds
 * the engine ready instead of waiting seconds for it.
 */
export function sessionLoader(
  store: StudioStore,
  files: FileStore,
  { warm = typeof window !== 'undefined' }: { warm?: boolean } = {},
): SessionLoader {
  let session: Promise<Session> | undefined;
  const load = () => {
    session ??= (async () => {
      const started = performance.now();
      store.getState().setEngine({ state: 'loading' });
      try {
        const { createSession } = await import('./session.ts');
        const s = await createSession(files, (load) => store.getState().setLoad(load));
        // The first load waits for this (under a second) instead of paying several seconds of compiling.
        await warmUp(s.db).catch(() => undefined);
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
  // After the current task: the first screen's own work (restoring the pipeline, the first render) goes first.
  if (warm) setTimeout(() => void load().catch(() => undefined), 0);
  return load;
}
