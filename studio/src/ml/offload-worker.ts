/// <reference lib="webworker" />
// The studio's worker for offloaded node work (runtime/compute/offload.ts): HS code suggestion and document
// similarity. It lives as long as the page, so what a task builds once (the HS nomenclature index) serves every later
// run; a cancel ends the worker, and the next task starts a new one.
import { type SimilarityArgs, similarityRows } from '../../../nodes/model/_doc-similarity-compute.ts';
import { type HsSuggestArgs, suggestCodes } from '../../../nodes/model/_hs-suggest.ts';
import { DOC_SIMILARITY, HS_SUGGEST } from '../../../nodes/model/_offloaded-tasks.ts';

export type OffloadRequest = { id: number; task: string; args: unknown };
export type OffloadReply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'error'; message: string };

const TASKS: Record<string, (args: never, control: { progress(f: number): void }) => Promise<unknown>> = {
  [HS_SUGGEST]: (args: HsSuggestArgs, control) => suggestCodes(args, control),
  [DOC_SIMILARITY]: (args: SimilarityArgs, control) => similarityRows(args, control),
};

self.onmessage = async (e: MessageEvent<OffloadRequest>) => {
  const { id, task, args } = e.data;
  const post = (reply: OffloadReply) => self.postMessage(reply);
  try {
    const run = TASKS[task];
    if (!run) throw new Error(`unknown task ${task}`);
    const result = await run(args as never, { progress: (fraction) => post({ id, type: 'progress', fraction }) });
    post({ id, type: 'done', result });
  } catch (err) {
    post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
