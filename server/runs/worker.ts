/** Worker thread entry: executes each run posted to it (`ExecuteInput`) and answers its `ExecuteOutput`. */
import { parentPort } from 'node:worker_threads';
import { type ExecuteInput, executePipeline } from './execute.ts';

parentPort?.on('message', (input: ExecuteInput) => {
  executePipeline(input)
    .then((output) => parentPort?.postMessage(output))
    .catch((e: unknown) => parentPort?.postMessage({ ok: false, log: [], error: (e as Error).message }));
});
