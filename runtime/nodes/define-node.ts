import type { z } from 'zod';
import type { Engine } from '../engine/engine.ts';
import type { ModelStore } from '../ml/model-store.ts';
import type { TrainingCache } from '../ml/training-cache.ts';
import type { JsSandbox } from '../sandbox/types.ts';
import type { Schema } from '../schema/types.ts';
import type { FileAccess } from '../sources/file-access.ts';
import type { Label } from './param-meta.ts';

export type Category = 'source' | 'prep' | 'sql' | 'code' | 'model' | 'chart' | 'output';

export interface PortSpec {
  name: string;
  label: Label;
  /** Several edges may feed this port (union's `in`). */
  multiple?: boolean;
  /** The node runs without it. */
  optional?: boolean;
}

/** Input schemas by port; a multiple port has one schema per feeding edge, in edge order. */
export type InputSchemas = Record<string, Schema[]>;

export interface SchemaContext<P> {
  nodeId: string;
  params: P;
  inputs: InputSchemas;
}

export interface SqlContext<P> {
  nodeId: string;
  params: P;
  /** Quoted relation names by port, in edge order. */
  inputs: Record<string, string[]>;
  /** Input schemas by port, same order as `inputs`. */
  schemas: InputSchemas;
  /** Ids of the feeding nodes by port, same order as `inputs` (the SQL node names its inputs by them). */
  sources: Record<string, string[]>;
}

/** A user-visible note about the data, e.g. ragged CSV lines that were skipped. */
export interface Warning {
  message: string;
  /** 1-based line numbers in the source file, when the warning is about lines. */
  lines?: number[];
}

export interface SourceResult {
  /** Quoted relation (table or view) that holds the data in the engine. */
  relation: string;
  schema: Schema;
  warnings: Warning[];
}

export interface SourceContext<P> {
  nodeId: string;
  params: P;
  engine: Engine;
  files: FileAccess;
  /** A name the loader may create its table under; unique to this source's content. */
  tableName: string;
  signal?: AbortSignal;
}

export interface SinkContext<P> {
  nodeId: string;
  params: P;
  engine: Engine;
  files: FileAccess;
  /** Quoted relation holding the rows to write. */
  input: string;
  schema: Schema;
  signal?: AbortSignal;
}

interface BaseDefinition<P> {
  type: string;
  /** Bumped when params change shape; old params then go through `migrations`. */
  version: number;
  category: Category;
  label: Label;
  description: Label;
  inputs: PortSpec[];
  /** Zero (sink), one (`out`), or several output ports (SQL nodes with `outputPorts`). */
  outputs: PortSpec[];
  params: z.ZodType<P>;
}

/** Compiles to a SELECT over its inputs; the planner fuses chains of these into one query. */
export interface SqlNodeDefinition<P> extends BaseDefinition<P> {
  kind: 'sql';
  /**
   * Output columns from input columns and params, without touching data; throws ParamError.
   * `null` when only the engine can tell (free SQL); a type `UNKNOWN` when only the type is unknown.
   */
  outputSchema(ctx: SchemaContext<P>): Schema | null;
  toSql(ctx: SqlContext<P>): string;
  /**
   * For nodes with several output ports (e.g. `valid` and `rejected`): each port is a SELECT over the
   * node's own result, whose columns `outputSchema` describes.
   */
  outputPorts?: Record<string, { schema(self: Schema): Schema; sql(self: string): string }>;
  /**
   * The output is usually far smaller than the input (an aggregate): the planner keeps it as a table,
   * so editing anything downstream re-runs in a fraction of the time.
   */
  smallOutput?: boolean;
}

/** What `sourceSql` gets: the source's params, and the columns `load` produced from them. */
export interface SourceSqlContext<P> {
  nodeId: string;
  params: P;
  engine: Engine;
  files: FileAccess;
  /** The SQL must give these columns and types (e.g. codes with leading zeros stay VARCHAR). */
  schema: Schema;
}

/** A SELECT that reads the source's data in DuckDB by itself, or the reason there is none. */
export type SourceSql = { sql: string } | { unsupported: string };

