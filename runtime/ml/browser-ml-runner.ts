import type { MlRunner, MlTaskResult } from './tasks.ts';

type Reply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: unknown }
  | { type: 'error'; message: string };

/** Browser runner: a fresh module worker per training task, terminated on cancel (bundled by Vite). */
export function createBrowserMlRunner(): MlRunner {
  return {
    run(task, args, t) {
      if (t.signal?.aborted) return Promise.reject(new DOMException('Training was cancelled', 'AbortError'));
      return new Promise((resolve, reject) => {
        const worker = new Worker(new URL('./browser-ml-worker.ts', import.meta.url), { type: 'module' });
        const finish = (fn: () => void) => {
          t.signal?.removeEventListener('abort', onAbort);
          worker.terminate();
          fn();
        };
        const onAbort = () => finish(() => reject(new DOMException('Training was cancelled', 'AbortError')));
        t.signal?.addEventListener('abort', onAbort, { once: true });
        worker.onmessage = (e: MessageEvent<Reply>) => {
          const r = e.data;
          if (r.type === 'progress') t.progress(r.fraction);
          else if (r.type === 'done') finish(() => resolve(r.result as MlTaskResult<typeof task>));
          else finish(() => reject(new Error(r.message)));
        };
        worker.onerror = (e) => finish(() => reject(new Error(e.message || 'The training worker failed')));
        worker.postMessage({ task, args });
      });
    },
  };
}
