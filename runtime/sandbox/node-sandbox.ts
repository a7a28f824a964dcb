import { Worker } from 'node:worker_threads';
import { type ColumnarData, type JsSandbox, type JsSandboxRequest, SandboxError, type SandboxReply } from './types.ts';

export interface NodeSandboxOptions {
  /** Heap of the worker in MB (its young and old generations together). */
  maxHeapMb?: number;
}

/**
 * Node implementation: one fresh `worker_threads` Worker per run (see `node-worker.mjs`), with a heap
 * limit and no environment; terminated when the time limit passes or the signal aborts.
 */
export function createNodeSandbox(options: NodeSandboxOptions = {}): JsSandbox {
  const maxHeapMb = options.maxHeapMb ?? 1024;
  return {
    run(request: JsSandboxRequest): Promise<ColumnarData> {
      const { code, inputs, timeoutMs, signal } = request;
      if (signal?.aborted) return Promise.reject(new SandboxError('Cancelled', 'aborted'));
      return new Promise<ColumnarData>((resolve, reject) => {
        const worker = new Worker(new URL('./node-worker.mjs', import.meta.url), {
          env: {},
          argv: [],
          stdout: true,
          stderr: true,
          resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 64 },
        });
        let settled = false;
        const finish = (fn: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          void worker.terminate();
          fn();
        };
        const onAbort = () => finish(() => reject(new SandboxError('Cancelled', 'aborted')));
        // The vm timeout stops a synchronous loop; this one also covers worker start-up and microtask loops.
        const timer = setTimeout(
          () => finish(() => reject(new SandboxError(`Time limit of ${timeoutMs / 1000} s exceeded`, 'timeout'))),
          timeoutMs + 2000,
        );
        signal?.addEventListener('abort', onAbort, { once: true });
        worker.on('message', (reply: SandboxReply) =>
          finish(() =>
            reply.ok
              ? resolve(reply.result)
              : reject(
                  new SandboxError(
                    reply.kind === 'timeout' ? `Time limit of ${timeoutMs / 1000} s exceeded` : reply.message,
                    reply.kind,
                    reply.line,
                  ),
                ),
          ),
        );
        worker.on('error', (e: Error & { code?: string }) =>
          finish(() =>
            reject(
              e.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? new SandboxError('The code ran out of memory', 'memory')
                : new SandboxError(e.message, 'runtime'),
            ),
          ),
        );
        worker.on('exit', () => finish(() => reject(new SandboxError('The sandbox stopped unexpectedly', 'runtime'))));
        worker.postMessage({ code, inputs, timeoutMs });
      });
    },
  };
}