/** Brings data into the engine. */
export interface SourceNodeDefinition<P> extends BaseDefinition<P> {
  kind: 'source';
  /** A stable fingerprint of the data the params point at (path + size + mtime, or content hash). */
  fingerprint(ctx: Omit<SourceContext<P>, 'tableName' | 'engine'>): Promise<string>;
  load(ctx: SourceContext<P>): Promise<SourceResult>;
  /** The source as DuckDB SQL, for exporting a pipeline as a script (`runtime/execute/export-sql.ts`). */
  sourceSql?(ctx: SourceSqlContext<P>): Promise<SourceSql>;
  /**
   * The server datasets (by id) these params read, after `{{parameter}}` substitution: the runner checks the
   * pipeline's owner may read each before anything runs.
   */
  datasetRefs?(params: P): string[];
  /**
   * These params with every file path they read passed through `resolve`: the command line anchors relative
   * paths with it, the runner checks each stays inside the data folder (`resolve` throws where it does not).
   */
  resolvePaths?(params: P, resolve: (path: string) => string): P;
  /**
   * These params (as written in the document, before they are checked) reading `file` instead, in `format`
   * when the file's name says one: the command line's `--input NODE=FILE`. None: the source reads no file.
   */
  readFrom?(params: Record<string, unknown>, file: { path: string; format?: string }): Record<string, unknown>;
}

/** Writes its input somewhere; has no output. */
export interface SinkNodeDefinition<P> extends BaseDefinition<P> {
  kind: 'sink';
  write(ctx: SinkContext<P>): Promise<{ rows: number; warnings?: Warning[] }>;
}

export interface ComputeContext<P> {
  nodeId: string;
  params: P;
  engine: Engine;
  /** Each input as a parenthesised query or a table name, usable after FROM; by port, in edge order. */
  inputs: Record<string, string[]>;
  schemas: InputSchemas;
  /** Ids of the feeding nodes by port, same order as `inputs` (the code node names its inputs by them). */
  sources?: Record<string, string[]>;
  /** Where user JavaScript runs (`runtime/sandbox/`); given by whoever builds the runtime. */
  sandbox?: JsSandbox;
  /** The model registry (`runtime/ml/model-store.ts`), given by whoever opens the run session; none: no registry. */
  models?: ModelStore;
  /** Trainings kept by what they learnt from (`runtime/ml/training-cache.ts`), given by the run session. */
  trainings?: TrainingCache;
  /** Create the output as this table (or view) in the engine. */
  tableName: string;
  signal?: AbortSignal;
  /** Reports progress between 0 and 1 for long work (training a model, scoring). */
  progress(fraction: number): void;
}

/**
 * Work SQL cannot express (model training and scoring, graph algorithms, user JavaScript): reads its
 * inputs from the engine, computes, and writes its output table back so downstream SQL continues in DuckDB.
 */
export interface ComputeNodeDefinition<P> extends BaseDefinition<P> {
  kind: 'compute';
  /** Output columns without data when they can be known; `null` when only running tells. */
  outputSchema(ctx: SchemaContext<P>): Schema | null;
  /**
   * `companions`: tables the run made beside its output (bare names, e.g. link analysis's `<tableName>_edges`);
   * the result cache drops them with the output when the result leaves it.
   */
  run(ctx: ComputeContext<P>): Promise<{ warnings?: Warning[]; companions?: string[] }>;
}

export type NodeDefinition<P = unknown> =
  | SqlNodeDefinition<P>
  | SourceNodeDefinition<P>
  | SinkNodeDefinition<P>
  | ComputeNodeDefinition<P>;

/** Identity with inference: `defineNode({ kind: 'sql', params: z.object(…), … })` types `params` everywhere. */
export function defineNode<P>(definition: SqlNodeDefinition<P>): SqlNodeDefinition<P>;
export function defineNode<P>(definition: SourceNodeDefinition<P>): SourceNodeDefinition<P>;
export function defineNode<P>(definition: SinkNodeDefinition<P>): SinkNodeDefinition<P>;
export function defineNode<P>(definition: ComputeNodeDefinition<P>): ComputeNodeDefinition<P>;
export function defineNode<P>(definition: NodeDefinition<P>): NodeDefinition<P> {
  return definition;
}
