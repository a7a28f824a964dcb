// Heavy per-row JavaScript inside a node (the text models: HS code suggestion builds a 4 s index, then scores item by
// item) runs where the runtime runs unless a host takes it elsewhere. The studio registers a host that runs such work
// in a Web Worker, so the page never stops and a cancel ends the worker at once; the server and the command line,
// which already run pipelines off their main thread, run it in process. The runtime knows only task names: the
// node gives the in-process function, the host (studio) imports the same function into its worker.

export interface OffloadControl {
  progress(fraction: number): void;
  readonly signal?: AbortSignal;
}

export interface OffloadHost {
  /** True when this host runs the named task (elsewhere than in process). */
  handles(task: string): boolean;
  /** Runs the task on cloneable arguments; rejects with an AbortError when `signal` aborts. */
  run(task: string, args: unknown, control: OffloadControl): Promise<unknown>;
}

let host: OffloadHost | null = null;

/** Registers where offloadable tasks run (null: in process). */
export function setOffloadHost(next: OffloadHost | null) {
  host = next;
}

/**
 * Runs `task` on the registered host when it takes it, else `inProcess(args, control)`. Arguments and result must be
 * structured-cloneable (they may cross to a worker).
 */
export async function offload<A, R>(
  task: string,
  args: A,
  control: OffloadControl,
  inProcess: (args: A, control: OffloadControl) => Promise<R>,
): Promise<R> {
  if (host?.handles(task)) return (await host.run(task, args, control)) as R;
  return inProcess(args, control);
}
