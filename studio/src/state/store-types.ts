import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import type { NodeStatus } from '../../../runtime/execute/events.ts';
import type { Label } from '../../../runtime/nodes/param-meta.ts';
import type { ResultTable } from '../../../runtime/schema/types.ts';
import type { ActionName, ArgsOf, ResultOf } from './actions/registry.ts';
import type { Analysis, Analyzer } from './analysis/types.ts';
import type { History } from './history.ts';
import type { NodeResult, NodeRun } from './node-runs.ts';

export interface DispatchOptions {
  /** Consecutive dispatches with one key make one undo step: a drag (`drag:<gesture>`), typing in a field. */
  squash?: string;
  /** `never`: change without an undo step (remote changes). Default `immediate`. */
  capture?: 'immediate' | 'never';
}

export type DispatchResult<N extends ActionName> = { ok: true; result: ResultOf<N> } | { ok: false; reason: Label };

export type EngineState =
  | { state: 'off' }
  | { state: 'loading' }
  | { state: 'ready'; version: string; ms: number }
  | { state: 'error'; message: string };

/** A file being read into the studio: bytes known to be done out of the total, or indeterminate. */
export interface FileLoad {
  name: string;
  phase: 'reading' | 'transcoding' | 'storing' | 'loading' | 'done' | 'error';
  done: number;
  total: number;
  message?: string;
}

/** The inspected node's full result, materialized as a table the grid and profile read in windows. */
export interface Inspection {
  nodeId: string;
  signature: string;
  relation: string;
  rows: number;
  ms: number;
  /** Only the first rows (the grid's first window) while the full result is computed: `rows` is not the total. */
  partial?: boolean;
  /** The partial result's rows, read with it, so the grid shows them without a query of its own. */
  firstRows?: ResultTable;
}

export interface RunProgress {
  active: boolean;
  done: number;
  total: number;
  /** Wall time of the last finished run. */
  ms?: number;
}

export interface Notice {
  kind: 'refused' | 'error' | 'info';
  text: Label;
  at: number;
}

export interface StudioState {
  doc: PipelineDoc;
  history: History;
  analyzer: Analyzer | undefined;
  analysis: Analysis;
  /** Last outcome of each node (with the signature it was for); `nodeRuns` is what to display. */
  results: Record<string, NodeResult>;
  /** Nodes running now, with their progress 0…1, or -1 when they report none. */
  running: Record<string, number>;
  nodeRuns: Record<string, NodeRun>;
  run: RunProgress;
  autoRun: boolean;
  selection: string[];
  inspected: string | undefined;
  inspection: Inspection | undefined;
  engine: EngineState;
  loads: Record<string, FileLoad>;
  notice: Notice | undefined;
  /** Bumped on every change of `doc` (autosave, run scheduling). */
  revision: number;

  dispatch<N extends ActionName>(name: N, args: ArgsOf<N>, options?: DispatchOptions): DispatchResult<N>;
  /** Whether an edit would be accepted, without making it (React Flow's `isValidConnection`, menus). */
  check<N extends ActionName>(name: N, args: ArgsOf<N>): { ok: true } | { ok: false; reason: Label };
  undo(): boolean;
  redo(): boolean;
  /** Ends a squash run (a drag ended): the next edit with the same key is its own step. */
  closeStep(): void;
  /** Replaces the document without an undo step and clears the history (open a file, restore, new). */
  load(doc: PipelineDoc): void;
  setAnalyzer(analyzer: Analyzer): void;
  select(ids: string[]): void;
  inspect(id: string | undefined): void;
  setAutoRun(on: boolean): void;
  notify(kind: Notice['kind'], text: Label): void;

  // Written by the run controller and the engine/file layers, not by views.
  runStarted(total: number): void;
  nodeStarted(id: string): void;
  nodeProgress(id: string, fraction: number): void;
  nodeEnded(status: NodeStatus, signature: string): void;
  runEnded(ms: number): void;
  setInspection(inspection: Inspection | undefined): void;
  setEngine(engine: EngineState): void;
  setLoad(load: FileLoad): void;
}
