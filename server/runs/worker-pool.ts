/**
 * Warm run workers. Loading the runtime and every node module into a fresh worker thread costs about a
 * second, more than a small run itself; so a worker whose run ended normally waits for the next run (at
 * most `maxIdle` wait, each retired after `maxRuns` runs). One that timed out, was cancelled or crashed
 * is terminated. Every run still opens its own DuckDB instance; what a worker keeps between runs is
 * loaded code, not data.
 */
import { Worker } from 'node:worker_threads';

export interface PooledWorker {
  worker: Worker;
  runs: number;
  /** While idle: drops the worker from the pool if it dies. */
  onIdleExit?: () => void;
}

export class WorkerPool {
  private readonly idle: PooledWorker[] = [];

  constructor(private readonly options: { heapMb: number; maxIdle: number; maxRuns: number }) {}

  acquire(): PooledWorker {
    const warm = this.idle.pop();
    if (warm) {
      if (warm.onIdleExit) warm.worker.off('exit', warm.onIdleExit);
      warm.worker.ref();
      return warm;
    }
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    return { worker, runs: 0 };
  }

  /**
   * The run ended normally: keep the worker warm, or retire it. The caller removed its own listeners
   * (never `removeAllListeners()`: Node's Worker keeps internal ones that reference its message port).
   */
  release(slot: PooledWorker): void {
    slot.runs += 1;
    if (this.idle.length >= this.options.maxIdle || slot.runs >= this.options.maxRuns) {
      void slot.worker.terminate();
      return;
    }
    // an idle worker that dies leaves the pool rather than swallowing the next run
    slot.onIdleExit = () => {
      const at = this.idle.indexOf(slot);
      if (at >= 0) this.idle.splice(at, 1);
    };
    slot.worker.once('exit', slot.onIdleExit);
    slot.worker.unref();
    this.idle.push(slot);
  }

  discard(slot: PooledWorker): void {
    void slot.worker.terminate();
  }
}
