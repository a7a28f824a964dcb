import type { ResolvedPipeline } from '../document/validate.ts';
import type { Engine } from '../engine/engine.ts';
import { CancelledError, NodeError } from '../errors.ts';
import type { ModelStore } from '../ml/model-store.ts';
import { MemoryTrainingCache, type TrainingCache } from '../ml/training-cache.ts';
import { defaultTargets, planRun } from '../plan/plan-run.ts';
import type { PlanRequest } from '../plan/steps.ts';
import type { JsSandbox } from '../sandbox/types.ts';
import type { ResultTable, Schema } from '../schema/types.ts';
import type { FileAccess } from '../sources/file-access.ts';
import { ident } from '../sql/quote.ts';
import type { RunEvent, RunResult } from './events.ts';
import { nodeKeys } from './node-keys.ts';
import { ResultCache } from './result-cache.ts';
import { runSteps, type SessionParts, type StepOptions } from './run-steps.ts';

export { defaultTargets };

export interface RunOptions {
  /** Nodes whose full results are wanted; default: every node nobody reads from (sinks and leaves). */
  targets?: string[];
  /**
   * Nodes whose rows the caller writes to a file, straight from the node's query (`COPY (…) TO`): `write` gets
   * that query and returns the rows written. The node is not stored for it (unless it is a target too).
   */
  writes?: Record<string, (query: string, schema: Schema) => Promise<number>>;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

export interface PreviewOptions {
  limit?: number;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

export interface RuntimeOptions {
  /** Runs the code nodes' JavaScript; without one, `code.js` nodes fail with a clear message. */
  sandbox?: JsSandbox;
  /** The model registry model nodes use (asked at each run when a function); none: model nodes say there is none. */
  models?: ModelStore | (() => ModelStore | undefined);
  /** Where model nodes keep their trainings; none: an in-memory cache of this runtime's own. */
  trainings?: TrainingCache;
}

/**
 * Plans and runs pipelines on one Engine, keeping results by content key across runs: a re-run after
 * editing one node executes only that node and what depends on it. Each run is planned first
 * (`runtime/plan/plan-run.ts`: what is loaded, fused, stored, computed, written, read back), then carried out
 * (`run-steps.ts`); identical work asked for by two runs at once is done once (`result-cache.ts`).
 */
export class PipelineRuntime {
  private readonly session: SessionParts;

  constructor(engine: Engine, files: FileAccess, options: RuntimeOptions = {}) {
    this.session = {
      engine,
      files,
      sandbox: options.sandbox,
      models: options.models,
      trainings: options.trainings ?? new MemoryTrainingCache(),
      cache: new ResultCache(engine),
    };
  }

  get engine(): Engine {
    return this.session.engine;
  }

  run(pipeline: ResolvedPipeline, options: RunOptions = {}): Promise<RunResult> {
    const writes = options.writes ?? {};
    const request = { targets: options.targets ?? defaultTargets(pipeline), writes: Object.keys(writes) };
    return this.execute(pipeline, request, {
      signal: options.signal,
      onEvent: options.onEvent,
      write: (nodeId, query, schema) => writes[nodeId]!(query, schema),
    });
  }

  /** The first `limit` rows of one node; upstream work is cached, the LIMIT reaches DuckDB's optimizer. */
  async preview(pipeline: ResolvedPipeline, nodeId: string, options: PreviewOptions = {}): Promise<ResultTable> {
    let table: ResultTable | undefined;
    await this.previewWith(pipeline, nodeId, options, async (limited) => {
      table = await this.engine.query(limited, { signal: options.signal });
    });
    return table!;
  }

  /**
   * The first `limit` rows of one node written to `tableName` (replaced), for a reader that pages through
   * a relation (the studio's grid). The node itself is not materialized: with a sort, DuckDB runs a top-N
   * instead of sorting and storing every row, so the first window shows long before the full result.
   */
  async previewInto(
    pipeline: ResolvedPipeline,
    nodeId: string,
    tableName: string,
    options: PreviewOptions = {},
  ): Promise<{ relation: string; rows: number; table: ResultTable }> {
    const relation = ident(tableName);
    await this.previewWith(pipeline, nodeId, options, (limited) =>
      this.engine.exec(`CREATE OR REPLACE TEMP TABLE ${relation} AS ${limited}`, { signal: options.signal }),
    );
    // The rows too, so a reader can show them without queuing behind whatever the engine does next.
    const table = await this.engine.query(`SELECT * FROM ${relation}`, { signal: options.signal });
    return { relation, rows: table.rows.length, table };
  }

  /** Drops every table this runtime made. */
  clear(): Promise<void> {
    return this.session.cache.clear();
  }

  private async previewWith(
    pipeline: ResolvedPipeline,
    nodeId: string,
    options: PreviewOptions,
    read: (limited: string) => Promise<void>,
  ): Promise<void> {
    const limit = Math.max(0, Math.floor(options.limit ?? 100));
    let wasRead = false;
    const result = await this.execute(
      pipeline,
      { targets: [nodeId], preview: nodeId },
      {
        signal: options.signal,
        onEvent: options.onEvent,
        read: async (query) => {
          await read(`SELECT * FROM (${query}) LIMIT ${limit}`);
          wasRead = true;
        },
      },
    );
    const status = result.nodes.find((n) => n.nodeId === nodeId);
    if (status?.error) throw status.error;
    if (result.cancelled) throw new CancelledError();
    if (!wasRead) throw new NodeError(nodeId, 'execute', status?.reason ?? 'the node produced no result');
  }

  private async execute(
    pipeline: ResolvedPipeline,
    request: Omit<PlanRequest, 'isCached'>,
    options: StepOptions,
  ): Promise<RunResult> {
    const { cache, files } = this.session;
    // keys first (sources fingerprint their data), so the plan knows what is kept already
    const probe = planRun(pipeline, { ...request, isCached: () => false });
    const keys = await nodeKeys(pipeline, [...new Set(probe.map((s) => s.nodeId))], files);
    const isCached = (id: string) => {
      const key = keys.keys.get(id);
      return key !== undefined && cache.has(key);
    };
    const steps = planRun(pipeline, { ...request, isCached });
    return runSteps(this.session, pipeline, steps, keys, new Set(request.targets), options);
  }
}
