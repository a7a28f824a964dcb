/** Worker thread entry: executes one run (`workerData: ExecuteInput`) and posts its `ExecuteOutput`. */
import { parentPort, workerData } from 'node:worker_threads';
import { type ExecuteInput, executePipeline } from './execute.ts';

const input = workerData as ExecuteInput;
executePipeline(input)
  .then((output) => parentPort?.postMessage(output))
  .catch((e: unknown) => parentPort?.postMessage({ ok: false, log: [], error: (e as Error).message }));
