import type { PipelineDoc } from '../../../runtime/document/pipeline-doc.ts';
import type { Analysis, Analyzer, KnownSchema } from './analysis/types.ts';
import { emptyAnalysis } from './analysis/types.ts';
import { deriveNodeRuns, type NodeResult, type NodeRun } from './node-runs.ts';

interface Inputs {
  doc: PipelineDoc;
  analyzer: Analyzer | undefined;
  results: Record<string, NodeResult>;
  /** Nodes running now, with their progress 0…1, or -1 when they report none. */
  running: Record<string, number>;
}

/**
 * The derived part of the state: the analysis (re-run unless `keep` is given, e.g. when only run statuses
 * changed) and the per-node display state.
 */
export function analyzeState(s: Inputs, keep?: Analysis): { analysis: Analysis; nodeRuns: Record<string, NodeRun> } {
  const analysis = keep ?? (s.analyzer ? s.analyzer.analyze(s.doc, knownSchemas(s.results)) : emptyAnalysis);
  const ids = s.doc.nodes.map((n) => n.id);
  return { analysis, nodeRuns: deriveNodeRuns(ids, analysis, s.results, s.running) };
}

/** Schemas learned by runs, for schema propagation. */
export function knownSchemas(results: Record<string, NodeResult>): Record<string, KnownSchema> {
  const out: Record<string, KnownSchema> = {};
  for (const [id, r] of Object.entries(results)) if (r.schema) out[id] = { signature: r.signature, schema: r.schema };
  return out;
}
