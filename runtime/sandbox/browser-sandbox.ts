import { type ColumnarData, type JsSandbox, type JsSandboxRequest, SandboxError, type SandboxReply } from './types.ts';

/**
 * Browser implementation: one fresh dedicated module worker per run (bundled by Vite from
 * `browser-worker.ts`), terminated when the time limit passes or the signal aborts.
 */
export function createBrowserSandbox(): JsSandbox {
  return {
    run({ code, inputs, timeoutMs, signal }: JsSandboxRequest): Promise<ColumnarData> {
      if (signal?.aborted) return Promise.reject(new SandboxError('Cancelled', 'aborted'));
      return new Promise<ColumnarData>((resolve, reject) => {
        const worker = new Worker(new URL('./browser-worker.ts', import.meta.url), { type: 'module' });
        let settled = false;
        const finish = (fn: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          worker.terminate();
          fn();
        };
        const onAbort = () => finish(() => reject(new SandboxError('Cancelled', 'aborted')));
        const timer = setTimeout(
          () => finish(() => reject(new SandboxError(`Time limit of ${timeoutMs / 1000} s exceeded`, 'timeout'))),
          timeoutMs,
        );
        signal?.addEventListener('abort', onAbort, { once: true });
        worker.onmessage = (e: MessageEvent<SandboxReply>) => {
          const reply = e.data;
          finish(() =>
            reply.ok ? resolve(reply.result) : reject(new SandboxError(reply.message, reply.kind, reply.line)),
          );
        };
        worker.onerror = (e) => finish(() => reject(new SandboxError(e.message || 'The sandbox failed', 'runtime')));
        worker.postMessage({ code, inputs });
      });
    },
  };
}
