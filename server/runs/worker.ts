/**
 * Run process entry (forked by `worker-pool.ts`): executes each run sent to it and answers its
 * `ExecuteOutput`. `abort` interrupts the running DuckDB query; the parent then ends this process
 * (SIGKILL after a short grace), which is what stops DuckDB's native threads for sure. If the server
 * dies, the IPC channel closes and this process ends itself rather than run on as an orphan.
 */
import { type ExecuteInput, executePipeline, pathScrubber } from './execute.ts';

export type ToRunProcess = { type: 'run'; input: ExecuteInput } | { type: 'abort' };

const failed = (input: ExecuteInput, e: unknown) => ({
  ok: false,
  log: [],
  error: pathScrubber(input)((e as Error).message),
});

let current: AbortController | undefined;
process.on('message', (message: ToRunProcess) => {
  if (message.type === 'abort') {
    current?.abort(new Error('cancelled'));
    return;
  }
  const { input } = message;
  const controller = new AbortController();
  current = controller;
  process.send?.({ type: 'started' }); // the run's time limit counts from here, not from the process's start-up
  executePipeline(input, controller.signal)
    .catch((e: unknown) => failed(input, e))
    .then((output) => {
      // an interrupted run's output is not recorded: the parent only waits for the query to have stopped
      process.send?.(controller.signal.aborted ? { type: 'stopped' } : { type: 'done', output });
    })
    .finally(() => {
      if (current === controller) current = undefined;
    });
});
process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
