import type { Engine } from '../engine/engine.ts';
import type { ModelStore } from '../ml/model-store.ts';
import type { TrainingCache } from '../ml/training-cache.ts';
import type { JsSandbox } from '../sandbox/types.ts';
import type { FileAccess } from '../sources/file-access.ts';
import { PipelineRuntime } from './runtime.ts';

export interface RunSessionParts {
  engine: Engine;
  /** How sources open files and datasets, and outputs write them (the host's rules: folders, datasets by id). */
  files: FileAccess;
  /** Where code nodes' JavaScript runs; none: `code.js` nodes say there is no sandbox. */
  sandbox?: JsSandbox;
  /**
   * The model registry; none: model nodes that save or load a registered model say there is none. A function
   * when it comes and goes with the host's state (the studio's registry is the server's, while signed in).
   */
  models?: ModelStore | (() => ModelStore | undefined);
  /** Where model nodes keep trainings to reuse (IndexedDB, files); none: an in-memory cache of this session's. */
  trainings?: TrainingCache;
}

/** A run session: runs, previews and keeps results on one engine. */
export type RunSession = PipelineRuntime;

/**
 * The one way the studio, the command line and the scheduler open a session: everything a run reads or
 * writes through is given here, so nothing is process-wide and two sessions never see each other's state.
 */
export function createRunSession(parts: RunSessionParts): RunSession {
  return new PipelineRuntime(parts.engine, parts.files, {
    sandbox: parts.sandbox,
    models: parts.models,
    trainings: parts.trainings,
  });
}
