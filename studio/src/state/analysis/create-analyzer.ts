import { migrateDoc } from '../../../../runtime/document/migrate.ts';
import { type PipelineDoc, pipelineDocSchema } from '../../../../runtime/document/pipeline-doc.ts';
import type { Issue } from '../../../../runtime/errors.ts';
import type { NodeRegistry } from '../../../../runtime/nodes/registry.ts';
import { propagateSchemas } from '../../../../runtime/schema/propagate.ts';
import { inputSchemasOf } from './input-schemas.ts';
import { runnableSubset } from './runnable-subset.ts';
import { nodeSignatures } from './signatures.ts';
import type { Analysis, Analyzer, KnownSchema } from './types.ts';

/** Validation, runnable subset, signatures and schema propagation over one node registry. */
export function createAnalyzer(registry: NodeRegistry): Analyzer {
  return {
    registry,
    analyze(doc: PipelineDoc, known: Record<string, KnownSchema>): Analysis {
      const signatures = nodeSignatures(doc);
      const subset = runnableSubset(doc, registry);
      const propagated = subset.runnable
        ? // a schema a run learned holds while the node's signature is unchanged
          propagateSchemas(subset.runnable, (id) =>
            known[id]?.signature === signatures[id] ? known[id]?.schema : undefined,
          )
        : { schemas: {}, issues: [] };
      const issuesByNode: Record<string, Issue[]> = {};
      const docIssues: Issue[] = [];
      for (const issue of [...subset.issues, ...propagated.issues]) {
        if (issue.nodeId === undefined) docIssues.push(issue);
        else issuesByNode[issue.nodeId] = [...(issuesByNode[issue.nodeId] ?? []), issue];
      }
      return {
        issuesByNode,
        docIssues,
        schemas: propagated.schemas,
        inputSchemas: inputSchemasOf(doc, registry, propagated.schemas),
        signatures,
        runnable: subset.runnable,
        blocked: subset.blocked,
      };
    },
    parse(input: unknown): PipelineDoc {
      const parsed = pipelineDocSchema.safeParse(migrateDoc(input));
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(`${first?.path.join('.') || 'document'}: ${first?.message ?? 'not a pipeline document'}`);
      }
      return parsed.data;
    },
  };
}
