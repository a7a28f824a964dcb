/// <reference lib="webworker" />
import { type MlTaskName, mlTasks } from './tasks.ts';

/** Runs one training task per message, posting progress and then the result (or the error). */
self.onmessage = (e: MessageEvent<{ task: MlTaskName; args: never }>) => {
  const { task, args } = e.data;
  try {
    const result = mlTasks[task](args, { progress: (fraction) => self.postMessage({ type: 'progress', fraction }) });
    self.postMessage({ type: 'done', result });
  } catch (err) {
    self.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
