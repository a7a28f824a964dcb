/**
 * Warm run processes. Each run executes in a child process (`child_process.fork`), because only ending a
 * process stops DuckDB's native threads: `worker.terminate()` stopped the JS of a worker thread while its
 * query kept both cores busy. Loading the runtime and every node module into a fresh process costs about a
 * second, more than a small run itself; so a spare process is forked ahead of need (`prepare`), and one whose run
 * ended normally waits for the next run (at most `maxIdle` wait, each retired after `maxRuns` runs). One
 * that timed out, was cancelled or crashed is ended (`stop`). Every run still opens its own DuckDB
 * instance; what a process keeps between runs is loaded code, not data.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';

export interface PooledProcess {
  child: ChildProcess;
  runs: number;
  /** While idle: drops the process from the pool if it dies. */
  onIdleExit?: () => void;
}

/** How long a stopped run's process may take to interrupt its query and exit before it is killed. */
export const STOP_GRACE_MS = 500;

export class WorkerPool {
  private readonly idle: PooledProcess[] = [];

  constructor(private readonly options: { heapMb: number; maxIdle: number; maxRuns: number }) {}

  acquire(): PooledProcess {
    const warm = this.idle.pop() ?? this.spawn();
    if (warm.onIdleExit) warm.child.off('exit', warm.onIdleExit);
    warm.onIdleExit = undefined;
    warm.child.ref();
    warm.child.channel?.ref();
    return warm;
  }

  /**
   * Starts a spare process if none is idle, so the next run starts warm. Called once a run's process has
   * started up (not at once: two processes loading the runtime together slow the first run down).
   */
  prepare(): void {
    if (this.idle.length === 0 && this.options.maxIdle > 0) this.park(this.spawn());
  }

  /**
   * The run ended normally: keep the process warm, or retire it. The caller removed its own listeners.
   */
  release(slot: PooledProcess): void {
    slot.runs += 1;
    if (this.idle.length >= this.options.maxIdle || slot.runs >= this.options.maxRuns) {
      slot.child.kill('SIGKILL');
      return;
    }
    this.park(slot);
  }

  /**
   * Ends a process whose run must stop: asks it to interrupt its query, kills it after `STOP_GRACE_MS`,
   * and resolves once it is gone (its DuckDB threads with it).
   */
  async stop(slot: PooledProcess): Promise<void> {
    const { child } = slot;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    if (child.connected) child.send({ type: 'abort' }, () => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    // the interrupted run answers nothing; the process is not reused, so kill it once the query stopped
    child.once('message', () => child.kill('SIGKILL'));
    await exited;
    clearTimeout(timer);
  }

  private spawn(): PooledProcess {
    const child = fork(new URL('./worker-entry.mjs', import.meta.url), [], {
      execArgv: [`--max-old-space-size=${this.options.heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // a send to a process that just died reports here; its 'exit' ends the run, so never crash the server
    child.on('error', () => {});
    return { child, runs: 0 };
  }

  /** Keeps a process idle without holding the server's event loop open; a process that dies leaves the pool. */
  private park(slot: PooledProcess): void {
    slot.onIdleExit = () => {
      const at = this.idle.indexOf(slot);
      if (at >= 0) this.idle.splice(at, 1);
    };
    slot.child.once('exit', slot.onIdleExit);
    slot.child.unref();
    slot.child.channel?.unref();
    this.idle.push(slot);
  }
}
