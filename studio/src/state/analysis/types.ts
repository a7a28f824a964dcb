import type { PipelineDoc } from '../../../../runtime/document/pipeline-doc.ts';
import type { ResolvedPipeline } from '../../../../runtime/document/validate.ts';
import type { Issue } from '../../../../runtime/errors.ts';
import type { NodeRegistry } from '../../../../runtime/nodes/registry.ts';
import type { Schema } from '../../../../runtime/schema/types.ts';

/** A schema learned from a run, valid while the node's signature is unchanged. */
export interface KnownSchema {
  signature: string;
  schema: Schema;
}

/** Everything the studio derives from the document without data; recomputed after every change. */
export interface Analysis {
  /** Problems tied to a node (validation, and params that do not fit the input columns). */
  issuesByNode: Record<string, Issue[]>;
  /** Problems of the whole document (a missing parameter value, a malformed document). */
  docIssues: Issue[];
  /** Each node's output columns (port `out`, or `id:port` for multi-output nodes); absent = not known yet. */
  schemas: Record<string, Schema>;
  /** Each node's input columns by port, in edge order; feeds column pickers even while the node is invalid. */
  inputSchemas: Record<string, Record<string, (Schema | undefined)[]>>;
  /** Identity of each node's result (type, params, inputs' signatures): a change marks the node stale. */
  signatures: Record<string, string>;
  /** The part of the document that can run: every node without issues whose inputs can run too. */
  runnable: ResolvedPipeline | undefined;
  /** Nodes left out of `runnable`, with the node whose issue keeps them out. */
  blocked: Record<string, string>;
}

export interface Analyzer {
  registry: NodeRegistry;
  analyze(doc: PipelineDoc, known: Record<string, KnownSchema>): Analysis;
  /** Parses, migrates and checks a document read from a file; throws a readable message when it is not one. */
  parse(input: unknown): PipelineDoc;
}

export const emptyAnalysis: Analysis = {
  issuesByNode: {},
  docIssues: [],
  schemas: {},
  inputSchemas: {},
  signatures: {},
  runnable: undefined,
  blocked: {},
};
