import { OFFLOADED_TASKS } from '../../../nodes/model/_offloaded-tasks.ts';
import type { OffloadControl, OffloadHost } from '../../../runtime/compute/offload.ts';
import type { OffloadReply, OffloadRequest } from './offload-worker.ts';

const TASKS = new Set(OFFLOADED_TASKS);

const aborted = () => new DOMException('The run was cancelled', 'AbortError');

/**
 * Runs offloaded node work in one long-lived module worker (bundled by Vite). Tasks are queued by id; a cancel
 * terminates the worker (JavaScript in it cannot be interrupted otherwise), fails whatever else was in it, and the
 * next task starts a fresh one.
 */
export function createWorkerOffloadHost(): OffloadHost {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { control: OffloadControl; resolve(v: unknown): void; reject(e: unknown): void }>();

  const stop = (reason: unknown) => {
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) p.reject(reason);
    pending.clear();
  };

  const start = () => {
    const w = new Worker(new URL('./offload-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<OffloadReply>) => {
      const r = e.data;
      const p = pending.get(r.id);
      if (!p) return;
      if (r.type === 'progress') p.control.progress(r.fraction);
      else {
        pending.delete(r.id);
        if (r.type === 'done') p.resolve(r.result);
        else p.reject(new Error(r.message));
      }
    };
    w.onerror = (e) => stop(new Error(e.message || 'The worker failed'));
    return w;
  };

  return {
    handles: (task) => TASKS.has(task),
    run(task, args, control) {
      if (control.signal?.aborted) return Promise.reject(aborted());
      worker ??= start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          if (pending.has(id)) stop(aborted());
        };
        control.signal?.addEventListener('abort', onAbort, { once: true });
        const settle =
          <T>(fn: (v: T) => void) =>
          (v: T) => {
            control.signal?.removeEventListener('abort', onAbort);
            fn(v);
          };
        pending.set(id, { control, resolve: settle(resolve), reject: settle(reject) });
        worker!.postMessage({ id, task, args } satisfies OffloadRequest);
      });
    },
  };
}
