import type { Table } from './features.ts';
import { type ClusterModel, fitClusters, type RiskProfile } from './risk-clusters.ts';
import { type ScreeningConfig, type TrainedScreening, type TrainProgress, trainScreening } from './screening.ts';

/**
 * Model training as named tasks with cloneable arguments and results, so a host can run them off the
 * main thread: in-process by default (the server already runs pipelines in a worker thread), in a Web
 * Worker in the studio (`browser-ml-runner.ts`), where training must not freeze the page.
 */
export const mlTasks = {
  screening: (a: { table: Table; n: number; config: ScreeningConfig }, t: TrainProgress): TrainedScreening =>
    trainScreening(a.table, a.n, a.config, t),
  clusters: (
    a: { profiles: RiskProfile[]; hasLabel: boolean; k: number; smoothing: number; seed: number },
    t: TrainProgress,
  ): { model: ClusterModel; assignment: Int32Array } =>
    fitClusters(a.profiles, a.hasLabel, a.k, a.smoothing, a.seed, (f) => {
      if (t.signal?.aborted) throw new DOMException('Training was cancelled', 'AbortError');
      t.progress(f);
    }),
};

export type MlTaskName = keyof typeof mlTasks;
export type MlTaskArgs<K extends MlTaskName> = Parameters<(typeof mlTasks)[K]>[0];
export type MlTaskResult<K extends MlTaskName> = ReturnType<(typeof mlTasks)[K]>;

export interface MlRunner {
  run<K extends MlTaskName>(task: K, args: MlTaskArgs<K>, t: TrainProgress): Promise<MlTaskResult<K>>;
}

const inProcess: MlRunner = {
  run: async (task, args, t) =>
    (mlTasks[task] as (a: typeof args, t: TrainProgress) => MlTaskResult<typeof task>)(args, t),
};

let runner: MlRunner = inProcess;

export function setMlRunner(r: MlRunner | null) {
  runner = r ?? inProcess;
}

export function runMlTask<K extends MlTaskName>(
  task: K,
  args: MlTaskArgs<K>,
  t: TrainProgress,
): Promise<MlTaskResult<K>> {
  return runner.run(task, args, t);
}
